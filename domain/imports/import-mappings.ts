// What a clerk told an import once and the next run remembers (table import_mappings, per import
// kind): a value of a closed column that means one of our codes ("OPERATIVO" → IN_SERVICE), a value of
// a reference column that means an existing entry ("Bombas centrif." → category BOM-C), and a header
// of his sheet that holds one of our fields ("Estado SAP" → status).
import { z } from 'zod';
import { AccessDeniedError, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { headerKey } from './cell-values.js';
import { importDefinition } from './definitions/index.js';
import { choicesOf, entryKeyOf, type ReferenceDefinition } from './import-definition.js';
import { escapeLike, normalizeSearchText } from '../search.js';
import { Refusal } from '../refusal.js';

export interface ImportMappings {
  /** field → (value as compared → code: of the closed list, or of the referenced entry). */
  values: Map<string, Map<string, string>>;
  /** header as compared → field. */
  headers: Map<string, string>;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

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
  // A value of a closed or reference column → one of its codes (an existing entry's); an empty target forgets the mapping.
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
  let target = isHeader ? mapping.field : mapping.target;
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
    const column = definition.columns.find((c) => c.field === field && (c.type === 'choice' || c.type === 'choices' || c.type === 'reference'));
    if (!column) throw new Refusal('importMappingNoChoices', { field });
    if (column.reference) {
      // Kept as the entry's code, so the run finds it by the unique index whatever the clerk typed.
      const code = await existingCode(prisma, column.reference, target);
      if (code === null) throw new Refusal('importMappingNoReference', { value: target, noun: column.reference.noun });
      target = code;
    } else if (!choicesOf(definition, column).some((choice) => choice.code === target)) throw new Refusal('importMappingNotAValue', { value: target, field });
  }
  await prisma.importMapping.upsert({
    where,
    create: { kind, field, sourceKey, sourceText: source, target, userId },
    update: { sourceText: source, target, userId },
  });
}

/** The code (first column it is named by) of the entry the text names: exactly, then without case or accents. */
async function existingCode(prisma: Db, reference: ReferenceDefinition, text: string): Promise<string | null> {
  const code = entryKeyOf(reference);
  for (const exact of [true, false])
    for (const by of reference.by) {
      const rows = await prisma.$queryRawUnsafe<{ code: string }[]>(
        `SELECT ${ident(code)}::text AS code FROM ${ident(reference.table)} WHERE ${exact ? ident(by) : `cmms_normalize(${ident(by)})`} = ${exact ? '$1' : 'cmms_normalize($1)'} ORDER BY id LIMIT 1`,
        text,
      );
      if (rows[0]) return rows[0].code;
    }
  return null;
}

/** Entries of a reference column's catalogue whose code or name contains what the clerk typed, for
 * the preview's choice of an existing entry (at most `limit`, by code). */
export async function referenceSuggestions(prisma: Db, kind: string, field: string, typed: string, limit = 20): Promise<{ code: string; name: string | null }[]> {
  const reference = importDefinition(kind)?.columns.find((c) => c.field === field)?.reference;
  if (!reference) throw new Refusal('importMappingNoChoices', { field }, { kind: 'notFound' });
  const code = entryKeyOf(reference);
  const name = reference.by.find((by) => by !== code);
  const pattern = `%${escapeLike(normalizeSearchText(typed.trim()))}%`;
  return prisma.$queryRawUnsafe<{ code: string; name: string | null }[]>(
    `SELECT ${ident(code)}::text AS code, ${name ? `${ident(name)}::text` : 'NULL'} AS name FROM ${ident(reference.table)}
     WHERE ${reference.by.map((by) => `cmms_normalize(${ident(by)}) LIKE $1`).join(' OR ')} ORDER BY 1 LIMIT ${Number(limit)}`,
    pattern,
  );
}
