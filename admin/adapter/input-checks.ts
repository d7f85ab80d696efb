// What a list request and a form may carry, checked before anything reaches Prisma or PostgreSQL, so
// input that cannot mean anything is refused with a translated message instead of failing inside the
// database (a 500): page windows, filter values by property type, and form values by column type.
import { flat, ValidationError, type Before, type PropertyErrors } from 'adminjs';
import type { DMMF } from '@prisma/generator-helper';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { parseRecordId } from '../../domain/record-id.js';

/** Most rows one read asks for: AdminJS caps a list page at 500; exports read pages of a few thousand. */
export const FIND_LIMIT = 10_000;
/** Longest text a list filter or search takes: a search box, not a document. */
export const FILTER_TEXT_LIMIT = 200;
/** Longest text a form field without a declared length takes (PostgreSQL `text`). */
export const FORM_TEXT_LIMIT = 10_000;

const INT_RANGE = 2_147_483_647;
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER = /^-?\d+$/;

/** The window of a list page: AdminJS computes offset = (page - 1) * perPage from the query. */
export function checkListWindow(limit: unknown, offset: unknown): void {
  if (!Number.isSafeInteger(limit) || (limit as number) < 1 || (limit as number) > FIND_LIMIT) throw new MalformedInputError('invalidPerPage');
  if (!Number.isSafeInteger(offset) || (offset as number) < 0 || (offset as number) > INT_RANGE) throw new MalformedInputError('invalidPage');
}

/** A date-range filter's bounds ({ from, to }), refused when either is not a date. */
export function dateBounds(field: string, value: unknown): { from?: Date; to?: Date } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new MalformedInputError('invalidFilterDate', { field });
  const { from, to } = value as { from?: unknown; to?: unknown };
  const bound = (text: unknown) => {
    if (text === undefined || text === '') return undefined;
    const date = typeof text === 'string' && text.length <= 40 ? new Date(text) : null;
    if (!date || !isStorableDate(date)) throw new MalformedInputError('invalidFilterDate', { field });
    return date;
  };
  return { from: bound(from), to: bound(to) };
}

export function filterNumber(field: string, value: unknown, integer: boolean): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !(integer ? INTEGER : NUMBER).test(text.trim())) throw new MalformedInputError('invalidFilterNumber', { field });
  const number = Number(text);
  if (!Number.isFinite(number) || (integer && Math.abs(number) > INT_RANGE)) throw new MalformedInputError('invalidFilterNumber', { field });
  return number;
}

export function filterReference(field: string, value: unknown, column: 'Int' | 'BigInt' = 'Int'): number | bigint {
  const id = parseRecordId(value, column);
  if (id === null) throw new MalformedInputError('invalidFilterReference', { field });
  return id;
}

export function filterText(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new MalformedInputError('invalidFilter', { field });
  if (value.includes('\0')) throw new MalformedInputError('nulCharacter');
  if (value.length > FILTER_TEXT_LIMIT) throw new MalformedInputError('filterTooLong', { field, max: FILTER_TEXT_LIMIT });
  return value;
}

/** PostgreSQL keeps years 4713 BC to 294276 AD; forms and filters mean years 1 to 9999. */
export function isStorableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1 && year <= 9999;
}

/**
 * Field errors of a new/edit form's payload, by property path: each value the form carries for a
 * column must be of its kind (text of at most the column's length and without NUL, a number within the
 * column's range, a date, a boolean, a record id). Objects where a value
 * belongs ("references given as objects") are refused. Fields the resource does not know are left to
 * the adapter (they are not written); a closed value outside its list is left to the column's CHECK,
 * which the adapter turns into a field error (database-errors.ts).
 */
export function formPayloadErrors(
  model: DMMF.Model,
  properties: { path: string; isArray: boolean }[],
  payload: Record<string, unknown>,
): PropertyErrors {
  const errors: PropertyErrors = {};
  for (const property of properties) {
    const value = flat.get(payload as never, property.path) as unknown;
    if (value === undefined) continue;
    const field = fieldOf(model, property.path);
    if (!field) continue;
    const message =
      property.isArray || field.isList
        ? Array.isArray(value)
          ? value.map((item) => valueError(field, item)).find(Boolean)
          : value === '' || value === null
            ? undefined
            : 'invalidValue'
        : valueError(field, value);
    if (message) errors[property.path] = { message, type: 'malformed' };
  }
  return errors;
}

/** The column a property writes: the scalar itself, or a relation's foreign key. */
function fieldOf(model: DMMF.Model, path: string): DMMF.Field | undefined {
  const field = model.fields.find((f) => f.name === path);
  if (field?.kind !== 'object') return field;
  const foreignKey = field.relationFromFields?.[0];
  return foreignKey ? { ...model.fields.find((f) => f.name === foreignKey)!, kind: 'object' } : undefined;
}

function valueError(field: DMMF.Field, value: unknown): string | undefined {
  if (value === null || value === '') return undefined;
  if (typeof value === 'object') return 'invalidValue';
  const text = String(value);
  if (text.includes('\0')) return 'textHasNul';
  if (field.kind === 'object') return parseRecordId(text, field.type === 'BigInt' ? 'BigInt' : 'Int') === null ? 'invalidReference' : undefined;
  switch (field.type) {
    case 'Int':
    case 'BigInt': {
      if (!INTEGER.test(text)) return 'invalidNumber';
      const limit = field.type === 'Int' ? BigInt(INT_RANGE) : 9_223_372_036_854_775_807n;
      const number = BigInt(text);
      return number > limit || number < -limit ? 'numberOutOfRange' : undefined;
    }
    case 'Float':
    case 'Decimal': {
      if (!NUMBER.test(text) || !Number.isFinite(Number(text))) return 'invalidNumber';
      const [precision, scale] = (field.nativeType?.[1] ?? []).map(Number);
      const integerDigits = text.replace(/^-/, '').split('.')[0]!.replace(/^0+/, '').length;
      if (precision !== undefined && integerDigits > precision - (scale ?? 0)) return 'numberOutOfRange';
      return Math.abs(Number(text)) > 1e15 ? 'numberOutOfRange' : undefined;
    }
    case 'DateTime':
      return text.length > 40 || !isStorableDate(new Date(text)) ? 'invalidDate' : undefined;
    case 'Boolean':
      return ['true', 'false'].includes(text) ? undefined : 'invalidValue';
    case 'String': {
      const declared = Number(field.nativeType?.[1]?.[0]) || FORM_TEXT_LIMIT;
      return [...text].length > declared ? 'textTooLong' : undefined;
    }
    default:
      return undefined;
  }
}

/** Before-hook of every resource's new and edit: a payload with a value of the wrong kind is refused
 * with field errors (AdminJS's form shows them), before AdminJS converts it (Number('abc') is NaN,
 * new Date('x') is Invalid Date, a text where a list belongs breaks its .map) or Prisma sees it. */
export const refuseMalformedPayload: Before = async (request, context) => {
  if (request.method !== 'post') return request;
  const resource = context.resource as unknown as { malformedFields?(payload: Record<string, unknown>): PropertyErrors };
  const errors = resource.malformedFields?.(request.payload ?? {}) ?? {};
  if (Object.keys(errors).length) throw new ValidationError(errors, { message: 'thereWereValidationErrors', type: 'malformed' });
  return request;
};
