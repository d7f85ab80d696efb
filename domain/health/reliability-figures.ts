// Reliability figures from downtime and orders, over a period [from, to):
//   downtime hours      the union of the stops inside the period (overlapping stops count once; a stop
//                       still open counts up to the period's end), all of them and the unplanned ones
//   availability        (period hours − downtime hours) / period hours
//   failures            corrective orders opened in the period (not cancelled), plus failure stops that no
//                       order or request stands behind (the same events the failure model counts)
//   MTBF                operating hours (period − downtime) / failures; none without a failure
//   MTTR                mean length of the unplanned stops that ended in the period; none without one
// Per asset, grouped by its location or its category alike: a group adds its assets' hours and failures,
// so MTBF and availability are ratios of sums, not means of ratios.
import { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { workOrderCosts } from '../inventory/work-order-cost.js';

/** 'plant': all the assets in scope as one group (id 0). */
export type FigureGrouping = 'asset' | 'location' | 'category' | 'plant';

export interface ReliabilityFigures {
  id: number;
  periodHours: number;
  downtimeHours: number;
  unplannedDowntimeHours: number;
  availability: number;
  failures: number;
  mtbfHours: number | null;
  mttrHours: number | null;
}

type Reader = Pick<Db, '$queryRaw'>;

/** Figures per asset, location or category, over the assets of `assetIds` or of the sites of `sitePaths`
 * (a user scoped to sites), or the whole plant; retired assets are left out. */
export async function reliabilityFiguresBy(
  db: Reader, grouping: FigureGrouping, period: { from: Date; to: Date }, scope: { assetIds?: number[]; sitePaths?: string[] } = {},
): Promise<ReliabilityFigures[]> {
  const group = { asset: Prisma.sql`s.id`, location: Prisma.sql`s.location_id`, category: Prisma.sql`s.category_id`, plant: Prisma.sql`0::int` }[grouping];
  const patterns = scope.sitePaths?.length ? scope.sitePaths.map((path) => `${path}%`) : null;
  const rows = await db.$queryRaw<{ id: number; assets: number; down: number; unplanned: number; failures: number; repairs: number | null }[]>`
    WITH period AS (SELECT ${period.from}::timestamptz AS f, ${period.to}::timestamptz AS t),
    scoped AS (
      SELECT a.id, a.location_id, a.category_id FROM assets a JOIN locations l ON l.id = a.location_id
       WHERE a.status <> 'RETIRED'
         AND (${scope.assetIds ?? null}::int[] IS NULL OR a.id = ANY (${scope.assetIds ?? null}::int[]))
         AND (${patterns}::text[] IS NULL OR l.path LIKE ANY (${patterns}::text[]))
    ), stops AS (
      SELECT d.asset_id, d.planned, d.ended_at, d.started_at, d.reason, d.work_order_id, d.work_request_id,
             tstzrange(greatest(d.started_at, p.f), least(coalesce(d.ended_at, p.t), p.t)) AS inside
        FROM downtime_events d CROSS JOIN period p
       WHERE d.asset_id IN (SELECT id FROM scoped) AND d.started_at < p.t AND coalesce(d.ended_at, 'infinity') > p.f
    ), down AS (
      SELECT asset_id,
             (SELECT coalesce(sum(extract(epoch FROM upper(r) - lower(r))), 0) FROM unnest(range_agg(inside)) r) / 3600 AS down,
             (SELECT coalesce(sum(extract(epoch FROM upper(r) - lower(r))), 0) FROM unnest(coalesce(range_agg(inside) FILTER (WHERE NOT planned), '{}'::tstzmultirange)) r) / 3600 AS unplanned,
             count(*) FILTER (WHERE reason = 'FAILURE' AND work_order_id IS NULL AND work_request_id IS NULL AND started_at >= (SELECT f FROM period)) AS loose_failures
        FROM stops GROUP BY asset_id
    ), repairs AS (
      SELECT asset_id, count(*) AS repairs, sum(extract(epoch FROM ended_at - started_at)) / 3600 AS hours
        FROM stops CROSS JOIN period p WHERE NOT planned AND ended_at >= p.f AND ended_at < p.t
       GROUP BY asset_id
    ), orders AS (
      SELECT w.asset_id, count(*) AS failures FROM work_orders w CROSS JOIN period p
       WHERE w.asset_id IN (SELECT id FROM scoped) AND w.kind = 'CORRECTIVE' AND w.state <> 'CANCELLED'
         AND w.created_at >= p.f AND w.created_at < p.t
       GROUP BY w.asset_id
    )
    SELECT ${group} AS id, count(DISTINCT s.id)::int AS assets,
           coalesce(sum(d.down), 0)::float8 AS down, coalesce(sum(d.unplanned), 0)::float8 AS unplanned,
           (coalesce(sum(o.failures), 0) + coalesce(sum(d.loose_failures), 0))::int AS failures,
           (sum(r.hours) / nullif(sum(r.repairs), 0))::float8 AS repairs
      FROM scoped s LEFT JOIN down d ON d.asset_id = s.id LEFT JOIN orders o ON o.asset_id = s.id LEFT JOIN repairs r ON r.asset_id = s.id
     GROUP BY ${group} ORDER BY 1`;
  const hours = (period.to.getTime() - period.from.getTime()) / 3_600_000;
  return rows.map((row) => {
    const periodHours = hours * row.assets;
    const operating = periodHours - row.down;
    return {
      id: row.id,
      periodHours,
      downtimeHours: row.down,
      unplannedDowntimeHours: row.unplanned,
      availability: periodHours > 0 ? operating / periodHours : 1,
      failures: row.failures,
      mtbfHours: row.failures > 0 ? operating / row.failures : null,
      mttrHours: row.repairs,
    };
  });
}

export interface AssetReliability extends ReliabilityFigures {
  /** Failures by the codes their orders were closed (or completed) with, most frequent first. */
  byProblem: { name: string; count: number }[];
  byCause: { name: string; count: number }[];
  byRemedy: { name: string; count: number }[];
  /** Orders completed in the period: labour (hours × the technician's hourly cost) and materials. */
  cost: { labor: number; materials: number; total: number };
  preventiveOrders: number;
  correctiveOrders: number;
  /** Preventive orders / all orders opened in the period (not cancelled); null with none. */
  preventiveShare: number | null;
}

/** Everything the asset's page shows of its reliability over the period. */
export async function assetReliability(db: Reader, assetId: number, period: { from: Date; to: Date }): Promise<AssetReliability> {
  const [figures] = await reliabilityFiguresBy(db, 'asset', period, { assetIds: [assetId] });
  const codes = await db.$queryRaw<{ kind: string; name: string; count: number }[]>`
    SELECT f.kind, f.name, count(*)::int AS count
      FROM work_orders w
      LEFT JOIN work_order_closures c ON c.work_order_id = w.id
      LEFT JOIN work_order_completions r ON r.work_order_id = w.id
      CROSS JOIN LATERAL (VALUES (coalesce(c.problem_id, r.problem_id)), (coalesce(c.cause_id, r.cause_id)), (coalesce(c.remedy_id, r.remedy_id))) AS code(id)
      JOIN failure_codes f ON f.id = code.id
     WHERE w.asset_id = ${assetId} AND w.kind = 'CORRECTIVE' AND w.state <> 'CANCELLED'
       AND w.created_at >= ${period.from} AND w.created_at < ${period.to}
     GROUP BY f.kind, f.name ORDER BY count(*) DESC, f.name`;
  const [orders] = await db.$queryRaw<{ preventive: number; corrective: number; completed: number[] }[]>`
    SELECT count(*) FILTER (WHERE kind = 'PREVENTIVE' AND state <> 'CANCELLED' AND created_at >= ${period.from} AND created_at < ${period.to})::int AS preventive,
           count(*) FILTER (WHERE kind = 'CORRECTIVE' AND state <> 'CANCELLED' AND created_at >= ${period.from} AND created_at < ${period.to})::int AS corrective,
           coalesce(array_agg(id) FILTER (WHERE completed_at >= ${period.from} AND completed_at < ${period.to}), '{}') AS completed
      FROM work_orders WHERE asset_id = ${assetId}`;
  const costs = [...(await workOrderCosts(db, orders!.completed)).values()];
  const labor = costs.reduce((sum, c) => sum + Number(c.labor), 0);
  const materials = costs.reduce((sum, c) => sum + Number(c.materials), 0);
  const of = (kind: string) => codes.filter((c) => c.kind === kind).map(({ name, count }) => ({ name, count }));
  const all = orders!.preventive + orders!.corrective;
  return {
    ...(figures ?? { id: assetId, periodHours: 0, downtimeHours: 0, unplannedDowntimeHours: 0, availability: 1, failures: 0, mtbfHours: null, mttrHours: null }),
    byProblem: of('PROBLEM'), byCause: of('CAUSE'), byRemedy: of('REMEDY'),
    cost: { labor, materials, total: labor + materials },
    preventiveOrders: orders!.preventive,
    correctiveOrders: orders!.corrective,
    preventiveShare: all > 0 ? orders!.preventive / all : null,
  };
}
