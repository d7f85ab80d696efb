// The 06:00 health assessment (issue 25) on a small plant with a known history: the category's failure
// model and "too little data", each asset's 30-day risk and health score with reasons, a drifting reading
// predicted to cross its limit raising one work request and one notification, once per plant day and
// once per prediction; then what people see: the asset's health panel and "Activos en riesgo".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { assessAssetHealth } from '../domain/health/assess-asset-health.js';
import { failureProbability } from '../domain/reliability/weibull.js';
import { seededRandom, simulateFleet } from '../domain/reliability/synthetic.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

const TIME_ZONE = 'America/Tegucigalpa'; // UTC−6, no daylight saving
const DAY = 86_400_000;
const NOW = new Date('2027-03-10T12:00:00Z'); // 06:00 in the plant, 10 March

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let technician: Person;
const ids = {} as { compressors: number; transformers: number; critical: number; point: number; lonely: number };

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tito Técnico', { technician: true });

  // Twelve compressors whose failures follow a Weibull law (shape 2, scale 60 days) over two years.
  const compressors = await make.aCategory(prisma, 'Compresores de aire');
  const location = await make.aLocation(prisma, { name: 'Casa de compresores' });
  const fleet = simulateFleet(seededRandom(42), { assets: 12, days: 730, shape: 2, scale: 60 });
  const start = NOW.getTime() - 730 * DAY;
  const assets = [];
  for (const [index, simulated] of fleet.entries()) {
    const asset = await make.anAsset(prisma, { categoryId: compressors.id, locationId: location.id, description: `Compresor ${index + 1}` });
    assets.push(asset);
    await prisma.workOrder.createMany({
      data: simulated.failures.map((day) => ({
        kind: 'CORRECTIVE', assetId: asset.id, state: 'CLOSED', description: 'Falla', plannedOn: new Date(start + day * DAY), createdAt: new Date(start + day * DAY),
      })),
    });
  }
  const critical = assets[0]!;
  await prisma.asset.update({ where: { id: critical.id }, data: { criticality: 'A', responsibleUserId: supervisor.userId } });
  // Its vibration rises 0.1 mm/s a day from 5: 8.9 yesterday, the 10 mm/s limit in ten days.
  const point = await prisma.measurementPoint.create({ data: { code: 'VIB-C1', assetId: critical.id, variable: 'Vibración', unit: 'mm/s', minValue: 0, maxValue: 10 } });
  await prisma.reading.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({ measurementPointId: point.id, takenAt: new Date(NOW.getTime() - (40 - i) * DAY), value: 5 + 0.1 * i })),
  });
  // A transformer with two failures in a category of its own: too little data for a model.
  const transformers = await make.aCategory(prisma, 'Transformadores');
  const lonely = await make.anAsset(prisma, { categoryId: transformers.id, description: 'Transformador T1' });
  for (const daysAgo of [300, 100])
    await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: lonely.id, state: 'CLOSED', description: 'Falla', plannedOn: new Date(NOW.getTime() - daysAgo * DAY), createdAt: new Date(NOW.getTime() - daysAgo * DAY) } });
  Object.assign(ids, { compressors: compressors.id, transformers: transformers.id, critical: critical.id, point: point.id, lonely: lonely.id });
});
afterAll(() => office?.close());

const trendRequests = () => prisma.workRequest.findMany({ where: { source: 'TREND' } });

