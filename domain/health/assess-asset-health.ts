// The daily health assessment (job assess-asset-health, 06:00 plant time), set-based over the whole plant:
//  1. failure models: per asset category, a Weibull law fitted to its assets' intervals between failures
//     (right-censored at today for the interval still running); categories with fewer than
//     MIN_FAILURES_TO_FIT failures say "too little data";
//  2. each asset's risk: P(failure in the next 30 days | days since its last failure) and its expected
//     remaining life, from its category's model; "too little data" without a model or a known age;
//  3. each measurement point's trend over its last 90 days of readings (at most 120) and the day it will
//     cross a limit; a point predicted to cross within 30 days raises a work request (source TREND) and a
//     notification, once while that prediction stands;
//  4. each asset's health score and its reasons (health-score.ts).
// A failure is a corrective order (not cancelled) at its creation, or an unplanned failure stop no order
// or request stands behind. An asset's life is known from its last failure; before its first one, from
// its installation date when that lies inside the recorded history (the first order of the plant), since
// failures before the records began are unknown (an asset installed 20 years ago with two years of orders
// has no known age). Intervals in days.
// Idempotent per plant day: one health_assessments row per day; a second run the same day does nothing
// unless forced, and a forced run raises no request twice (point_trends keeps the request it raised).
import type { Tx } from '../access/allowed-row.js';
import { OPEN_WORK_ORDER_STATES } from '../maintenance/work-order-lifecycle.js';
import { readingTrendCrossing } from '../notifications/kinds/reading-trend-crossing.kind.js';
import { notify } from '../notifications/notify.js';
import { membersOf } from '../notifications/recipients.js';
import { plantDateTime } from '../notifications/triggers/plant-text.js';
import { fitReadingTrend, predictCrossing, type PredictedCrossing } from '../reliability/reading-trend.js';
import { expectedRemainingDays, failureProbability, fitWeibull, type LifeObservation, type WeibullFit } from '../reliability/weibull.js';
import type { Db } from '../../prisma/client.js';
import { healthScore } from './health-score.js';

export const RISK_HORIZON_DAYS = 30;
export const TREND_WINDOW_DAYS = 90;
/** Newest readings a trend uses: Theil–Sen compares every pair, 120 readings are 7 140 pairs. */
export const TREND_MAX_READINGS = 120;
const DAY_MS = 86_400_000;

export interface HealthAssessmentOutcome {
  day: string;
  skipped: boolean;
  assets: number;
  categoriesFitted: number;
  points: number;
  requestsRaised: number;
}

export async function assessAssetHealth(
  db: Db, options: { timeZone: string; now?: Date; force?: boolean; /** Filled with each phase's milliseconds (the bench prints them). */ timings?: Record<string, number> },
): Promise<HealthAssessmentOutcome> {
  const now = options.now ?? new Date();
  let mark = performance.now();
  const phase = (name: string) => {
    if (options.timings) options.timings[name] = performance.now() - mark;
    mark = performance.now();
  };
  const raised: RaisedRequest[] = [];
  const outcome = await db.transactionAs(async (tx) => {
    // Two runs at once (a retry, "Ejecutar ahora" at 06:00) take turns; the second sees the day done.
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('cmms_assess_asset_health'))`);
    const [today] = await tx.$queryRawUnsafe<{ day: string }[]>(`SELECT to_char(($1::timestamptz AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS day`, now.toISOString(), options.timeZone);
    const day = today!.day;
    const done = await tx.healthAssessment.findUnique({ where: { day: new Date(`${day}T00:00:00Z`) } });
    if (done?.finishedAt && !options.force) return { day, skipped: true, assets: done.assets, categoriesFitted: done.categoriesFitted, points: done.points, requestsRaised: 0 };

    const history = await readFailureHistory(tx, now, options.timeZone);
    phase('failure history read');
    const models = fitCategories(history, now);
    await writeCategoryModels(tx, models, day);
    phase('models fitted and written');
    const trends = await assessTrends(tx, now, day, options.timeZone, raised, phase);
    const findings = await readFindings(tx, day);
    phase('overdue orders and excursions read');
    const assets = await writeAssetHealth(tx, history, models, trends.crossingsByAsset, findings, now, day);
    phase('risk and scores computed and written');
    const totals = { assets, categoriesFitted: [...models.values()].filter((m) => m.fit).length, points: trends.points, requestsRaised: raised.length };
    await tx.healthAssessment.upsert({
      where: { day: new Date(`${day}T00:00:00Z`) },
      create: { day: new Date(`${day}T00:00:00Z`), finishedAt: new Date(), ...totals },
      update: { startedAt: now, finishedAt: new Date(), ...totals },
    });
    // Told in the same transaction as the requests: a rolled-back run tells nobody.
    if (raised.length) {
      const supervisors = await membersOf(tx, ['SUPERVISORS']);
      for (const request of raised)
        await notify(tx, {
          kind: readingTrendCrossing,
          key: `reading-trend-crossing:${request.id}`,
          recordId: request.id,
          values: { title: `#${request.id}`, point: request.point, date: request.date },
          recipients: request.responsibleUserId ? [...supervisors, request.responsibleUserId] : supervisors,
        });
    }
    return { day, skipped: false, ...totals };
  }, { timeout: 15 * 60_000, maxWait: 30_000 });
  return outcome;
}

