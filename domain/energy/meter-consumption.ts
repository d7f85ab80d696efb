// Consumption of energy meters (issue 25) from their cumulative readings, set-based in SQL.
//
// The rule, reading by reading in time order for each meter (a point with an energy carrier, a counter):
//  - a reading at or above the one before it adds the difference;
//  - a drop is a ROLLOVER when the meter has a rollover value R (its register counts 0 … R−1 and wraps) and
//    going round is the shorter way: R − previous + current ≤ R / 2; it adds R − previous + current;
//  - any other drop is a RESET (the meter was replaced or cleared): a new series starts at that reading, and
//    what was used between the old series' last reading and the new one's first is not known, so it adds 0;
//  - the first reading of a meter starts its first series and adds nothing.
// Each difference counts in the plant-time day, week (Monday first) or month of the reading that closes it,
// with the period's end included and its start excluded: a reading at 00:00 closes the day before, as a
// meter read at midnight closes the day that ended. A day whose readings close no interval has no
// consumption (no figure, not zero).
import type { Db } from '../../prisma/client.js';

export type ConsumptionPeriod = 'day' | 'week' | 'month';
export type ConsumptionGrouping = 'point' | 'asset' | 'location' | 'category' | 'site';

export interface ConsumptionQuery {
  /** The meters to count (already narrowed to what the viewer may read). */
  pointIds: number[];
  /** First and last plant days (UTC midnight dates, as @db.Date columns are), both included. */
  from: Date;
  to: Date;
  period: ConsumptionPeriod;
  groupBy: ConsumptionGrouping;
  timeZone: string;
}

export interface ConsumptionRow {
  /** The period's first day, YYYY-MM-DD. */
  period: string;
  groupId: number | null;
  groupName: string;
  carrier: string;
  unit: string;
  consumption: number;
  /** Resets and rollovers met in the period, so a figure can be questioned. */
  resets: number;
  rollovers: number;
}

const GROUPS: Record<ConsumptionGrouping, { id: string; name: string }> = {
  point: { id: 'mp.id', name: `mp.code || ' · ' || mp.variable` },
  asset: { id: 'a.id', name: `a.code || ' · ' || a.description` },
  location: { id: 'l.id', name: 'l.name' },
  category: { id: 'c.id', name: `coalesce(c.name, '')` },
  site: { id: 's.id', name: 's.name' },
};

/** Each interval between two readings of a meter, judged by the rule above: the SQL the reports share.
 * $1 point ids, $2 first day, $3 last day, $4 time zone. */
export const METER_INTERVALS_SQL = `
  WITH bounds AS (
    SELECT ($2::date::timestamp AT TIME ZONE $4) AS starts, (($3::date + 1)::timestamp AT TIME ZONE $4) AS ends
  ), readings_used AS (
    -- the readings that close an interval in the window, and the one before the window each meter starts from
    SELECT r.measurement_point_id AS point_id, r.taken_at, r.value
      FROM readings r, bounds b
     WHERE r.measurement_point_id = ANY($1::int[]) AND r.taken_at > b.starts AND r.taken_at <= b.ends
    UNION ALL
    SELECT p.id, before.taken_at, before.value
      FROM unnest($1::int[]) AS p(id) CROSS JOIN bounds b
      CROSS JOIN LATERAL (SELECT r.taken_at, r.value FROM readings r
                           WHERE r.measurement_point_id = p.id AND r.taken_at <= b.starts
                           ORDER BY r.taken_at DESC LIMIT 1) AS before
  ), paired AS (
    SELECT u.point_id, u.taken_at, u.value, mp.rollover_value AS rollover,
           lag(u.value) OVER (PARTITION BY u.point_id ORDER BY u.taken_at) AS previous
      FROM readings_used u JOIN measurement_points mp ON mp.id = u.point_id
  )
  SELECT p.point_id, p.taken_at,
         ((p.taken_at - interval '1 millisecond') AT TIME ZONE $4)::date AS day,
         CASE WHEN p.value >= p.previous THEN p.value - p.previous
              WHEN p.rollover IS NOT NULL AND p.previous < p.rollover AND p.rollover - p.previous + p.value <= p.rollover / 2
                THEN p.rollover - p.previous + p.value
              ELSE 0 END AS consumption,
         (p.value < p.previous AND NOT coalesce(p.rollover IS NOT NULL AND p.previous < p.rollover AND p.rollover - p.previous + p.value <= p.rollover / 2, false)) AS reset,
         coalesce(p.value < p.previous AND p.rollover IS NOT NULL AND p.previous < p.rollover AND p.rollover - p.previous + p.value <= p.rollover / 2, false) AS rollover
    FROM paired p, bounds b
   WHERE p.previous IS NOT NULL AND p.taken_at > b.starts`;

/** Consumption per period and group (asset, location, category, site or meter), by carrier and unit. */
export async function meterConsumption(db: Db, query: ConsumptionQuery): Promise<ConsumptionRow[]> {
  if (query.pointIds.length === 0) return [];
  const group = GROUPS[query.groupBy];
  const period = query.period === 'day' ? 'i.day' : `date_trunc('${query.period}', i.day::timestamp)::date`;
  const rows = await db.$queryRawUnsafe<{ period: Date; group_id: number | null; group_name: string; carrier: string; unit: string; consumption: string; resets: number; rollovers: number }[]>(
    `WITH intervals AS (${METER_INTERVALS_SQL})
     SELECT ${period} AS period, ${group.id} AS group_id, ${group.name} AS group_name, mp.energy_carrier AS carrier, mp.unit,
            sum(i.consumption)::text AS consumption, count(*) FILTER (WHERE i.reset)::int AS resets, count(*) FILTER (WHERE i.rollover)::int AS rollovers
       FROM intervals i
       JOIN measurement_points mp ON mp.id = i.point_id
       JOIN assets a ON a.id = mp.asset_id
       JOIN locations l ON l.id = a.location_id
       LEFT JOIN asset_categories c ON c.id = a.category_id
       LEFT JOIN locations s ON s.id = nullif(split_part(l.path, '/', 2), '')::int
      GROUP BY 1, 2, 3, 4, 5
      ORDER BY 1, 3, 4, 5`,
    query.pointIds, isoDay(query.from), isoDay(query.to), query.timeZone,
  );
  return rows.map((row) => ({
    period: row.period.toISOString().slice(0, 10),
    groupId: row.group_id,
    groupName: row.group_name,
    carrier: row.carrier,
    unit: row.unit,
    consumption: Number(row.consumption),
    resets: row.resets,
    rollovers: row.rollovers,
  }));
}

/** Each meter's consumption per plant day, for the pattern check: meter id → day (YYYY-MM-DD) → amount. */
export async function dailyConsumptionByMeter(db: Db, pointIds: number[], from: Date, to: Date, timeZone: string): Promise<Map<number, Map<string, number>>> {
  const byMeter = new Map<number, Map<string, number>>();
  if (pointIds.length === 0) return byMeter;
  const rows = await db.$queryRawUnsafe<{ point_id: number; day: Date; consumption: string }[]>(
    `WITH intervals AS (${METER_INTERVALS_SQL})
     SELECT point_id, day, sum(consumption)::text AS consumption FROM intervals GROUP BY 1, 2`,
    pointIds, isoDay(from), isoDay(to), timeZone,
  );
  for (const row of rows) {
    const days = byMeter.get(row.point_id) ?? new Map<string, number>();
    days.set(row.day.toISOString().slice(0, 10), Number(row.consumption));
    byMeter.set(row.point_id, days);
  }
  return byMeter;
}

const isoDay = (day: Date) => day.toISOString().slice(0, 10);
