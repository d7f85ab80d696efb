// The full DMMF written by our generator (prisma/generators): @adminjs/prisma needs field metadata
// (isId, relationName...) that the client engine's runtime DMMF leaves out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DMMF } from '@prisma/generator-helper';
import { SECRET_FIELDS } from '../domain/access/secret-fields.js';

const DMMF_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/generated/dmmf.json');

let datamodel: DMMF.Datamodel | undefined;

/** The model as AdminJS may know it: secret fields are left out, so they cannot be shown, filtered or sorted. */
export function getModel(name: string): DMMF.Model {
  datamodel ??= JSON.parse(readFileSync(DMMF_FILE, 'utf8')) as DMMF.Datamodel;
  const model = datamodel.models.find((m) => m.name === name);
  if (!model) throw new Error(`Model ${name} is not in ${DMMF_FILE}; run "npm run db:generate"`);
  const secrets = SECRET_FIELDS[name] ?? [];
  return { ...model, fields: model.fields.filter((field) => !secrets.includes(field.name)) };
}