interface AssetHistory {
  id: number;
  categoryId: number;
  criticality: string;
  /** Epoch ms of the start of its known life (installation inside the records), or null. */
  lifeStart: number | null;
  /** Epoch ms of its failures, oldest first. */
  failures: number[];
}

async function readFailureHistory(tx: Tx, now: Date, timeZone: string): Promise<AssetHistory[]> {
  const rows = await tx.$queryRawUnsafe<{ id: number; category_id: number; criticality: string; life_start: number | null; failures: number[] }[]>(
    `WITH failures AS (
       SELECT w.asset_id, w.created_at AS at FROM work_orders w
        WHERE w.kind = 'CORRECTIVE' AND w.state <> 'CANCELLED' AND w.created_at <= $1::timestamptz
       UNION ALL
       SELECT d.asset_id, d.started_at FROM downtime_events d
        WHERE d.reason = 'FAILURE' AND NOT d.planned AND d.work_order_id IS NULL AND d.work_request_id IS NULL AND d.started_at <= $1::timestamptz
     ), records AS (SELECT min(created_at) AS began FROM work_orders)
     SELECT a.id, a.category_id, a.criticality,
            CASE WHEN (a.installed_on::timestamp AT TIME ZONE $2) >= r.began AND (a.installed_on::timestamp AT TIME ZONE $2) <= $1::timestamptz
                 THEN extract(epoch FROM a.installed_on::timestamp AT TIME ZONE $2)::float8 * 1000 END AS life_start,
            coalesce(array_agg(extract(epoch FROM f.at)::float8 * 1000 ORDER BY f.at) FILTER (WHERE f.at IS NOT NULL), '{}') AS failures
       FROM assets a CROSS JOIN records r LEFT JOIN failures f ON f.asset_id = a.id
      WHERE a.status <> 'RETIRED'
      GROUP BY a.id, r.began`,
    now.toISOString(), timeZone,
  );
  return rows.map((r) => ({ id: r.id, categoryId: r.category_id, criticality: r.criticality, lifeStart: r.life_start, failures: r.failures }));
}

/** The observations one asset gives its category's model (see the file's header). */
export function lifeObservations(asset: Pick<AssetHistory, 'lifeStart' | 'failures'>, now: number): LifeObservation[] {
  const moments = asset.lifeStart === null ? asset.failures : [asset.lifeStart, ...asset.failures];
  const observations: LifeObservation[] = [];
  for (let i = 1; i < moments.length; i++) observations.push({ days: (moments[i]! - moments[i - 1]!) / DAY_MS, failed: true });
  if (moments.length) observations.push({ days: (now - moments.at(-1)!) / DAY_MS, failed: false });
  return observations;
}

interface CategoryModel {
  fit: WeibullFit | null;
  failures: number;
  censored: number;
}

