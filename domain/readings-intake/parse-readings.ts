// A batch of readings as an outside system sends it (issue 25), JSON or CSV, checked row by row before
// anything is written. Each row names its point by code, its moment and its value:
//   JSON  {"readings": [{"point": "CT-01-EM", "takenAt": "2026-11-30T14:05:00-06:00", "value": 1523.5}, ...]}
//   CSV   point,takenAt,value            (a header row; comma-separated; a decimal point; taken_at also read)
// A moment with an offset (Z, +01:00, -0600) is that instant; one without is the plant's local time
// (APP_TIMEZONE), as a SCADA set to local time writes it. A row that cannot be read is kept as an error
// (its row number from 1, the point's code, the field and why) and the other rows go on.
import { parseString } from '@fast-csv/parse';

export const MAX_READINGS_PER_BATCH = 10_000;
/** Readings more than this ahead of the server's clock are refused: a clock set wrong, not a reading. */
const FUTURE_TOLERANCE_MS = 24 * 3_600_000;
/** NUMERIC(18, 4) holds up to 14 digits before the point. */
const LARGEST_VALUE = 1e14;

export interface ParsedReading {
  row: number;
  point: string;
  /** As sent, normalised to ISO ("2026-11-30T14:05:00.000-06:00" or, without offset, "2026-11-30T14:05:00.000"). */
  takenAt: string;
  hasOffset: boolean;
  value: string;
}

export type RowErrorCode = 'pointMissing' | 'unknownPoint' | 'takenAtInvalid' | 'takenAtInFuture' | 'valueInvalid' | 'valueOutOfRange' | 'repeatedInBatch';

export interface RowError {
  row: number;
  point: string | null;
  field: 'point' | 'takenAt' | 'value';
  code: RowErrorCode;
}

export interface ParsedBatch {
  readings: ParsedReading[];
  errors: RowError[];
  received: number;
}

/** Why a whole body is refused (nothing read from it): answered 400/413/415 by the API. */
export class BatchRefusal extends Error {
  constructor(
    readonly code: 'bodyNotReadings' | 'tooManyReadings' | 'csvMalformed' | 'emptyBatch',
    readonly values: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

type RawRow = { point?: unknown; takenAt?: unknown; value?: unknown };

export function readingsFromJson(body: unknown, now = new Date()): ParsedBatch {
  const rows = (body as { readings?: unknown } | null)?.readings;
  if (!Array.isArray(rows)) throw new BatchRefusal('bodyNotReadings');
  return checkRows(rows.map((row) => (row !== null && typeof row === 'object' ? (row as RawRow) : {})), now);
}

export async function readingsFromCsv(text: string, now = new Date()): Promise<ParsedBatch> {
  const rows: RawRow[] = [];
  await new Promise<void>((resolve, reject) => {
    parseString<Record<string, string>, Record<string, string>>(text, {
      headers: (headers) => headers.map((header) => {
        const name = (header ?? '').trim().replace(/^\uFEFF/, '');
        return name === 'taken_at' ? 'takenAt' : name;
      }),
      ignoreEmpty: true,
      trim: true,
      // A row past the 10 001st is not read at all: the batch is refused whole below.
      maxRows: MAX_READINGS_PER_BATCH + 1,
    })
      .on('data', (row: Record<string, string>) => rows.push({ point: row.point, takenAt: row.takenAt, value: row.value }))
      .on('error', () => reject(new BatchRefusal('csvMalformed')))
      .on('end', () => resolve());
  });
  return checkRows(rows, now);
}

function checkRows(rows: RawRow[], now: Date): ParsedBatch {
  if (rows.length === 0) throw new BatchRefusal('emptyBatch');
  if (rows.length > MAX_READINGS_PER_BATCH) throw new BatchRefusal('tooManyReadings', { max: MAX_READINGS_PER_BATCH });
  const readings: ParsedReading[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    const point = typeof raw.point === 'string' ? raw.point.trim() : '';
    if (point === '' || point.length > 40) return void errors.push({ row, point: point || null, field: 'point', code: 'pointMissing' });
    const moment = parseMoment(raw.takenAt);
    if (!moment) return void errors.push({ row, point, field: 'takenAt', code: 'takenAtInvalid' });
    if (moment.latest.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return void errors.push({ row, point, field: 'takenAt', code: 'takenAtInFuture' });
    const value = parseValue(raw.value);
    if (value === null) return void errors.push({ row, point, field: 'value', code: 'valueInvalid' });
    if (Math.abs(Number(value)) >= LARGEST_VALUE) return void errors.push({ row, point, field: 'value', code: 'valueOutOfRange' });
    const key = `${point}\u0000${moment.text}`;
    if (seen.has(key)) return void errors.push({ row, point, field: 'takenAt', code: 'repeatedInBatch' });
    seen.add(key);
    readings.push({ row, point, takenAt: moment.text, hasOffset: moment.hasOffset, value });
  });
  return { readings, errors, received: rows.length };
}

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO 8601 moment, checked field by field (no 30 February, no hour 24); `latest` bounds it for the
 * future check whatever the plant's offset (a moment without offset is at most 14 h behind UTC). */
function parseMoment(raw: unknown): { text: string; hasOffset: boolean; latest: Date } | null {
  if (typeof raw !== 'string') return null;
  const match = MOMENT.exec(raw.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  let offset = '';
  if (zone) {
    const z = zone === 'Z' ? '+00:00' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const [oh, om] = [Number(z.slice(1, 3)), Number(z.slice(4, 6))];
    if (oh > 14 || om > 59) return null;
    offset = z;
  }
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const text = `${y}-${mo}-${d}T${h}:${mi}:${s}.${millis}${offset}`;
  const asUtc = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${millis}${offset || 'Z'}`);
  return { text, hasOffset: zone !== undefined, latest: new Date(asUtc + (zone ? 0 : 14 * 3_600_000)) };
}

/** A finite number, from JSON or as text with a decimal point ("1523.5", "-3", "1e3"), kept as text. */
function parseValue(raw: unknown): string | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : null;
  if (typeof raw !== 'string' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim())) return null;
  const value = Number(raw.trim());
  return Number.isFinite(value) ? String(value) : null;
}
