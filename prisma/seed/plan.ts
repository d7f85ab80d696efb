// The plan of a demo plant: its options validated, and the dates everything hangs from (the plant's
// "today" in its time zone, and the window the work orders are planned over).

export interface DemoOptions {
  assets: number;
  orders: number;
  /** A plant-sized database (`--scale N`: N demo plants' worth of assets and orders): the change history
   * of the seeded rows is not written, and a year holds N times the demo's orders (numbers widen). */
  scale?: number;
  /** Same seed (and same asOf date) => same plant. */
  seed?: number;
  /** Empty the plant's tables first instead of refusing to run on a database that has plant data. */
  reset?: boolean;
  /** "Today" for the plant: orders before it are history, after it are planned. Defaults to now. */
  asOf?: Date;
  /** Called after each step with its duration (the CLI prints them). */
  onStep?: (step: string, ms: number) => void;
}

export const PLANT_TIME_ZONE = 'America/Tegucigalpa';
const LOOKAHEAD_DAYS = 30;
// Keeps every year's order numbers far from the 5-digit limit even with uneven spreading (a scaled plant
// does N times the work a year: its numbers run to 6 or 7 digits, which OT-YYYY-NNNNN allows).
const ORDERS_PER_YEAR_TARGET = 90_000;
/** What one unit of `--scale` adds: the default demo plant. */
export const DEMO_PLANT_UNIT = { assets: 50_000, orders: 250_000 } as const;
export const MAX_SCALE = 20;
const DEFAULT_SEED = 20_261_122;

export interface DemoPlan {
  assets: number;
  orders: number;
  /** 1 for the demo plant; N for `--scale N`. */
  scale: number;
  /** Asked with --scale: a plant-sized database, seeded without change history. */
  scaled: boolean;
  seed: number;
  reset: boolean;
  asOfDate: string;
  asOfTimestamp: string;
  windowStart: string;
  windowEnd: string;
  spanDays: number;
}

export function planDemo(options: DemoOptions): DemoPlan {
  const { assets, orders } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) throw new RangeError(`scale must be an integer from 1 to ${MAX_SCALE}`);
  if (!Number.isInteger(assets) || assets < 1 || assets > 1_000_000) throw new RangeError('assets must be an integer from 1 to 1000000');
  if (!Number.isInteger(orders) || orders < 0 || orders > 5_000_000) throw new RangeError('orders must be an integer from 0 to 5000000');
  if (!Number.isInteger(seed) || Math.abs(seed) > 2_147_483_647) throw new RangeError('seed must be a 32-bit integer');
  const asOf = options.asOf ?? new Date();
  const asOfDate = localDate(asOf);
  const windowEnd = addDays(asOfDate, LOOKAHEAD_DAYS);
  // At least two full years of history, and enough days that no year gets more than the target.
  const minimumDays = Math.max(730, Math.ceil((orders * 366) / (ORDERS_PER_YEAR_TARGET * scale)));
  let startYear = Number(asOfDate.slice(0, 4)) - 2;
  while (daysBetween(`${startYear}-01-01`, windowEnd) < minimumDays) startYear -= 1;
  const windowStart = `${startYear}-01-01`;
  return {
    assets,
    orders,
    scale,
    scaled: options.scale !== undefined,
    seed,
    reset: options.reset ?? false,
    asOfDate,
    asOfTimestamp: asOf.toISOString(),
    windowStart,
    windowEnd,
    spanDays: daysBetween(windowStart, windowEnd),
  };
}

function localDate(instant: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: PLANT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDate(date);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