function fitCategories(history: AssetHistory[], now: Date): Map<number, CategoryModel> {
  const byCategory = new Map<number, LifeObservation[]>();
  for (const asset of history) {
    const list = byCategory.get(asset.categoryId) ?? [];
    for (const observation of lifeObservations(asset, now.getTime())) list.push(observation);
    byCategory.set(asset.categoryId, list);
  }
  const models = new Map<number, CategoryModel>();
  for (const [categoryId, observations] of byCategory) {
    const failures = observations.filter((o) => o.failed).length;
    models.set(categoryId, { fit: fitWeibull(observations), failures, censored: observations.length - failures });
  }
  return models;
}

async function writeCategoryModels(tx: Tx, models: Map<number, CategoryModel>, day: string) {
  const ids = [...models.keys()];
  const list = ids.map((id) => models.get(id)!);
  await tx.$executeRawUnsafe(`DELETE FROM category_reliability`);
  await tx.$executeRawUnsafe(
    `INSERT INTO category_reliability (category_id, assessed_on, state, failures, censored, shape, scale_days, mean_days)
     SELECT m.category_id, $1::date, CASE WHEN m.shape IS NULL THEN 'TOO_LITTLE_DATA' ELSE 'FITTED' END, m.failures, m.censored,
            round(m.shape::numeric, 4), round(m.scale::numeric, 2), round(m.mean::numeric, 2)
       FROM unnest($2::int[], $3::int[], $4::int[], $5::float8[], $6::float8[], $7::float8[]) AS m(category_id, failures, censored, shape, scale, mean)`,
    day, ids, list.map((m) => m.failures), list.map((m) => m.censored),
    list.map((m) => m.fit?.shape ?? null), list.map((m) => m.fit?.scale ?? null), list.map((m) => (m.fit ? expectedRemainingDays(m.fit, 0) : null)),
  );
}

interface RaisedRequest {
  id: number;
  point: string;
  date: string;
  responsibleUserId: number | null;
}

interface PointRow {
  id: number;
  asset_id: number;
  code: string;
  variable: string;
  unit: string;
  min_value: number | null;
  max_value: number | null;
  outside: boolean;
  criticality: string;
  responsible_user_id: number | null;
  work_request_id: number | null;
  taken: number[] | null;
  values: number[] | null;
}