describe('the daily assessment', () => {
  it('fits the category, says "too little data" where it must, scores every asset and raises one request for the drifting point', async () => {
    const outcome = await assessAssetHealth(prisma, { timeZone: TIME_ZONE, now: NOW });
    expect(outcome).toMatchObject({ day: '2027-03-10', skipped: false, categoriesFitted: 1, requestsRaised: 1 });

    const model = await prisma.categoryReliability.findUniqueOrThrow({ where: { categoryId: ids.compressors } });
    expect(model.state).toBe('FITTED');
    // Twelve assets are a small fleet: the model is in the neighbourhood of the truth (the tolerances of a
    // plant-sized fleet are checked in test/reliability-model.test.ts).
    expect(Number(model.shape)).toBeGreaterThan(1.3);
    expect(Number(model.shape)).toBeLessThan(3);
    expect(Number(model.scaleDays)).toBeGreaterThan(45);
    expect(Number(model.scaleDays)).toBeLessThan(80);
    expect(await prisma.categoryReliability.findUniqueOrThrow({ where: { categoryId: ids.transformers } })).toMatchObject({ state: 'TOO_LITTLE_DATA', failures: 1, shape: null });

    // The risk is the model's conditional probability at the asset's age since its last failure.
    const health = await prisma.assetHealth.findUniqueOrThrow({ where: { assetId: ids.critical } });
    expect(health.riskState).toBe('ESTIMATED');
    const expected = failureProbability({ shape: Number(model.shape), scale: Number(model.scaleDays) }, Number(health.daysSinceFailure), 30);
    expect(Number(health.failureProbability)).toBeCloseTo(expected, 2);
    expect(health.predictedCrossings).toBe(1);
    const keys = (health.reasons as { key: string }[]).map((r) => r.key);
    expect(keys).toContain('healthReason_predictedCrossings');
    expect(keys).toContain('healthReason_criticality');
    expect(health.score).toBeLessThan(100);
    expect(await prisma.assetHealth.findUniqueOrThrow({ where: { assetId: ids.lonely } })).toMatchObject({ riskState: 'TOO_LITTLE_DATA', failureProbability: null });
    expect(await prisma.assetHealth.count()).toBe(await prisma.asset.count());

    const trend = await prisma.pointTrend.findUniqueOrThrow({ where: { measurementPointId: ids.point } });
    expect(trend).toMatchObject({ state: 'CROSSING', limitSide: 'MAX', readings: 40 });
    // The line reaches 10 mm/s at i = 50 (5 + 0.1·i at NOW − (40 − i) days): ten days from now.
    const trueCrossing = NOW.getTime() + 10 * DAY;
    expect(Math.abs(trend.predictedCrossingAt!.getTime() - trueCrossing)).toBeLessThan(0.5 * DAY);
    expect(trend.earliestCrossingAt!.getTime()).toBeLessThanOrEqual(trend.predictedCrossingAt!.getTime());

    const [request] = await trendRequests();
    expect(request).toMatchObject({ assetId: ids.critical, measurementPointId: ids.point, priority: 'HIGH', state: 'OPEN', reportedById: null });
    expect(request!.description).toMatch(/^Tendencia de VIB-C1 \(Vibración\): cruzará su límite máximo de 10 mm\/s hacia el 20\/03\/2027/);
    expect(trend.workRequestId).toBe(request!.id);
    const told = await prisma.notification.findMany({ where: { eventKey: `reading-trend-crossing:${request!.id}` } });
    expect(told.map((n) => n.userId)).toEqual([supervisor.userId]);
    // Written by the job: the request is in the history with the job as its author.
    expect(await prisma.changeHistory.count({ where: { tableName: 'work_requests', recordId: request!.id, action: 'INSERT' } })).toBe(1);
  });

  it('runs once per plant day: later the same day (even past midnight UTC) it does nothing; forced, it raises nothing twice', async () => {
    const again = await assessAssetHealth(prisma, { timeZone: TIME_ZONE, now: new Date('2027-03-11T05:30:00Z') }); // 23:30 of the 10th in the plant
    expect(again).toMatchObject({ day: '2027-03-10', skipped: true });
    const forced = await assessAssetHealth(prisma, { timeZone: TIME_ZONE, now: new Date('2027-03-10T18:00:00Z'), force: true });
    expect(forced).toMatchObject({ skipped: false, requestsRaised: 0 });
    const nextDay = await assessAssetHealth(prisma, { timeZone: TIME_ZONE, now: new Date('2027-03-11T06:30:00Z') }); // 00:30 of the 11th
    expect(nextDay).toMatchObject({ day: '2027-03-11', skipped: false, requestsRaised: 0 });
    expect(await trendRequests()).toHaveLength(1);
    expect((await prisma.healthAssessment.findMany({ orderBy: { day: 'asc' } })).map((a) => a.day.toISOString().slice(0, 10))).toEqual(['2027-03-10', '2027-03-11']);
  });

  it('a point that stops heading over its limit lets its request go: a later prediction raises a new one', async () => {
    // Flat readings for a month after the drift: the line no longer reaches the limit within 30 days.
    const base = new Date('2027-03-11T12:00:00Z').getTime();
    await prisma.reading.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ measurementPointId: ids.point, takenAt: new Date(base + i * DAY), value: 6 })) });
    const calm = await assessAssetHealth(prisma, { timeZone: TIME_ZONE, now: new Date(base + 30 * DAY) });
    expect(calm.requestsRaised).toBe(0);
    expect(await prisma.pointTrend.findUniqueOrThrow({ where: { measurementPointId: ids.point } })).toMatchObject({ workRequestId: null });
    expect((await prisma.pointTrend.findUniqueOrThrow({ where: { measurementPointId: ids.point } })).state).not.toBe('CROSSING');
    // Months later it climbs again (the flat month has left the 90-day window): a new prediction, a new request.
    const climb = base + 100 * DAY;
    await prisma.reading.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ measurementPointId: ids.point, takenAt: new Date(climb + i * DAY), value: 6 + 0.1 * i })) });
    const rising = await assessAssetHealth(prisma, { timeZone: TIME_ZONE, now: new Date(climb + 30 * DAY) });
    expect(rising.requestsRaised).toBe(1);
    expect(await trendRequests()).toHaveLength(2);
  });
});

describe('what people see', () => {
  it('the asset page: score, reasons, readings with limits and the trend; figures for the supervisor, not for a technician', async () => {
    const panel = await supervisor.client.json<{ health: { score: number; reasons: unknown[] }; figures: { failures: number } | null; points: { code: string; max: number; readings: unknown[]; trend: { state: string } }[] }>(
      `/admin/health/assets/${ids.critical}`,
    );
    expect(panel.status).toBe(200);
    expect(panel.body.health.score).toBeLessThan(100);
    expect(panel.body.health.reasons.length).toBeGreaterThan(0);
    expect(panel.body.figures).not.toBeNull();
    expect(panel.body.points[0]).toMatchObject({ code: 'VIB-C1', max: 10 });
    expect(panel.body.points[0]!.trend).not.toBeNull();
    const seenByTechnician = await technician.client.json<{ figures: unknown; points: unknown[] }>(`/admin/health/assets/${ids.critical}`);
    expect(seenByTechnician.status).toBe(200);
    expect(seenByTechnician.body.figures).toBeNull();
    expect((await supervisor.client.request('/admin/health/assets/abc')).status).toBe(400);
    expect((await supervisor.client.request('/admin/health/assets/999999')).status).toBe(404);
  });

  it('"Activos en riesgo" lists the least healthy first, read-only', async () => {
    const list = await supervisor.client.json<{ records: { params: { score: number } }[] }>('/admin/api/resources/AssetHealth/actions/list?sortBy=score&direction=asc');
    expect(list.status).toBe(200);
    const scores = list.body.records.map((r) => Number(r.params.score));
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect((await supervisor.client.request('/admin/api/resources/AssetHealth/actions/new', { method: 'POST', body: new FormData() })).status).toBe(403);
  });
});
