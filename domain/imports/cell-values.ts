// What a cell of a clerk's workbook holds, reduced to a plain value, and the parsers that turn it into
// a column's type. Each parser returns the value or a Spanish reason the error report shows.
import { normalizeSearchText } from '../search.js';

import type { CellValue } from './xlsx-sheet.mjs';

export type { CellValue };
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** How headers are compared: no case, accents, punctuation or spaces ("Código  interno" = "codigo_interno"). */
export function headerKey(text: string): string {
  return normalizeSearchText(text).replace(/[^a-z0-9]+/g, '');
}

/** The cell as the clerk typed it, for the error report. */
export function displayValue(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 16 : 10).replace('T', ' ');
  return String(value);
}

export function parseText(value: CellValue, maxLength: number): Parsed<string> {
  const text = value instanceof Date ? displayValue(value) : String(value).trim();
  if (text.length > maxLength) return { ok: false, reason: `Texto demasiado largo: ${text.length} caracteres, el máximo es ${maxLength}.` };
  return { ok: true, value: text };
}

/** "1.234,5", "1234.5", "1,5" and numbers alike; a decimal comma is the plant's habit. */
export function parseDecimal(value: CellValue): Parsed<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'No es un número.' };
  if (typeof value !== 'string') return { ok: false, reason: 'No es un número.' };
  let text = value.replace(/\s/g, '');
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^[+-]?\d*,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return { ok: false, reason: `"${value}" no es un número (use por ejemplo 1234,5).` };
  return { ok: true, value: Number(text) };
}

export function parseInteger(value: CellValue): Parsed<number> {
  const number = parseDecimal(value);
  if (!number.ok) return number;
  if (!Number.isInteger(number.value)) return { ok: false, reason: `${number.value} no es un número entero.` };
  return number;
}

const TRUE_WORDS = new Set(['si', 'sí', 'yes', 'true', 'verdadero', 'x', '1', 's', 'y']);
const FALSE_WORDS = new Set(['no', 'false', 'falso', '0', 'n']);
export function parseBoolean(value: CellValue): Parsed<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  const word = normalizeSearchText(String(value).trim());
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, reason: `"${value}" no es Sí/No.` };
}

// Excel's day 0 is 1899-12-30 (with its 1900 leap-year bug folded in).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A wall-clock date and time as read from the sheet (UTC fields = what the clerk sees). */
export function parseWallClock(value: CellValue, withTime: boolean): Parsed<Date> {
  if (value instanceof Date) return { ok: true, value };
  if (typeof value === 'number') {
    // A date serial: 1 = 1900-01-01; beyond year 9999 it is not a date.
    if (value < 1 || value > 2_958_465) return { ok: false, reason: `${value} no es una fecha de Excel.` };
    return { ok: true, value: new Date(EXCEL_EPOCH + Math.round(value * DAY_MS)) };
  }
  const text = String(value).trim();
  // dd/mm/yyyy (the plant's way), dd-mm-yyyy, yyyy-mm-dd; optional hh:mm[:ss].
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1], dmy[4], dmy[5], dmy[6]] : ymd ? [ymd[1], ymd[2], ymd[3], ymd[4], ymd[5], ymd[6]] : null;
  if (!parts) return { ok: false, reason: `"${text}" no es una fecha (use dd/mm/aaaa${withTime ? ' hh:mm' : ''}).` };
  const [year, month, day, hour, minute, second] = parts.map((p) => Number(p ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return { ok: false, reason: `"${text}" no es una fecha válida.` };
  return { ok: true, value: date };
}

/** A date-only value (the wall-clock day). */
export function parseDate(value: CellValue): Parsed<string> {
  const parsed = parseWallClock(value, false);
  return parsed.ok ? { ok: true, value: parsed.value.toISOString().slice(0, 10) } : parsed;
}

/** A date and time read in the plant's time zone, as an instant. */
export function parseInstant(value: CellValue, timeZone: string): Parsed<Date> {
  const parsed = parseWallClock(value, true);
  if (!parsed.ok) return parsed;
  const wall = parsed.value.getTime();
  // The zone's offset at that wall-clock time (twice, for the hours around a DST change).
  let instant = wall - offsetMs(new Date(wall), timeZone);
  instant = wall - offsetMs(new Date(instant), timeZone);
  return { ok: true, value: new Date(instant) };
}

/** The plant's wall clock at an instant, as a Date whose UTC fields read like it (what Excel shows). */
export function wallClockOf(instant: Date, timeZone: string): Date {
  return new Date(instant.getTime() + offsetMs(instant, timeZone));
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * A parser of closed values, given as their code, their Spanish or English label, a value the clerk
 * mapped to a code (`mapped`, by headerKey) or a built-in synonym (any case or accents), in that order
 * of precedence.
 */
export function choiceParser(
  choices: readonly { code: string; labels: string[]; synonyms?: readonly string[] }[],
  mapped: ReadonlyMap<string, string> = new Map(),
): (value: CellValue) => Parsed<string> {
  const byKey = new Map<string, string>();
  const add = (name: string, code: string) => {
    if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), code);
  };
  for (const choice of choices) for (const name of [choice.code, ...choice.labels]) add(name, choice.code);
  const codes = new Set(choices.map((choice) => choice.code));
  for (const [key, code] of mapped) if (codes.has(code) && !byKey.has(key)) byKey.set(key, code);
  for (const choice of choices) for (const name of choice.synonyms ?? []) add(name, choice.code);
  const allowed = choices.map((c) => c.labels[0] ?? c.code).join(', ');
  // Clerks repeat the same few values thousands of times: remember each spelling once.
  const seen = new Map<string, Parsed<string>>();
  return (value) => {
    const text = String(value);
    let parsed = seen.get(text);
    if (!parsed) {
      const code = byKey.get(headerKey(text));
      parsed = code
        ? { ok: true, value: code }
        : { ok: false, reason: `"${text}" no es un valor permitido (${allowed}). Corríjalo en el archivo o asígnele uno en "Validar sin importar".` };
      if (seen.size < 1_000) seen.set(text, parsed);
    }
    return parsed;
  };
}