async function assessTrends(tx: Tx, now: Date, day: string, timeZone: string, raised: RaisedRequest[], phase: (name: string) => void) {
  const points = await tx.$queryRawUnsafe<PointRow[]>(
    `SELECT p.id, p.asset_id, p.code, p.variable, p.unit, p.min_value::float8 AS min_value, p.max_value::float8 AS max_value,
            p.excursion_since IS NOT NULL AS outside, a.criticality, a.responsible_user_id, t.work_request_id, r.taken, r.values
       FROM measurement_points p
       JOIN assets a ON a.id = p.asset_id AND a.status <> 'RETIRED'
       LEFT JOIN point_trends t ON t.measurement_point_id = p.id
       CROSS JOIN LATERAL (
         SELECT array_agg(extract(epoch FROM x.taken_at)::float8 * 1000 ORDER BY x.taken_at) AS taken, array_agg(x.value::float8 ORDER BY x.taken_at) AS values
           FROM (SELECT taken_at, value FROM readings
                  WHERE measurement_point_id = p.id AND taken_at > $1::timestamptz - make_interval(days => $2) AND taken_at <= $1::timestamptz
                  ORDER BY taken_at DESC LIMIT $3) x) r`,
    now.toISOString(), TREND_WINDOW_DAYS, TREND_MAX_READINGS,
  );
  phase('readings read');
  const nowMs = now.getTime();
  const horizon = nowMs + RISK_HORIZON_DAYS * DAY_MS;
  const rows = points.map((point) => {
    const trend = point.taken && point.taken.length ? fitReadingTrend(point.taken.map((t, i) => ({ day: (t - nowMs) / DAY_MS, value: point.values![i]! }))) : null;
    const crossing: PredictedCrossing | null = trend && !point.outside ? predictCrossing(trend, { min: point.min_value, max: point.max_value }) : null;
    const at = (days: number | null) => (days === null ? null : nowMs + days * DAY_MS);
    const state = !trend ? 'TOO_LITTLE_DATA' : point.outside ? 'OUTSIDE' : !crossing ? 'STEADY' : at(crossing.day)! <= horizon ? 'CROSSING' : 'LATER';
    return { point, trend, crossing, state, at };
  });
  phase('trends fitted');
  // Requests for the points newly predicted to cross within the horizon, in one statement.
  const fresh = rows.filter((row) => row.state === 'CROSSING' && row.point.work_request_id === null);
  const when = (ms: number | null) => (ms === null ? '—' : plantDateTime(new Date(ms), timeZone).slice(0, 10));
  const descriptions = fresh.map(({ point, crossing, at }) => trendRequestText({
    point: point.code, variable: point.variable, unit: point.unit,
    side: crossing!.limit, limit: crossing!.limit === 'MAX' ? point.max_value! : point.min_value!,
    date: when(at(crossing!.day)), earliest: when(at(crossing!.earliestDay)), latest: when(at(crossing!.latestDay)),
  }));
  const opened = fresh.length
    ? await tx.$queryRawUnsafe<{ id: number; measurement_point_id: number }[]>(
        `INSERT INTO work_requests (asset_id, description, priority, state, source, measurement_point_id)
         SELECT f.asset_id, f.description, CASE WHEN f.criticality = 'A' THEN 'HIGH' ELSE 'MEDIUM' END, 'OPEN', 'TREND', f.point_id
           FROM unnest($1::int[], $2::int[], $3::text[], $4::text[]) WITH ORDINALITY AS f(asset_id, point_id, description, criticality, n)
          ORDER BY f.n
         RETURNING id, measurement_point_id`,
        fresh.map((r) => r.point.asset_id), fresh.map((r) => r.point.id), descriptions, fresh.map((r) => r.point.criticality),
      )
    : [];
  const requestOf = new Map(opened.map((o) => [o.measurement_point_id, o.id]));
  for (const row of fresh)
    raised.push({ id: requestOf.get(row.point.id)!, point: `${row.point.code} · ${row.point.variable}`, date: when(row.at(row.crossing!.day)), responsibleUserId: row.point.responsible_user_id });

  // One JSON parameter rather than an array per column: the driver passes one string quickly, and
  // PostgreSQL unpacks it in one pass (arrays of 24 000 values each were seconds of parameter handling).
  const trendRows = rows.map((r) => ({
    point_id: r.point.id, state: r.state, readings: r.point.taken?.length ?? 0, slope: r.trend?.slopePerDay ?? null,
    pivot_at: r.trend ? r.at(r.trend.pivotDay) : null, pivot_value: r.trend?.pivotValue ?? null, side: r.crossing?.limit ?? null,
    crossing: r.crossing ? r.at(r.crossing.day) : null, earliest: r.crossing ? r.at(r.crossing.earliestDay) : null, latest: r.crossing ? r.at(r.crossing.latestDay) : null,
    // The request raised stays with the point while it is predicted to cross; then the point is re-armed.
    request_id: r.state === 'CROSSING' ? r.point.work_request_id ?? requestOf.get(r.point.id) ?? null : null,
  }));
  await tx.$executeRawUnsafe(
    `INSERT INTO point_trends (measurement_point_id, assessed_on, state, readings, slope_per_day, pivot_at, pivot_value, limit_side,
                               predicted_crossing_at, earliest_crossing_at, latest_crossing_at, work_request_id)
     SELECT t.point_id, $1::date, t.state, t.readings, round(t.slope::numeric, 6), to_timestamp(t.pivot_at / 1000), round(t.pivot_value::numeric, 4), t.side,
            to_timestamp(t.crossing / 1000), to_timestamp(t.earliest / 1000), to_timestamp(t.latest / 1000), t.request_id
       FROM json_to_recordset($2::json) AS t(point_id int, state text, readings int, slope float8, pivot_at float8, pivot_value float8, side text,
                                             crossing float8, earliest float8, latest float8, request_id int)
     ON CONFLICT (measurement_point_id) DO UPDATE SET
       assessed_on = excluded.assessed_on, state = excluded.state, readings = excluded.readings, slope_per_day = excluded.slope_per_day,
       pivot_at = excluded.pivot_at, pivot_value = excluded.pivot_value, limit_side = excluded.limit_side,
       predicted_crossing_at = excluded.predicted_crossing_at, earliest_crossing_at = excluded.earliest_crossing_at,
       latest_crossing_at = excluded.latest_crossing_at, work_request_id = excluded.work_request_id`,
    day, JSON.stringify(trendRows),
  );
  phase('trends and requests written');
  const crossingsByAsset = new Map<number, number>();
  for (const row of rows) if (row.state === 'CROSSING') crossingsByAsset.set(row.point.asset_id, (crossingsByAsset.get(row.point.asset_id) ?? 0) + 1);
  return { points: rows.length, crossingsByAsset };
}

