// Every import points down, and no file imports itself round a cycle: the rules of .dependency-cruiser.cjs
// over the application's folders, checked by dependency-cruiser on every `npm test`.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const APPLICATION = ['admin', 'domain', 'resources', 'server', 'jobs', 'integrations', 'prisma'];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

/** The rules' violations over `folders` of `cwd`, one line each: "rule: from → to". */
async function violations(cwd: string, folders: string[]): Promise<string[]> {
  const config = path.join(cwd, '.dependency-cruiser.cjs');
  // dependency-cruiser exits non-zero when it finds violations; the JSON report is on stdout either way.
  const { stdout } = await promisify(execFile)(process.execPath, [DEPCRUISE, '-c', config, '--output-type', 'json', ...folders], { cwd, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const report = JSON.parse(stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  expect(report.summary.totalCruised).toBeGreaterThan(0);
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.cycle?.length ? v.cycle.map((c) => c.name).join(' → ') : v.to}`);
}

describe('the application imports point down', () => {
  it('domain/ reaches no web layer, prisma/ and integrations/ reach no application code, and there are no cycles', async () => {
    expect(await violations(ROOT, APPLICATION)).toEqual([]);
  });

  it('a wrong-way import or a cycle added to a module fails the check', async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'cmms-architecture-'));
    try {
      await copyFile(path.join(ROOT, '.dependency-cruiser.cjs'), path.join(scratch, '.dependency-cruiser.cjs'));
      await copyFile(path.join(ROOT, 'tsconfig.json'), path.join(scratch, 'tsconfig.json'));
      const files: Record<string, string> = {
        'admin/page.ts': "export const page = 'page';\n",
        'domain/stock/issue-material.ts': "import { page } from '../../admin/page.js';\nexport const issue = page;\n",
        'domain/stock/reserve.ts': "import { release } from './release.js';\nexport const reserve = () => release;\n",
        'domain/stock/release.ts': "import { reserve } from './reserve.js';\nexport const release = () => reserve;\n",
        'integrations/erp/client.ts': "import { reserve } from '../../domain/stock/reserve.js';\nexport const push = reserve;\n",
        'prisma/seed.ts': "import { push } from '../integrations/erp/client.js';\nexport const seed = push;\n",
      };
      for (const [file, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(scratch, file)), { recursive: true });
        await writeFile(path.join(scratch, file), text);
      }
      expect((await violations(scratch, ['admin', 'domain', 'integrations', 'prisma'])).sort()).toEqual([
        'domain-points-down: domain/stock/issue-material.ts → admin/page.ts',
        'integrations-declare-their-own-types: integrations/erp/client.ts → domain/stock/reserve.ts',
        'no-circular: domain/stock/release.ts → domain/stock/reserve.ts → domain/stock/release.ts',
        'prisma-points-down: prisma/seed.ts → integrations/erp/client.ts',
      ]);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
