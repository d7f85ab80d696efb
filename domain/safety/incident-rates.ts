// The monthly safety figures of a year (issue 23), for the plant or one site, under the reader's rules:
// incidents of each kind, lost-time injuries, days lost and hours worked by month of the plant's calendar,
// and two rates:
//  - frequency rate = recordable incidents × 1 000 000 / hours worked. Recordable are lost-time injuries:
//    of our kinds, the only injury beyond first aid (first aid is not recordable, OSHA 29 CFR 1904.7; near
//    misses, environmental incidents and property damage hurt nobody);
//  - severity rate = days lost × 1 000 / hours worked (ILO's convention), each incident's days charged to
//    the month it happened in.
// Hours worked are the figures the safety officer enters per site and month (SafetyHoursWorked): labour
// booked on work orders counts only the maintenance crew's time on orders, while a rate divides by the
// hours of everyone exposed (operators, office, contractors). A month without hours has no rate (null),
// and the year's rates count only the months that have hours, so a missing month does not inflate them.
import type { Prisma } from '@prisma/client';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { VOCABULARIES } from '../vocabularies.js';

export type IncidentKind = (typeof VOCABULARIES.SafetyIncident.kind)[number];
export const RECORDABLE_KINDS: readonly IncidentKind[] = ['LOST_TIME'];

export interface MonthFigures {
  month: number;
  byKind: Record<IncidentKind, number>;
  incidents: number;
  recordable: number;
  daysLost: number;
  /** Entered hours worked; null when none were entered for the month. */
  hours: number | null;
  frequencyRate: number | null;
  severityRate: number | null;
}

export interface IncidentRates {
  year: number;
  site: { id: number; name: string } | null;
  months: MonthFigures[];
  total: Omit<MonthFigures, 'month'> & { monthsWithoutHours: number[] };
}

/** Rates as the page shows them: two decimals. */
const rate = (count: number, per: number, hours: number | null) => (hours && hours > 0 ? Math.round(((count * per) / hours) * 100) / 100 : null);

/** The month (1–12) and year of an instant on the plant's calendar. */
function plantMonth(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month) };
}

export async function incidentRates(db: Db, ability: AppAbility, options: { year: number; siteId?: number | null; timeZone: string }): Promise<IncidentRates | null> {
  const incidentsAllowed = accessibleWhere(ability, 'read', 'SafetyIncident') as Prisma.SafetyIncidentWhereInput | null;
  const hoursAllowed = accessibleWhere(ability, 'read', 'SafetyHoursWorked') as Prisma.SafetyHoursWorkedWhereInput | null;
  if (!incidentsAllowed || !hoursAllowed) return null;
  const site = options.siteId ? await db.location.findUnique({ where: { id: options.siteId }, select: { id: true, fullName: true, path: true } }) : null;
  const inSite = site ? { location: { is: { path: { startsWith: site.path } } } } : {};
  // A day either side of the year covers every time zone; the plant's calendar month is decided below.
  const from = new Date(Date.UTC(options.year, 0, 1) - 86_400_000);
  const to = new Date(Date.UTC(options.year + 1, 0, 1) + 86_400_000);
  const [incidents, hours] = await Promise.all([
    db.safetyIncident.findMany({ where: { AND: [incidentsAllowed, inSite, { occurredAt: { gte: from, lt: to } }] }, select: { kind: true, occurredAt: true, daysLost: true } }),
    db.safetyHoursWorked.findMany({ where: { AND: [hoursAllowed, inSite, { year: options.year }] }, select: { month: true, hours: true } }),
  ]);
  const kinds = VOCABULARIES.SafetyIncident.kind;
  const months: MonthFigures[] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    byKind: Object.fromEntries(kinds.map((k) => [k, 0])) as Record<IncidentKind, number>,
    incidents: 0,
    recordable: 0,
    daysLost: 0,
    hours: null,
    frequencyRate: null,
    severityRate: null,
  }));
  for (const incident of incidents) {
    const when = plantMonth(incident.occurredAt, options.timeZone);
    if (when.year !== options.year) continue;
    const month = months[when.month - 1]!;
    const kind = incident.kind as IncidentKind;
    month.byKind[kind] += 1;
    month.incidents += 1;
    if (RECORDABLE_KINDS.includes(kind)) month.recordable += 1;
    month.daysLost += incident.daysLost;
  }
  for (const row of hours) {
    const month = months[row.month - 1]!;
    month.hours = (month.hours ?? 0) + Number(row.hours);
  }
  for (const month of months) {
    month.frequencyRate = rate(month.recordable, 1_000_000, month.hours);
    month.severityRate = rate(month.daysLost, 1_000, month.hours);
  }
  const counted = months.filter((m) => m.hours !== null);
  const sum = (list: MonthFigures[], pick: (m: MonthFigures) => number) => list.reduce((total, m) => total + pick(m), 0);
  const yearHours = counted.length ? sum(counted, (m) => m.hours ?? 0) : null;
  const byKind = Object.fromEntries(kinds.map((k) => [k, sum(months, (m) => m.byKind[k])])) as Record<IncidentKind, number>;
  return {
    year: options.year,
    site: site && { id: site.id, name: site.fullName },
    months,
    total: {
      byKind,
      incidents: sum(months, (m) => m.incidents),
      recordable: sum(months, (m) => m.recordable),
      daysLost: sum(months, (m) => m.daysLost),
      hours: yearHours,
      frequencyRate: rate(sum(counted, (m) => m.recordable), 1_000_000, yearHours),
      severityRate: rate(sum(counted, (m) => m.daysLost), 1_000, yearHours),
      monthsWithoutHours: months.filter((m) => m.hours === null).map((m) => m.month),
    },
  };
}
