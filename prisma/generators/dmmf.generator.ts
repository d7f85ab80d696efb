// A Prisma generator that saves the full DMMF datamodel as JSON for the AdminJS adapter.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import generatorHelper from '@prisma/generator-helper';

generatorHelper.generatorHandler({
  onManifest: () => ({ prettyName: 'AdminJS DMMF', defaultOutput: './generated' }),
  onGenerate: async (options) => {
    const outputDir = options.generator.output?.value;
    if (!outputDir) throw new Error('dmmf generator: output directory is not set');
    await mkdir(outputDir, { recursive: true });
    await writeFile(path.join(outputDir, 'dmmf.json'), JSON.stringify(options.dmmf.datamodel, null, 1));
  },
});
