// Stored values to Excel cells, the same way in every export: dates as real Excel dates (shown with the
// user's language's format), numbers as numbers, closed values by their label, references by name.
import type ExcelJS from 'exceljs';

type Cell = ExcelJS.CellValue;

const blank = (value: unknown) => value === null || value === undefined || value === '';

/** 'YYYY-MM-DD' (a date column) to the Excel date of that day. */
export const dateCell = (value: unknown): Cell => (blank(value) ? null : new Date(`${String(value).slice(0, 10)}T00:00:00Z`));

/** 'YYYY-MM-DD HH:MM:SS[.fff]' (a wall-clock time, see ColumnSource.wallClock) to that Excel date-time. */
export const wallClockCell = (value: unknown): Cell => (blank(value) ? null : new Date(`${String(value).replace(' ', 'T')}Z`));

/** An instant (pg parsed it) as it is, in UTC. */
export const instantCell = (value: unknown): Cell => (blank(value) ? null : value instanceof Date ? value : new Date(String(value)));

export const numberCell = (value: unknown): Cell => (blank(value) ? null : Number(value));

export const textCell = (value: unknown): Cell => (blank(value) ? null : typeof value === 'object' ? JSON.stringify(value) : String(value));

export const booleanCell =
  (yes: string, no: string) =>
  (value: unknown): Cell =>
    blank(value) ? null : value === true || value === 'true' ? yes : no;

/** A closed value by its label; an unknown code is shown as stored rather than dropped. */
export const labelCell =
  (labels: Record<string, string>) =>
  (value: unknown): Cell =>
    blank(value) ? null : (labels[String(value)] ?? String(value));
