// Record ids as people and URLs give them: decimal digits only, positive, within the column's range.
// "0x1", "1e3", "-1", " 1", "1.0" and 99999999999999999999 are no ids (Number() would take several).

const INT_MAX = 2_147_483_647n;
const BIGINT_MAX = 9_223_372_036_854_775_807n;
const DIGITS = /^[1-9][0-9]{0,18}$/;

export type IdColumn = 'Int' | 'BigInt';

/** The id, or null when `value` is not a positive integer of the column's type. */
export function parseRecordId(value: unknown, column: 'BigInt'): bigint | null;
export function parseRecordId(value: unknown, column?: 'Int'): number | null;
export function parseRecordId(value: unknown, column?: IdColumn): number | bigint | null;
export function parseRecordId(value: unknown, column: IdColumn = 'Int'): number | bigint | null {
  const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : typeof value === 'bigint' ? value.toString() : value;
  if (typeof text !== 'string' || !DIGITS.test(text)) return null;
  const id = BigInt(text);
  if (id > (column === 'BigInt' ? BIGINT_MAX : INT_MAX)) return null;
  return column === 'BigInt' ? id : Number(id);
}
