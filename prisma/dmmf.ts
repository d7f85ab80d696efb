// The full DMMF written by our generator (prisma/generators): field metadata (isId, relationName, dbName...)
// that the client engine's runtime DMMF leaves out. AdminJS reads it through admin/dmmf.ts; our own SQL
// (prisma/where-sql.ts) reads table and column names from it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DMMF } from '@prisma/generator-helper';

const DMMF_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'generated/dmmf.json');

let datamodel: DMMF.Datamodel | undefined;

/** The model with every field, for our adapter's own queries (search columns, raw SQL names). */
export function getFullModel(name: string): DMMF.Model {
  datamodel ??= JSON.parse(readFileSync(DMMF_FILE, 'utf8')) as DMMF.Datamodel;
  const model = datamodel.models.find((m) => m.name === name);
  if (!model) throw new Error(`Model ${name} is not in ${DMMF_FILE}; run "npm run db:generate"`);
  return model;
}

/** The model stored in a table ("work_orders" -> WorkOrder), for reading change history. */
export function modelOfTable(table: string): DMMF.Model | undefined {
  datamodel ??= JSON.parse(readFileSync(DMMF_FILE, 'utf8')) as DMMF.Datamodel;
  return datamodel.models.find((m) => (m.dbName ?? m.name) === table);
}
