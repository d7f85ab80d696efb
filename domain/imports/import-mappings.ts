// What a clerk told an import once and the next run remembers (table import_mappings, per import
// kind): a value of a closed column that means one of our codes ("OPERATIVO" → IN_SERVICE), and a
// header of his sheet that holds one of our fields ("Estado SAP" → status).
import { z } from 'zod';
import { AccessDeniedError, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { headerKey } from './cell-values.js';
import { importDefinition } from './definitions/index.js';
import { choicesOf } from './import-definition.js';
import { Refusal } from '../refusal.js';

export interface ImportMappings {
  /** field → (value as compared → code). */
  values: Map<string, Map<string, string>>;
  /** header as compared → field. */
  headers: Map<string, string>;
}

export const NO_MAPPINGS: ImportMappings = { values: new Map(), headers: new Map() };

export async function loadMappings(prisma: Db, kind: string): Promise<ImportMappings> {
  const rows = await prisma.importMapping.findMany({ where: { kind } });
  const mappings: ImportMappings = { values: new Map(), headers: new Map() };
  for (const row of rows) {
    if (row.field === '') mappings.headers.set(row.sourceKey, row.target);
    else {
      let values = mappings.values.get(row.field);
      if (!values) mappings.values.set(row.field, (values = new Map()));
      values.set(row.sourceKey, row.target);
    }
  }
  return mappings;
}

export const saveMappingInput = z.union([
  // A value of a closed column → one of its codes; an empty target forgets the mapping.
  z.object({ field: z.string().min(1).max(60), value: z.string().trim().min(1).max(200), target: z.string().max(200) }),
  // A header of the clerk's sheet → one of the import's fields; an empty field forgets it.
  z.object({ header: z.string().trim().min(1).max(200), field: z.string().max(60) }),
]);

/** Saves (or forgets) one mapping for the kind, after checking it names a real field and code. */
export async function saveMapping(prisma: Db, ability: AppAbility, userId: number, kind: string, input: z.input<typeof saveMappingInput>): Promise<void> {
  const definition = importDefinition(kind);
  if (!definition) throw new Refusal('importKindUnknown', { kind }, { kind: 'notFound' });
  if (!ability.can('import', definition.model)) throw new AccessDeniedError('import', definition.model);
  const mapping = saveMappingInput.parse(input);
  const isHeader = 'header' in mapping;
  const source = isHeader ? mapping.header : mapping.value;
  const field = isHeader ? '' : mapping.field;
  const target = isHeader ? mapping.field : mapping.target;
  const sourceKey = headerKey(source);
  if (!sourceKey) throw new Refusal('importMappingUnreadable', { source });
  const where = { kind_field_sourceKey: { kind, field, sourceKey } };
  if (!target) {
    await prisma.importMapping.deleteMany({ where: { kind, field, sourceKey } });
    return;
  }
  if (isHeader) {
    if (!definition.columns.some((column) => column.field === target)) throw new Refusal('importMappingNoField', { field: target });
  } else {
    const column = definition.columns.find((c) => c.field === field && (c.type === 'choice' || c.type === 'choices'));
    if (!column) throw new Refusal('importMappingNoChoices', { field });
    if (!choicesOf(definition, column).some((choice) => choice.code === target))
      throw new Refusal('importMappingNotAValue', { value: target, field });
  }
  await prisma.importMapping.upsert({
    where,
    create: { kind, field, sourceKey, sourceText: source, target, userId },
    update: { sourceText: source, target, userId },
  });
}
