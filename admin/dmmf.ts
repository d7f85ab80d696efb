// The full DMMF written by our generator (prisma/generators): @adminjs/prisma needs field metadata
// (isId, relationName...) that the client engine's runtime DMMF leaves out.
import type { DMMF } from '@prisma/generator-helper';
import { SECRET_FIELDS } from '../domain/access/secret-fields.js';
import { getFullModel } from '../prisma/dmmf.js';
import { HIDDEN_FIELDS } from './adapter/model-settings.js';

export { getFullModel, modelOfTable } from '../prisma/dmmf.js';

/** The model as AdminJS may know it: secret and generated fields are left out, so they cannot be shown,
 * filtered, sorted or written through the UI. */
export function getModel(name: string): DMMF.Model {
  const model = getFullModel(name);
  const hidden = [...(SECRET_FIELDS[name] ?? []), ...(HIDDEN_FIELDS[name] ?? [])];
  return { ...model, fields: model.fields.filter((field) => !hidden.includes(field.name)) };
}
