// How a stored value reads on screen, one way per language: closed values by their label, yes/no,
// dates and numbers in the user's language (9.570 and 16.445,86 alike in Spanish). Lists, show pages,
// related tables and history all format through here.

type Translate = (key: string, resourceId?: string, options?: { defaultValue?: string }) => string;

export interface ValueContext {
  language: string;
  tl: Translate;
  tm: Translate;
}

/** What the formatter needs of a property (AdminJS's PropertyJSON and ResourceJSON's properties fit). */
export interface Described {
  type?: string;
  path?: string;
  name?: string;
  availableValues?: { value: string | number; label?: string }[] | null;
  resourceId?: string;
  isId?: boolean;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(value: number, language: string): string {
  let format = numberFormats.get(language);
  if (!format) {
    // Grouping always: Spanish otherwise writes 9570 beside 50.000.
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: 'always' } as Intl.NumberFormatOptions);
    numberFormats.set(language, format);
  }
  return format.format(value);
}

// Four-digit years: "23/11/26" reads as three different dates depending on who reads it.
const DAY: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

export function formatDate(value: string | Date, kind: 'date' | 'datetime', language: string): string {
  const date = typeof value === 'string' && kind === 'date' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return kind === 'date'
    ? new Intl.DateTimeFormat(language, { ...DAY, timeZone: 'UTC' }).format(date)
    : new Intl.DateTimeFormat(language, { ...DAY, hour: '2-digit', minute: '2-digit' }).format(date);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The value as text for a property (type, closed values) of a resource; '—' when empty. */
export function formatValue(raw: unknown, property: Described | undefined, ctx: ValueContext): string {
  if (raw === null || raw === undefined || raw === '') return '—';
  const resourceId = property?.resourceId;
  const path = property?.path ?? property?.name;
  if (property?.availableValues?.length || (path && typeof raw === 'string' && /^[A-Z][A-Z0-9_]+$/.test(raw)))
    return ctx.tl(`${path}.${raw}`, resourceId, { defaultValue: property?.availableValues?.find((v) => v.value === raw)?.label ?? String(raw) });
  const type = property?.type;
  if (type === 'boolean' || typeof raw === 'boolean' || ((raw === 'true' || raw === 'false') && !type))
    return ctx.tm(raw === true || raw === 'true' ? 'valueYes' : 'valueNo');
  if (type === 'date' || (!type && typeof raw === 'string' && ISO_DATE.test(raw))) return formatDate(String(raw), 'date', ctx.language);
  if (type === 'datetime' || (!type && typeof raw === 'string' && ISO_INSTANT.test(raw))) return formatDate(String(raw), 'datetime', ctx.language);
  // A year is a name, not an amount: "2026", never "2.026".
  if (path && /(^|\.)year$|Year$/.test(path)) return String(raw);
  if (!property?.isId && path !== 'id' && (type === 'number' || type === 'float' || type === 'currency' || typeof raw === 'number')) {
    const number = Number(raw);
    if (Number.isFinite(number)) return formatNumber(number, ctx.language);
  }
  if (typeof raw === 'object') return JSON.stringify(raw);
  return String(raw);
}