const WEEKDAYS: Record<string, number> = {
  l: 1, lu: 1, lun: 1, lunes: 1, mo: 1, mon: 1, monday: 1,
  m: 2, ma: 2, mar: 2, martes: 2, tu: 2, tue: 2, tuesday: 2,
  x: 3, mi: 3, mie: 3, miercoles: 3, we: 3, wed: 3, wednesday: 3,
  j: 4, ju: 4, jue: 4, jueves: 4, th: 4, thu: 4, thursday: 4,
  v: 5, vi: 5, vie: 5, viernes: 5, fr: 5, fri: 5, friday: 5,
  s: 6, sa: 6, sab: 6, sabado: 6, sat: 6, saturday: 6,
  d: 7, do: 7, dom: 7, domingo: 7, su: 7, sun: 7, sunday: 7,
};

/** Working days as ISO numbers (1 = Monday): "1,2,3,4,5", "1-5", "L-V", "lunes a viernes", "Lu, Mi, Vi". */
export function parseWeekdays(value: CellValue): Parsed<number[]> {
  const text = normalizeSearchText(String(value)).replace(/\s+a\s+/g, '-').replace(/\s+y\s+/g, ',').replace(/\s*-\s*/g, '-');
  const days = new Set<number>();
  const day = (word: string) => (/^[1-7]$/.test(word) ? Number(word) : WEEKDAYS[word]);
  for (const part of text.split(/[\s,;/]+/).filter(Boolean)) {
    const [from, to, ...rest] = part.split('-').map(day);
    if (from === undefined || rest.length || (part.includes('-') && to === undefined))
      return { ok: false, reason: `"${value}" no son días de la semana (use por ejemplo 1-5, L-V o lunes a viernes).` };
    if (to === undefined) days.add(from);
    else for (let d = from; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === to) break;
    }
  }
  if (!days.size) return { ok: false, reason: `"${value}" no son días de la semana (use por ejemplo 1-5, L-V o lunes a viernes).` };
  return { ok: true, value: [...days].sort((a, b) => a - b) };
}

/** A time of day as HH:MM: "7:00", "07:00", an Excel time (a fraction of a day) or a time cell. */
export function parseTimeOfDay(value: CellValue): Parsed<string> {
  let minutes: number | null = null;
  if (value instanceof Date) minutes = value.getUTCHours() * 60 + value.getUTCMinutes();
  else if (typeof value === 'number' && value >= 0 && value < 1) minutes = Math.round(value * 1440);
  else {
    const match = /^(\d{1,2})[:.h](\d{2})$/.exec(String(value).trim());
    if (match && Number(match[1]) < 24 && Number(match[2]) < 60) minutes = Number(match[1]) * 60 + Number(match[2]);
  }
  if (minutes === null || minutes >= 1440) return { ok: false, reason: `"${value}" no es una hora (use hh:mm, por ejemplo 07:00).` };
  return { ok: true, value: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` };
}

/** An e-mail address, kept in lower case (as users.email is). */
export function parseEmail(value: CellValue): Parsed<string> {
  const text = String(value).trim().toLowerCase();
  if (text.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { ok: false, reason: `"${value}" no es una dirección de correo válida.` };
  return { ok: true, value: text };
}
