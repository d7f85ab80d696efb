// The plant's work calendar: its working week, and the statutory holidays of Honduras for any year.
import { isoDate, addDays } from './plan.js';

export const CALENDAR = { code: 'LUN-VIE', name: 'Lunes a viernes', workingDays: [1, 2, 3, 4, 5], dayStart: '07:00', dayEnd: '16:00' };

// Statutory holidays of Honduras. The government moves the three October days into a "Feriado
// Morazánico" week by decree each year; the plant's calendar keeps the legal dates.
export function hondurasHolidays(year: number): { date: string; name: string }[] {
  const easter = easterSunday(year);
  const days = [
    { date: `${year}-01-01`, name: 'Año Nuevo' },
    { date: addDays(easter, -3), name: 'Jueves Santo' },
    { date: addDays(easter, -2), name: 'Viernes Santo' },
    { date: addDays(easter, -1), name: 'Sábado de Gloria' },
    { date: `${year}-04-14`, name: 'Día de las Américas' },
    { date: `${year}-05-01`, name: 'Día del Trabajador' },
    { date: `${year}-09-15`, name: 'Día de la Independencia' },
    { date: `${year}-10-03`, name: 'Día de Francisco Morazán' },
    { date: `${year}-10-12`, name: 'Día del Descubrimiento de América' },
    { date: `${year}-10-21`, name: 'Día de las Fuerzas Armadas' },
    { date: `${year}-12-25`, name: 'Navidad' },
  ];
  // Holy week can fall on April 14th: one row per date (UNIQUE(calendar_id, date)).
  const byDate = new Map<string, string>();
  for (const day of days) byDate.set(day.date, byDate.has(day.date) ? `${byDate.get(day.date)} / ${day.name}` : day.name);
  return [...byDate].map(([date, name]) => ({ date, name }));
}

// Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(new Date(Date.UTC(year, month - 1, day)));
}
