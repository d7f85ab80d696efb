// Condition-based corrective work: a reading outside its point's limits opens a work request, once per
// excursion, whatever path wrote the reading (a form, an import batch, SQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
});
afterAll(() => office?.close());

let n = 0;
async function aPoint(limits: { min?: number; max?: number } = { min: 20, max: 80 }) {
  const asset = await make.anAsset(prisma);
  return prisma.measurementPoint.create({
    data: { code: `TEMP-${++n}`, assetId: asset.id, variable: 'Temperatura', unit: '°C', minValue: limits.min ?? null, maxValue: limits.max ?? null },
  });
}
const hour = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
const read = (measurementPointId: number, h: number, value: number) => prisma.reading.create({ data: { measurementPointId, takenAt: hour(h), value } });
const requestsOf = (measurementPointId: number) => prisma.workRequest.findMany({ where: { measurementPointId }, orderBy: { id: 'asc' } });

describe('readings outside the limits', () => {
  it('open one request when an excursion begins, none while it lasts, and another for the next excursion', async () => {
    const point = await aPoint();
    await read(point.id, 1, 50);
    expect(await requestsOf(point.id)).toHaveLength(0);
    await read(point.id, 2, 85);
    await read(point.id, 3, 90);
    await read(point.id, 4, 88);
    expect(await requestsOf(point.id)).toHaveLength(1);
    expect((await prisma.measurementPoint.findUniqueOrThrow({ where: { id: point.id } })).excursionSince).toEqual(hour(2));
    await read(point.id, 5, 60);
    expect((await prisma.measurementPoint.findUniqueOrThrow({ where: { id: point.id } })).excursionSince).toBeNull();
    await read(point.id, 6, 15);
    expect(await requestsOf(point.id)).toHaveLength(2);
  });

  it('a batch of readings in one statement counts its excursions in time order', async () => {
    const point = await aPoint();
    // Written out of order on purpose: 10h 50 (in), 11h 85 (out: 1st), 12h 90, 13h 70 (in), 14h 10 (out: 2nd), 15h 5
    await prisma.reading.createMany({
      data: [[14, 10], [11, 85], [15, 5], [10, 50], [13, 70], [12, 90]].map(([h, value]) => ({ measurementPointId: point.id, takenAt: hour(h!), value: value! })),
    });
    const requests = await requestsOf(point.id);
    expect(requests.map((r) => r.description)).toEqual([
      `Lectura fuera de límites en ${point.code} (Temperatura): 85 °C el 20/11/2026 11:00 UTC; límites 20 a 80 °C.`,
      `Lectura fuera de límites en ${point.code} (Temperatura): 10 °C el 20/11/2026 14:00 UTC; límites 20 a 80 °C.`,
    ]);
  });

  it('the request is the plant\'s own: on the point\'s asset, from condition monitoring, urgent enough for a critical asset', async () => {
    const point = await aPoint({ max: 100 });
    await prisma.asset.update({ where: { id: point.assetId }, data: { criticality: 'A' } });
    await read(point.id, 8, 120.5);
    const [request] = await requestsOf(point.id);
    expect(request).toMatchObject({ assetId: point.assetId, source: 'CONDITION', state: 'OPEN', priority: 'HIGH', reportedById: null });
    expect(request!.description).toContain('120.5 °C');
  });

  it('back-filled readings older than the newest one judged open nothing', async () => {
    const point = await aPoint();
    await read(point.id, 20, 50);
    await read(point.id, 9, 99);
    expect(await requestsOf(point.id)).toHaveLength(0);
  });

  it('a point without limits never opens requests', async () => {
    const point = await aPoint({});
    await read(point.id, 1, -1000);
    await read(point.id, 2, 1e6);
    expect(await requestsOf(point.id)).toHaveLength(0);
  });

  it('a technician entering a reading through the back office opens the request, recorded in the history under his name', async () => {
    const technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
    const point = await aPoint();
    const form = new FormData();
    form.set('measurementPoint', String(point.id));
    form.set('takenAt', hour(7).toISOString());
    form.set('value', '81');
    const created = await technician.client.request('/admin/api/resources/Reading/actions/new', { method: 'POST', body: form });
    expect(created.status, await created.clone().text()).toBe(200);
    const [request] = await requestsOf(point.id);
    expect(request).toBeDefined();
    const { rows } = await office.database.pool.query(`SELECT actor_user_id FROM change_history WHERE table_name = 'work_requests' AND record_id = $1`, [String(request!.id)]);
    expect(rows).toEqual([{ actor_user_id: technician.userId }]);
  });
});
