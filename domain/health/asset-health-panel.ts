// What an asset's page shows of its health (admin/health/router.ts, components/asset-health-panel.tsx):
// its score, risk and reasons from the day's assessment, its reliability figures over the last year, its
// recent stops, and each measurement point's readings of the last 90 days with limits and trend. Read
// under the viewer's rules: no asset he may not read; stops, trends and readings only where he may read
// them (a part he may not read is left out, not refused).
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { MIN_FAILURES_TO_FIT } from '../reliability/weibull.js';
import { assetReliability, type AssetReliability } from './reliability-figures.js';
import { TREND_WINDOW_DAYS } from './assess-asset-health.js';
import type { HealthReason } from './health-score.js';

export interface AssetHealthPanel {
  minFailures: number;
  health: {
    assessedOn: string; score: number; riskState: string; failureProbability: number | null;
    expectedRemainingDays: number | null; daysSinceFailure: number | null; reasons: HealthReason[];
  } | null;
  figures: AssetReliability | null;
  downtime: { id: number; startedAt: string; endedAt: string | null; planned: boolean; reason: string; hours: number }[];
  points: {
    id: number; code: string; variable: string; unit: string; min: number | null; max: number | null;
    readings: { at: string; value: number }[];
    trend: { state: string; slopePerDay: number | null; pivotAt: string | null; pivotValue: number | null; limitSide: string | null;
             predictedCrossingAt: string | null; earliestCrossingAt: string | null; latestCrossingAt: string | null } | null;
  }[];
}

const DAY_MS = 86_400_000;
/** Readings drawn per point: enough for a 90-day chart, bounded for a SCADA point that writes every minute. */
const READINGS_PER_POINT = 500;

export async function assetHealthPanel(db: Db, ability: AppAbility, assetId: number, now = new Date()): Promise<AssetHealthPanel> {
  const assets = accessibleWhere(ability, 'read', 'Asset');
  if (!assets) throw new AccessDeniedError('read', 'Asset');
  const asset = await db.asset.findFirst({ where: { AND: [{ id: assetId }, assets as Prisma.AssetWhereInput] }, select: { id: true } });
  if (!asset) throw new Refusal('notFound', {}, { kind: 'notFound' });
  const readable = (model: Prisma.ModelName) => accessibleWhere(ability, 'read', model);

  const healthWhere = readable('AssetHealth');
  const health = healthWhere ? await db.assetHealth.findFirst({ where: { AND: [{ assetId }, healthWhere as Prisma.AssetHealthWhereInput] } }) : null;
  const downtimeWhere = readable('DowntimeEvent');
  const stops = downtimeWhere
    ? await db.downtimeEvent.findMany({ where: { AND: [{ assetId }, downtimeWhere as Prisma.DowntimeEventWhereInput] }, orderBy: { startedAt: 'desc' }, take: 20 })
    : [];
  // Figures add up every order's closure and cost: for those who read closures (supervisors, consultants,
  // administrators), not a technician (who reads his own orders) nor an operator.
  const figures = ability.can('read', 'WorkOrderClosure') && downtimeWhere
    ? await assetReliability(db, assetId, { from: new Date(now.getTime() - 365 * DAY_MS), to: now })
    : null;

  const pointWhere = readable('MeasurementPoint');
  const readingWhere = readable('Reading');
  const trendWhere = readable('PointTrend');
  const points = pointWhere
    ? await db.measurementPoint.findMany({ where: { AND: [{ assetId }, pointWhere as Prisma.MeasurementPointWhereInput] }, orderBy: { code: 'asc' }, include: { trend: true } })
    : [];
  const since = new Date(now.getTime() - TREND_WINDOW_DAYS * DAY_MS);
  const drawn = await Promise.all(points.map(async (point) => {
    const readings = readingWhere
      ? await db.reading.findMany({
          where: { AND: [{ measurementPointId: point.id, takenAt: { gt: since, lte: now } }, readingWhere as Prisma.ReadingWhereInput] },
          orderBy: { takenAt: 'desc' }, take: READINGS_PER_POINT, select: { takenAt: true, value: true },
        })
      : [];
    const trend = trendWhere ? point.trend : null;
    const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
    return {
      id: point.id, code: point.code, variable: point.variable, unit: point.unit,
      min: point.minValue === null ? null : Number(point.minValue), max: point.maxValue === null ? null : Number(point.maxValue),
      readings: readings.reverse().map((r) => ({ at: r.takenAt.toISOString(), value: Number(r.value) })),
      trend: trend && {
        state: trend.state, slopePerDay: trend.slopePerDay === null ? null : Number(trend.slopePerDay), pivotAt: iso(trend.pivotAt),
        pivotValue: trend.pivotValue === null ? null : Number(trend.pivotValue), limitSide: trend.limitSide,
        predictedCrossingAt: iso(trend.predictedCrossingAt), earliestCrossingAt: iso(trend.earliestCrossingAt), latestCrossingAt: iso(trend.latestCrossingAt),
      },
    };
  }));
  return {
    minFailures: MIN_FAILURES_TO_FIT,
    health: health && {
      assessedOn: health.assessedOn.toISOString().slice(0, 10), score: health.score, riskState: health.riskState,
      failureProbability: health.failureProbability === null ? null : Number(health.failureProbability),
      expectedRemainingDays: health.expectedRemainingDays === null ? null : Number(health.expectedRemainingDays),
      daysSinceFailure: health.daysSinceFailure === null ? null : Number(health.daysSinceFailure),
      reasons: health.reasons as unknown as HealthReason[],
    },
    figures,
    downtime: stops.map((s) => ({
      id: s.id, startedAt: s.startedAt.toISOString(), endedAt: s.endedAt?.toISOString() ?? null, planned: s.planned, reason: s.reason,
      hours: ((s.endedAt ?? now).getTime() - s.startedAt.getTime()) / 3_600_000,
    })),
    points: drawn,
  };
}

