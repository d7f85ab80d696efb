// Out-of-pattern consumption (issue 25): a meter's consumption on a day, against its usual on the same
// weekday. The usual is the median of the last USUAL_WEEKS same weekdays that have a figure, and the
// spread their median absolute deviation scaled to a standard deviation (× 1.4826); the day is out of
// pattern when it lies more than K spreads from the usual. The spread counts as at least FLOOR_SHARE of the
// usual, so a meter that used exactly the same every week is not flagged for a 1 % change. Fewer than
// MINIMUM_WEEKS figures: no usual yet, nothing said. Robust on purpose: one odd week (a holiday, an
// outage) moves a median and a MAD very little, where it would drag a mean and a standard deviation.
import type { Db } from '../../prisma/client.js';
import { plantDate, joined } from '../notifications/triggers/plant-text.js';
import { energyOutOfPattern } from '../notifications/kinds/energy-out-of-pattern.kind.js';
import { notify } from '../notifications/notify.js';
import { membersOf } from '../notifications/recipients.js';
import { dailyConsumptionByMeter } from './meter-consumption.js';

export const PATTERN = { usualWeeks: 8, minimumWeeks: 4, k: 3, floorShare: 0.1 } as const;

export interface PatternVerdict {
  consumption: number;
  usual: number;
  spread: number;
  outOfPattern: boolean;
}

/** The verdict on one day's figure against the same weekday's past figures; null without enough past. */
export function judgeAgainstUsual(consumption: number, past: number[]): PatternVerdict | null {
  if (past.length < PATTERN.minimumWeeks) return null;
  const usual = median(past);
  const spread = Math.max(1.4826 * median(past.map((value) => Math.abs(value - usual))), PATTERN.floorShare * Math.abs(usual));
  // A meter that used nothing every week: any use at all is news.
  const outOfPattern = spread === 0 ? consumption !== usual : Math.abs(consumption - usual) > PATTERN.k * spread;
  return { consumption, usual, spread, outOfPattern };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface PatternCheck {
  /** Meters with a figure that day and enough past to judge it. */
  judged: number;
  outOfPattern: number;
  /** People newly told (a second run of the same day tells nobody again). */
  told: number;
}

/** Checks every energy meter's consumption on `day` (a plant day, UTC midnight) and tells the supervisors
 * who may read a meter found out of pattern, once per meter and day. */
export async function checkEnergyPatterns(db: Db, day: Date, timeZone: string): Promise<PatternCheck> {
  const meters = await db.measurementPoint.findMany({
    where: { energyCarrier: { not: null } },
    select: { id: true, code: true, variable: true, unit: true },
  });
  const first = new Date(day.getTime() - PATTERN.usualWeeks * 7 * 86_400_000);
  const daily = await dailyConsumptionByMeter(db, meters.map((m) => m.id), first, day, timeZone);
  const supervisors = await membersOf(db, ['SUPERVISORS']);
  const dayKey = day.toISOString().slice(0, 10);
  const check: PatternCheck = { judged: 0, outOfPattern: 0, told: 0 };
  for (const meter of meters) {
    const days = daily.get(meter.id);
    const today = days?.get(dayKey);
    if (today === undefined) continue;
    const past = [...Array(PATTERN.usualWeeks).keys()]
      .map((week) => days!.get(new Date(day.getTime() - (week + 1) * 7 * 86_400_000).toISOString().slice(0, 10)))
      .filter((value): value is number => value !== undefined);
    const verdict = judgeAgainstUsual(today, past);
    if (!verdict) continue;
    check.judged++;
    if (!verdict.outOfPattern) continue;
    check.outOfPattern++;
    const outcome = await notify(db, {
      kind: energyOutOfPattern,
      key: `energy-out-of-pattern:${meter.id}:${dayKey}`,
      recordId: meter.id,
      values: { title: joined(meter.code, meter.variable), day: plantDate(day), consumption: `${figure(verdict.consumption)} ${meter.unit}`, usual: `${figure(verdict.usual)} ${meter.unit}` },
      recipients: supervisors,
    });
    check.told += outcome.notified.length;
  }
  return check;
}

/** A consumption as the plant writes it: thousands grouped, up to two decimals (1.234,5). */
const figure = (value: number) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }).format(value);
