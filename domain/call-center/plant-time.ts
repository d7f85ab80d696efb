// Wall-clock times of the plant (what the SIG and the people write) as instants, and back.

/** Minutes the plant's clock is ahead of UTC at `instant` (negative west of Greenwich). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((asUtc - (instant - (instant % 1000))) / 60_000);
}

/** The instant the plant's clocks show `year-month-day hour:minute` (month 1-12). */
export function plantTimeToInstant(fields: { year: number; month: number; day: number; hour: number; minute: number }, timeZone: string): Date {
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  // Near a clock change the first guess used the other side's offset: correct once.
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant);
}

/** "29/11/2026 14:35" (or "29/11/2026", "29-11-2026 2:35") in the plant's time zone; undefined if unreadable. */
export function parseSigDate(text: string, timeZone: string): Date | undefined {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2}))?/.exec(text.trim());
  if (!match) return undefined;
  const [day, month, year, hour = 0, minute = 0] = match.slice(1).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  if (!day || !month || !year || month > 12 || day > 31 || hour > 23 || minute > 59) return undefined;
  return plantTimeToInstant({ year, month, day, hour, minute }, timeZone);
}

/** The Monday (plant calendar) of the week `instant` falls in, as YYYY-MM-DD. */
export function plantWeekOf(instant: Date, timeZone: string): string {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(instant)
    .split('-')
    .map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}
