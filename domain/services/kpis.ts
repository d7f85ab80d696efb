// Maintenance KPIs, computed set-based for the whole plant, each site (top-level location) and each asset
// category, over a trailing window, and stored as snapshots the dashboard charts.
//   MTBF_HOURS         operating hours of the scope's assets in service / corrective orders reported
//   MTTR_HOURS         mean hours from start to completion of corrective orders completed
//   PM_COMPLIANCE_PCT  preventive orders due in the window (before today) completed by their due date, %
//   BACKLOG            open orders now (pending, assigned, in progress, on hold)
//   OVERDUE            open orders planned before today
// A ratio with nothing to divide by (no failures, no repair, nothing due) is stored as null, not zero.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { OPEN_WORK_ORDER_STATES } from '../maintenance/work-order-lifecycle.js';

export const KPI_METRICS = ['MTBF_HOURS', 'MTTR_HOURS', 'PM_COMPLIANCE_PCT', 'BACKLOG', 'OVERDUE'] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];
export const KPI_WINDOW_DAYS = 90;

interface KpiFigure {
  scope: string;
  scope_id: number;
  scope_name: string | null;
  metric: string;
  value: string | null;
}
/** Snapshots older than this keep only the day's last one (a trend a year long stays small). */
const FULL_RESOLUTION_HOURS = 48;

/** `readFrom`: where the orders are read (a read replica, DATABASE_REPLICA_URL); the snapshots are always
 * written to `db`, the primary. */
