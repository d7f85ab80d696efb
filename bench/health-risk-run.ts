// One side of `npm run bench:health`'s risk-job measurement, in a process of its own so its time and peak
// memory are its own: `node --import tsx bench/health-risk-run.ts <set|loop> <database url> [sample]`.
//   set   the 06:00 assessment as the job runs it (domain/health/assess-asset-health.ts), whole plant
//   loop  what a straightforward ORM implementation does, asset by asset, on a sample of assets: read its
//         failures, then (models fitted) its overdue orders, excursions, each point's readings, and write
//         its row; its rate is what compares (the whole plant would take many minutes)
// Prints one JSON line: { ms, assets, maxRssMb, timings } (timings: the set-based job's phases).
import { actAs } from '../prisma/actor.js';
import { connectDatabase } from '../server/database.js';
import { assessAssetHealth, lifeObservations, RISK_HORIZON_DAYS, TREND_MAX_READINGS, TREND_WINDOW_DAYS } from '../domain/health/assess-asset-health.js';
import { healthScore } from '../domain/health/health-score.js';
import { OPEN_WORK_ORDER_STATES } from '../domain/maintenance/work-order-lifecycle.js';
import { fitReadingTrend, predictCrossing } from '../domain/reliability/reading-trend.js';
import { expectedRemainingDays, failureProbability, fitWeibull, type LifeObservation } from '../domain/reliability/weibull.js';

const [mode, url, sampleText] = process.argv.slice(2);
const TIME_ZONE = 'America/Tegucigalpa';
const DAY = 86_400_000;
const db = connectDatabase(url!, { max: 4 });
const now = new Date();
let assets = 0;
const timings: Record<string, number> = {};
const started = performance.now();

if (mode === 'set') {
  const outcome = await actAs({ label: 'job:assess-asset-health' }, () => assessAssetHealth(db.prisma, { timeZone: TIME_ZONE, now, force: true, timings }));
  assets = outcome.assets;
} else {
  const prisma = db.prisma;
  const sample = Number(sampleText ?? 1000);
  const picked = await prisma.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM assets WHERE status <> 'RETIRED' ORDER BY md5(id::text) LIMIT $1`, sample);
  await actAs({ label: 'job:bench-loop' }, async () => {
    const histories = [];
    for (const { id } of picked) {
      const asset = await prisma.asset.findUniqueOrThrow({ where: { id } });
      const orders = await prisma.workOrder.findMany({ where: { assetId: id, kind: 'CORRECTIVE', state: { not: 'CANCELLED' }, createdAt: { lte: now } }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } });
      histories.push({ asset, failures: orders.map((o) => o.createdAt.getTime()) });
    }
    const byCategory = new Map<number, LifeObservation[]>();
    for (const h of histories) byCategory.set(h.asset.categoryId, [...(byCategory.get(h.asset.categoryId) ?? []), ...lifeObservations({ lifeStart: null, failures: h.failures }, now.getTime())]);
    const fits = new Map([...byCategory].map(([category, observations]) => [category, fitWeibull(observations)]));
    const today = new Date(now.toISOString().slice(0, 10));
    for (const { asset, failures } of histories) {
      const overdue = await prisma.workOrder.count({ where: { assetId: asset.id, kind: 'PREVENTIVE', state: { in: [...OPEN_WORK_ORDER_STATES] }, plannedOn: { lt: today } } });
      const points = await prisma.measurementPoint.findMany({ where: { assetId: asset.id } });
      let crossings = 0;
      for (const point of points) {
        const readings = await prisma.reading.findMany({
          where: { measurementPointId: point.id, takenAt: { gt: new Date(now.getTime() - TREND_WINDOW_DAYS * DAY), lte: now } }, orderBy: { takenAt: 'desc' }, take: TREND_MAX_READINGS,
        });
        const trend = fitReadingTrend(readings.reverse().map((r) => ({ day: (r.takenAt.getTime() - now.getTime()) / DAY, value: Number(r.value) })));
        const crossing = trend && !point.excursionSince ? predictCrossing(trend, { min: point.minValue && Number(point.minValue), max: point.maxValue && Number(point.maxValue) }) : null;
        if (crossing && crossing.day <= RISK_HORIZON_DAYS) crossings++;
      }
      const fit = fits.get(asset.categoryId) ?? null;
      const age = failures.length ? (now.getTime() - failures.at(-1)!) / DAY : null;
      const probability = fit && age !== null ? failureProbability(fit, age, RISK_HORIZON_DAYS) : null;
      const { score, reasons } = healthScore({
        criticality: asset.criticality, failureProbability: probability, overduePreventive: overdue,
        openExcursions: points.filter((p) => p.excursionSince).length, predictedCrossings: crossings,
      });
      const row = {
        assessedOn: today, score, riskState: probability === null ? 'TOO_LITTLE_DATA' : 'ESTIMATED', failureProbability: probability,
        expectedRemainingDays: fit && age !== null ? Math.min(99_999_999, expectedRemainingDays(fit, age)) : null, daysSinceFailure: age,
        overduePreventive: overdue, openExcursions: points.filter((p) => p.excursionSince).length, predictedCrossings: crossings, reasons: reasons as never,
      };
      await prisma.assetHealth.upsert({ where: { assetId: asset.id }, create: { assetId: asset.id, ...row }, update: row });
      assets++;
    }
  });
}

const ms = performance.now() - started;
await db.close();
console.log(JSON.stringify({ ms, assets, maxRssMb: process.resourceUsage().maxRSS / 1024, timings }));
