// Calendar dates of the plant. Dates without time (@db.Date: planned on, due on) are days in the plant's
// time zone, written as UTC midnight; the instant of "now" is not one of them.

/** The calendar date it is now in a time zone, as a UTC midnight Date (how @db.Date columns are written). */
export function todayIn(timeZone: string, now = new Date()): Date {
  return new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone }).format(now)}T00:00:00Z`);
}