export async function computeKpiSnapshots(db: Db, options: { timeZone: string; now?: Date; windowDays?: number; readFrom?: Db }): Promise<number> {
  const now = options.now ?? new Date();
  const windowDays = options.windowDays ?? KPI_WINDOW_DAYS;
  // The figures are computed where reports read (the heavy part: every order of the window), then
  // written in one statement: a replica takes no writes.
  const figures = await (options.readFrom ?? db).$queryRawUnsafe<KpiFigure[]>(
      `WITH params AS (
         SELECT $1::timestamptz AS taken_at, ($1::timestamptz AT TIME ZONE $2)::date AS today,
                $1::timestamptz - make_interval(days => $3::int) AS since, $3::int AS window_days
       ), scoped_assets AS (
         SELECT a.id, a.category_id, nullif(split_part(l.path, '/', 2), '')::int AS site_id
           FROM assets a JOIN locations l ON l.id = a.location_id
          WHERE a.status <> 'RETIRED'
       ), asset_counts AS (
         SELECT GROUPING(site_id, category_id) AS g, site_id, category_id, count(*) AS assets
           FROM scoped_assets GROUP BY GROUPING SETS ((), (site_id), (category_id))
       ), facts AS (
         SELECT s.site_id, s.category_id,
                w.kind = 'CORRECTIVE' AND w.created_at >= p.since AS failure,
                CASE WHEN w.kind = 'CORRECTIVE' AND w.completed_at >= p.since AND w.started_at IS NOT NULL
                     THEN extract(epoch FROM w.completed_at - w.started_at) / 3600 END AS repair_hours,
                w.kind = 'PREVENTIVE' AND w.state <> 'CANCELLED' AND w.planned_on >= p.today - p.window_days AND w.planned_on < p.today AS pm_due,
                w.completed_at IS NOT NULL AND (w.completed_at AT TIME ZONE $2)::date <= w.planned_on AS on_time,
                w.state = ANY($4::text[]) AS open,
                w.planned_on < p.today AS late
           FROM work_orders w JOIN scoped_assets s ON s.id = w.asset_id CROSS JOIN params p
          WHERE w.created_at >= p.since OR w.completed_at >= p.since OR w.planned_on >= p.today - p.window_days
             OR w.state = ANY($4::text[])
       ), order_kpis AS (
         SELECT GROUPING(site_id, category_id) AS g, site_id, category_id,
                count(*) FILTER (WHERE failure) AS failures,
                avg(repair_hours) AS mttr,
                count(*) FILTER (WHERE pm_due) AS pm_due,
                count(*) FILTER (WHERE pm_due AND on_time) AS pm_on_time,
                count(*) FILTER (WHERE open) AS backlog,
                count(*) FILTER (WHERE open AND late) AS overdue
           FROM facts GROUP BY GROUPING SETS ((), (site_id), (category_id))
       ), scopes AS (
         SELECT CASE c.g WHEN 3 THEN 'PLANT' WHEN 1 THEN 'SITE' ELSE 'CATEGORY' END AS scope,
                CASE c.g WHEN 3 THEN 0 WHEN 1 THEN c.site_id ELSE c.category_id END AS scope_id,
                c.assets, coalesce(k.failures, 0) AS failures, k.mttr, coalesce(k.pm_due, 0) AS pm_due,
                coalesce(k.pm_on_time, 0) AS pm_on_time, coalesce(k.backlog, 0) AS backlog, coalesce(k.overdue, 0) AS overdue
           FROM asset_counts c
           LEFT JOIN order_kpis k ON k.g = c.g AND k.site_id IS NOT DISTINCT FROM c.site_id AND k.category_id IS NOT DISTINCT FROM c.category_id
          WHERE c.g = 3 OR (c.g = 1 AND c.site_id IS NOT NULL) OR (c.g = 2 AND c.category_id IS NOT NULL)
       )
       SELECT s.scope, s.scope_id::int AS scope_id,
              left(CASE s.scope WHEN 'PLANT' THEN 'Planta' WHEN 'SITE' THEN l.name ELSE ac.name END, 150) AS scope_name, m.metric,
              round(m.value, 2)::text AS value
         FROM scopes s CROSS JOIN params p
         LEFT JOIN locations l ON s.scope = 'SITE' AND l.id = s.scope_id
         LEFT JOIN asset_categories ac ON s.scope = 'CATEGORY' AND ac.id = s.scope_id
         CROSS JOIN LATERAL (VALUES
           ('MTBF_HOURS', CASE WHEN s.failures > 0 THEN s.assets * p.window_days * 24.0 / s.failures END),
           ('MTTR_HOURS', s.mttr::numeric),
           ('PM_COMPLIANCE_PCT', CASE WHEN s.pm_due > 0 THEN 100.0 * s.pm_on_time / s.pm_due END),
           ('BACKLOG', s.backlog::numeric),
           ('OVERDUE', s.overdue::numeric)) AS m(metric, value)`,
      now.toISOString(), options.timeZone, windowDays, OPEN_WORK_ORDER_STATES,
  );
  return db.transactionAs(async (tx) => {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO kpi_snapshots (taken_at, scope, scope_id, scope_name, metric, value)
       SELECT $1::timestamptz, f.* FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::numeric[]) AS f`,
      now.toISOString(), figures.map((f) => f.scope), figures.map((f) => f.scope_id),
      figures.map((f) => f.scope_name), figures.map((f) => f.metric), figures.map((f) => f.value),
    );
    // Thin out: past the full-resolution period, keep each day's last snapshot.
    await tx.$executeRawUnsafe(
      `DELETE FROM kpi_snapshots k
        WHERE k.taken_at < $1::timestamptz - make_interval(hours => $3::int)
          AND k.taken_at <> (SELECT max(d.taken_at) FROM kpi_snapshots d
                              WHERE (d.taken_at AT TIME ZONE $2)::date = (k.taken_at AT TIME ZONE $2)::date)`,
      now.toISOString(), options.timeZone, FULL_RESOLUTION_HOURS,
    );
    return inserted;
  }, { timeout: 5 * 60_000, maxWait: 10_000 });
}

export interface KpiBoard {
  takenAt: string | null;
  plant: Partial<Record<KpiMetric, number | null>>;
  bySite: { name: string; values: Partial<Record<KpiMetric, number | null>> }[];
  byCategory: { name: string; values: Partial<Record<KpiMetric, number | null>> }[];
  /** The plant's values, one point per day (the day's last snapshot), oldest first. */
  trend: { day: string; values: Partial<Record<KpiMetric, number | null>> }[];
}

/** What the dashboard charts: the latest snapshot by scope, and the plant's trend over `days`. A viewer
 * who reads only some snapshots (`readable`: a user scoped to sites reads his top-level sites') gets those:
 * his site's figures in place of the plant's when he has one site, no plant-wide category figures. */
export async function kpiBoard(db: Db, options: { timeZone: string; days?: number; readable?: Prisma.KpiSnapshotWhereInput }): Promise<KpiBoard> {
  const latest = await db.kpiSnapshot.findFirst({ orderBy: { takenAt: 'desc' }, select: { takenAt: true } });
  if (!latest) return { takenAt: null, plant: {}, bySite: [], byCategory: [], trend: [] };
  const readable = options.readable ?? {};
  const rows = await db.kpiSnapshot.findMany({ where: { AND: [readable, { takenAt: latest.takenAt }] }, orderBy: [{ scope: 'asc' }, { scopeName: 'asc' }] });
  const sites = [...new Set(rows.filter((r) => r.scope === 'SITE').map((r) => r.scopeId))];
  const whole = Object.keys(readable).length === 0;
  const trendScope = whole ? { scope: 'PLANT', scopeId: 0 } : sites.length === 1 ? { scope: 'SITE', scopeId: sites[0]! } : null;
  const grouped = (scope: string) => {
    const byName = new Map<string, Partial<Record<KpiMetric, number | null>>>();
    for (const row of rows.filter((r) => r.scope === scope)) {
      const values = byName.get(row.scopeName) ?? {};
      values[row.metric as KpiMetric] = row.value === null ? null : Number(row.value);
      byName.set(row.scopeName, values);
    }
    return [...byName].map(([name, values]) => ({ name, values }));
  };
  const trendRows = await db.$queryRaw<{ day: Date; metric: string; value: Prisma.Decimal | null }[]>`
    SELECT DISTINCT ON (day, metric) (taken_at AT TIME ZONE ${options.timeZone})::date AS day, metric, value
      FROM kpi_snapshots
     WHERE scope = ${trendScope?.scope ?? '-'} AND scope_id = ${trendScope?.scopeId ?? -1}
       AND taken_at >= ${latest.takenAt}::timestamptz - make_interval(days => ${options.days ?? 30}::int)
     ORDER BY day, metric, taken_at DESC`;
  const trend = new Map<string, Partial<Record<KpiMetric, number | null>>>();
  for (const row of trendRows) {
    const day = row.day.toISOString().slice(0, 10);
    const values = trend.get(day) ?? {};
    values[row.metric as KpiMetric] = row.value === null ? null : Number(row.value);
    trend.set(day, values);
  }
  return {
    takenAt: latest.takenAt.toISOString(),
    plant: (whole ? grouped('PLANT') : sites.length === 1 ? grouped('SITE') : [])[0]?.values ?? {},
    bySite: grouped('SITE'),
    byCategory: grouped('CATEGORY'),
    trend: [...trend].map(([day, values]) => ({ day, values })),
  };
}
