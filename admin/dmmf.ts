// The full DMMF written by our generator (prisma/generators): @adminjs/prisma needs field metadata
// (isId, relationName...) that the client engine's runtime DMMF leaves out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DMMF } from '@prisma/generator-helper';
import { SECRET_FIELDS } from '../domain/access/secret-fields.js';
import { HIDDEN_FIELDS } from './adapter/model-settings.js';

const DMMF_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/generated/dmmf.json');

let datamodel: DMMF.Datamodel | undefined;

/** The model as AdminJS may know it: secret and generated fields are left out, so they cannot be shown,
 * filtered, sorted or written through the UI. */
export function getModel(name: string): DMMF.Model {
  const model = getFullModel(name);
  const hidden = [...(SECRET_FIELDS[name] ?? []), ...(HIDDEN_FIELDS[name] ?? [])];
  return { ...model, fields: model.fields.filter((field) => !hidden.includes(field.name)) };
}

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
