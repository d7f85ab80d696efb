// The plant's calendar in tests. A day typed into a form is a day in the plant's time zone (APP_TIMEZONE,
// whose default the test back offices run with), not in UTC: between midnight UTC and the plant's midnight
// the two differ, and a test counting from the UTC day would type "yesterday" as the plant's today.
import { todayIn } from '../../domain/dates.js';

export const PLANT_TIME_ZONE = 'America/Tegucigalpa';

/** The plant's day `offsetDays` from today, as YYYY-MM-DD. */
export const plantDay = (offsetDays = 0, timeZone = PLANT_TIME_ZONE): string =>
  new Date(todayIn(timeZone).getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
