// What the energy page shows (issue 25), under the viewer's rules: the consumption of the energy meters he
// may read per period and group, and the energy intensity of each site with production entered.
//
// Energy intensity = the month's consumption of the meters in a site's subtree ÷ the MWh the site produced
// that month (SiteProduction, entered monthly), per carrier and unit (kWh/MWh, m³/MWh: never summed across
// units). Why per MWh produced: the plant generates energy, and its own use per MWh generated (the
// auxiliary consumption ratio) is the figure such plants are compared by; it follows output month by month,
// where a per-m² figure would move with the weather and the load alone. A month without production
// entered has no intensity (not zero); production entered as 0 gives none either.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import { Refusal } from '../refusal.js';
import { meterConsumption, type ConsumptionGrouping, type ConsumptionPeriod, type ConsumptionRow } from './meter-consumption.js';

export const LONGEST_RANGE_DAYS = 366;

export interface EnergyQuery {
  from: Date;
  to: Date;
  period: ConsumptionPeriod;
  groupBy: ConsumptionGrouping;
  timeZone: string;
}

export interface IntensityRow {
  month: string;
  site: string;
  producedMwh: number;
  carrier: string;
  unit: string;
  consumption: number;
  /** Consumption per MWh produced; null when nothing was produced. */
  perMwh: number | null;
}

export interface EnergyReport {
  meters: number;
  rows: ConsumptionRow[];
  intensity: IntensityRow[];
}

export async function energyReport(db: Db, ability: AppAbility, query: EnergyQuery): Promise<EnergyReport> {
  const readablePoints = accessibleWhere(ability, 'read', 'MeasurementPoint');
  if (!readablePoints || !ability.can('read', 'Reading')) throw new AccessDeniedError('read', 'MeasurementPoint');
  const days = (query.to.getTime() - query.from.getTime()) / 86_400_000;
  if (days < 0 || days >= LONGEST_RANGE_DAYS) throw new Refusal('energyRangeInvalid', {}, { field: 'from' });
  const meters = await db.measurementPoint.findMany({
    where: { AND: [readablePoints as Prisma.MeasurementPointWhereInput, { energyCarrier: { not: null } }] },
    select: { id: true, asset: { select: { location: { select: { path: true } } } } },
  });
  const pointIds = meters.map((m) => m.id);
  const rows = await meterConsumption(db, { ...query, pointIds });
  return { meters: meters.length, rows, intensity: await siteIntensity(db, ability, query, meters) };
}

async function siteIntensity(db: Db, ability: AppAbility, query: EnergyQuery, meters: { id: number; asset: { location: { path: string } } }[]): Promise<IntensityRow[]> {
  const readable = accessibleWhere(ability, 'read', 'SiteProduction');
  if (!readable || meters.length === 0) return [];
  const firstMonth = new Date(Date.UTC(query.from.getUTCFullYear(), query.from.getUTCMonth(), 1));
  const productions = await db.siteProduction.findMany({
    where: { AND: [readable as Prisma.SiteProductionWhereInput, { month: { gte: firstMonth, lte: query.to } }] },
    select: { month: true, producedMwh: true, location: { select: { name: true, path: true } } },
    orderBy: [{ month: 'asc' }, { location: { name: 'asc' } }],
  });
  if (productions.length === 0) return [];
  // Whole months: intensity compares a month's production with that month's consumption.
  const lastDay = new Date(Date.UTC(query.to.getUTCFullYear(), query.to.getUTCMonth() + 1, 0));
  const monthly = await meterConsumption(db, { pointIds: meters.map((m) => m.id), from: firstMonth, to: lastDay, period: 'month', groupBy: 'point', timeZone: query.timeZone });
  const pathOf = new Map(meters.map((m) => [m.id, m.asset.location.path]));
  const intensity: IntensityRow[] = [];
  for (const production of productions) {
    const month = production.month.toISOString().slice(0, 10);
    const produced = Number(production.producedMwh);
    const byUnit = new Map<string, { carrier: string; unit: string; consumption: number }>();
    for (const row of monthly) {
      if (row.period !== month || !pathOf.get(row.groupId!)?.startsWith(production.location.path)) continue;
      const key = `${row.carrier}\u0000${row.unit}`;
      const sum = byUnit.get(key) ?? { carrier: row.carrier, unit: row.unit, consumption: 0 };
      sum.consumption += row.consumption;
      byUnit.set(key, sum);
    }
    for (const sum of byUnit.values())
      intensity.push({ month, site: production.location.name, producedMwh: produced, ...sum, perMwh: produced > 0 ? sum.consumption / produced : null });
  }
  return intensity;
}