/** The request's description, in the plant's language (Spanish, as the condition requests' trigger). */
export function trendRequestText(v: { point: string; variable: string; unit: string; side: 'MAX' | 'MIN'; limit: number; date: string; earliest: string; latest: string }): string {
  const limit = new Intl.NumberFormat('es', { maximumFractionDigits: 4 }).format(v.limit);
  return `Tendencia de ${v.point} (${v.variable}): cruzará su límite ${v.side === 'MAX' ? 'máximo' : 'mínimo'} de ${limit} ${v.unit} hacia el ${v.date}`
    + ` (entre ${v.earliest} y ${v.latest === '—' ? 'sin cota superior' : v.latest}). Revise el equipo antes.`;
}

async function readFindings(tx: Tx, day: string) {
  const rows = await tx.$queryRawUnsafe<{ asset_id: number; overdue: number; excursions: number }[]>(
    `SELECT asset_id, sum(overdue)::int AS overdue, sum(excursions)::int AS excursions FROM (
       SELECT asset_id, count(*) AS overdue, 0 AS excursions FROM work_orders
        WHERE kind = 'PREVENTIVE' AND state = ANY ($1::text[]) AND planned_on < $2::date GROUP BY asset_id
       UNION ALL
       SELECT asset_id, 0, count(*) FROM measurement_points WHERE excursion_since IS NOT NULL GROUP BY asset_id) f
      GROUP BY asset_id`,
    OPEN_WORK_ORDER_STATES, day,
  );
  return new Map(rows.map((r) => [r.asset_id, r]));
}

async function writeAssetHealth(
  tx: Tx, history: AssetHistory[], models: Map<number, CategoryModel>, crossings: Map<number, number>,
  findings: Map<number, { overdue: number; excursions: number }>, now: Date, day: string,
): Promise<number> {
  const rows = history.map((asset) => {
    const fit = models.get(asset.categoryId)?.fit ?? null;
    const since = asset.failures.at(-1) ?? asset.lifeStart;
    const age = since === null ? null : (now.getTime() - since) / DAY_MS;
    const probability = fit && age !== null ? failureProbability(fit, age, RISK_HORIZON_DAYS) : null;
    const found = findings.get(asset.id);
    const input = {
      criticality: asset.criticality, failureProbability: probability,
      overduePreventive: found?.overdue ?? 0, openExcursions: found?.excursions ?? 0, predictedCrossings: crossings.get(asset.id) ?? 0,
    };
    const { score, reasons } = healthScore(input);
    return {
      asset_id: asset.id, score, state: probability === null ? 'TOO_LITTLE_DATA' : 'ESTIMATED', probability,
      remaining: fit && age !== null ? expectedRemainingDays(fit, age) : null, age: asset.failures.length ? age : null,
      overdue: input.overduePreventive, excursions: input.openExcursions, crossings: input.predictedCrossings, reasons,
    };
  });
  await tx.$executeRawUnsafe(`DELETE FROM asset_health`);
  return tx.$executeRawUnsafe(
    `INSERT INTO asset_health (asset_id, assessed_on, score, risk_state, failure_probability, expected_remaining_days, days_since_failure,
                               overdue_preventive, open_excursions, predicted_crossings, reasons)
     SELECT h.asset_id, $1::date, h.score, h.state, round(h.probability::numeric, 4), round(least(h.remaining, 99999999)::numeric, 1),
            round(h.age::numeric, 1), h.overdue, h.excursions, h.crossings, h.reasons
       FROM jsonb_to_recordset($2::jsonb) AS h(asset_id int, score int, state text, probability float8, remaining float8, age float8,
                                               overdue int, excursions int, crossings int, reasons jsonb)`,
    day, JSON.stringify(rows),
  );
}
