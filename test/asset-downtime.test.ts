// Stops of assets (issue 25): worked examples of availability, MTBF and MTTR from downtime, and the
// stop's life through HTTP: "Registrar parada" on an order or a request, the order's completion ending
// it, "Registrar arranque", refusals that write nothing, the change history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { reliabilityFiguresBy, assetReliability } from '../domain/health/reliability-figures.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let operator: Person;
let consultant: Person;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Oscar Operador');
  consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
});
afterAll(() => office?.close());

const at = (iso: string) => new Date(iso);
const period = { from: at('2026-11-01T00:00:00Z'), to: at('2026-12-01T00:00:00Z') }; // 30 days: 720 h

describe('availability, MTBF and MTTR from downtime (worked examples)', () => {
  it('one pump in November: two failures (4 h and 8 h to repair) and a 12 h planned stop', async () => {
    const category = await make.aCategory(prisma, 'Bombas centrífugas');
    const location = await make.aLocation(prisma, { name: 'Sala de bombas' });
    const pump = await make.anAsset(prisma, { categoryId: category.id, locationId: location.id, description: 'Bomba de alimentación 1' });
    const twin = await make.anAsset(prisma, { categoryId: category.id, locationId: location.id, description: 'Bomba de alimentación 2' });
    const failure = async (opened: string, stopped: [string, string]) => {
      const order = await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: pump.id, plannedOn: at(opened), description: 'Falla', createdAt: at(opened) } });
      await prisma.downtimeEvent.create({ data: { assetId: pump.id, startedAt: at(stopped[0]), endedAt: at(stopped[1]), workOrderId: order.id } });
    };
    await failure('2026-11-02T08:00:00Z', ['2026-11-02T08:00:00Z', '2026-11-02T12:00:00Z']); // 4 h
    await failure('2026-11-10T00:00:00Z', ['2026-11-10T00:00:00Z', '2026-11-10T08:00:00Z']); // 8 h
    await prisma.downtimeEvent.create({ data: { assetId: pump.id, startedAt: at('2026-11-20T00:00:00Z'), endedAt: at('2026-11-20T12:00:00Z'), planned: true, reason: 'PREVENTIVE' } });
    // A preventive order opened in the month, and one cancelled corrective that is no failure.
    const schedule = await make.aSchedule(prisma, pump.id);
    await prisma.workOrder.create({ data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: pump.id, plannedOn: at('2026-11-20'), description: 'PM', createdAt: at('2026-11-15T00:00:00Z') } });
    await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: pump.id, plannedOn: at('2026-11-25'), description: 'Anulada', state: 'CANCELLED', createdAt: at('2026-11-25T00:00:00Z') } });

    // Down 4 + 8 + 12 = 24 h of 720: availability 696 / 720 = 96.67 %; MTBF = 696 h / 2 failures = 348 h;
    // MTTR = (4 + 8) / 2 = 6 h (the planned stop is no repair).
    const [figures] = await reliabilityFiguresBy(prisma, 'asset', period, { assetIds: [pump.id] });
    expect(figures).toMatchObject({ id: pump.id, periodHours: 720, downtimeHours: 24, unplannedDowntimeHours: 12, failures: 2, mtbfHours: 348, mttrHours: 6 });
    expect(figures!.availability).toBeCloseTo(696 / 720, 10);

    // The category (two pumps): 1 440 h, 24 down: availability 1 416 / 1 440 = 98.33 %, MTBF 1 416 / 2 = 708 h.
    const [byCategory] = await reliabilityFiguresBy(prisma, 'category', period, { assetIds: [pump.id, twin.id] });
    expect(byCategory).toMatchObject({ id: category.id, periodHours: 1440, downtimeHours: 24, failures: 2, mtbfHours: 708, mttrHours: 6 });
    expect(byCategory!.availability).toBeCloseTo(1416 / 1440, 10);
    const [byLocation] = await reliabilityFiguresBy(prisma, 'location', period, { assetIds: [pump.id, twin.id] });
    expect(byLocation).toMatchObject({ id: location.id, periodHours: 1440, downtimeHours: 24 });

    const page = await assetReliability(prisma, pump.id, period);
    expect(page).toMatchObject({ preventiveOrders: 1, correctiveOrders: 2, failures: 2 });
    expect(page.preventiveShare).toBeCloseTo(1 / 3, 10);
  });

  it('overlapping stops count once, a stop open at the period\'s end counts to the end, one begun before it from the start', async () => {
    const asset = await make.anAsset(prisma);
    await prisma.downtimeEvent.createMany({
      data: [
        { assetId: asset.id, startedAt: at('2026-10-31T20:00:00Z'), endedAt: at('2026-11-01T02:00:00Z') }, // 2 h inside
        { assetId: asset.id, startedAt: at('2026-11-05T00:00:00Z'), endedAt: at('2026-11-05T10:00:00Z') },
        { assetId: asset.id, startedAt: at('2026-11-05T05:00:00Z'), endedAt: at('2026-11-05T15:00:00Z') }, // overlaps: 15 h together
        { assetId: asset.id, startedAt: at('2026-11-30T18:00:00Z') }, // still stopped: 6 h to the end
      ],
    });
    const [figures] = await reliabilityFiguresBy(prisma, 'asset', period, { assetIds: [asset.id] });
    expect(figures).toMatchObject({ downtimeHours: 23, unplannedDowntimeHours: 23, failures: 3, mtbfHours: (720 - 23) / 3 });
    // Repairs that ended in the period: 6 h (begun in October), 10 h and 10 h.
    expect(figures!.mttrHours).toBeCloseTo((6 + 10 + 10) / 3, 10);
  });
});

type Answer = { notice?: { message: string; type: string }; record?: { errors: Record<string, { message: string }> } };
const act = (person: Person, resource: string, id: number, action: string) =>
  person.client.json<Answer>(`/admin/api/resources/${resource}/records/${id}/${action}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });

describe('"Registrar parada" and its end', () => {
  it('from a corrective order: the asset stops now, a second click is told it already is, and completing the order ends the stop', async () => {
    const order = await make.aWorkOrder(prisma);
    const before = Date.now();
    const answer = await act(supervisor, 'WorkOrder', order.id, 'recordDowntime');
    expect(answer.status).toBe(200);
    expect(answer.body.notice).toEqual({ message: 'downtimeRecorded', type: 'success' });
    const [stop] = await prisma.downtimeEvent.findMany({ where: { assetId: order.assetId } });
    expect(stop).toMatchObject({ workOrderId: order.id, planned: false, reason: 'FAILURE', endedAt: null });
    expect(stop!.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const [entry] = await prisma.changeHistory.findMany({ where: { tableName: 'downtime_events', recordId: stop!.id, action: 'INSERT' } });
    expect(entry).toMatchObject({ actorUserId: supervisor.userId });

    const again = await act(supervisor, 'WorkOrder', order.id, 'recordDowntime');
    expect(again.body.notice?.type).toBe('error');
    expect(again.body.record?.errors.state?.message).toMatch(/ya consta detenido/);
    expect(await prisma.downtimeEvent.count({ where: { assetId: order.assetId } })).toBe(1);

    const completedAt = new Date(Date.now() + 3_600_000);
    await prisma.workOrder.update({ where: { id: order.id }, data: { state: 'COMPLETED', completedAt } });
    expect(await prisma.downtimeEvent.findUniqueOrThrow({ where: { id: stop!.id } })).toMatchObject({ endedAt: completedAt });
  });

  it('from a work request: the stop follows the request into its order, which ends it', async () => {
    const asset = await make.anAsset(prisma);
    const request = await prisma.workRequest.create({ data: { reportedById: operator.userId, assetId: asset.id, description: 'La bomba se paró' } });
    expect((await act(operator, 'WorkRequest', request.id, 'recordDowntime')).body.notice?.type).toBe('success');
    const converted = await supervisor.client.json<{ redirectUrl: string }>(`/admin/api/resources/WorkRequest/records/${request.id}/convert`, { method: 'POST' });
    expect(converted.status).toBe(200);
    const order = await prisma.workOrder.findUniqueOrThrow({ where: { workRequestId: request.id } });
    const stop = await prisma.downtimeEvent.findFirstOrThrow({ where: { workRequestId: request.id } });
    expect(stop.workOrderId).toBe(order.id);
    await prisma.workOrder.update({ where: { id: order.id }, data: { state: 'COMPLETED', completedAt: new Date() } });
    expect((await prisma.downtimeEvent.findUniqueOrThrow({ where: { id: stop.id } })).endedAt).not.toBeNull();
  });

  it('"Registrar arranque" ends a stop by hand once; a consultant may do neither and nothing is written', async () => {
    const asset = await make.anAsset(prisma);
    const stop = await prisma.downtimeEvent.create({ data: { assetId: asset.id, startedAt: new Date(Date.now() - 7_200_000) } });
    const order = await make.aWorkOrder(prisma);
    expect((await act(consultant, 'WorkOrder', order.id, 'recordDowntime')).status).toBe(403);
    expect((await act(consultant, 'DowntimeEvent', stop.id, 'endDowntime')).status).toBe(403);
    expect(await prisma.downtimeEvent.count({ where: { assetId: order.assetId } })).toBe(0);

    expect((await act(supervisor, 'DowntimeEvent', stop.id, 'endDowntime')).body.notice).toEqual({ message: 'downtimeEnded', type: 'success' });
    expect((await prisma.downtimeEvent.findUniqueOrThrow({ where: { id: stop.id } })).endedAt).not.toBeNull();
    const again = await act(supervisor, 'DowntimeEvent', stop.id, 'endDowntime');
    expect(again.body.record?.errors.endedAt?.message).toMatch(/ya terminó/);
    // A stop's end before its start is refused by the database, next to the field.
    const form = new FormData();
    form.set('endedAt', '2000-01-01T00:00:00.000Z');
    const edited = await supervisor.client.json<Answer>(`/admin/api/resources/DowntimeEvent/records/${stop.id}/edit`, { method: 'POST', body: form });
    expect(Object.keys(edited.body.record?.errors ?? {}).length).toBeGreaterThan(0);
  });
});
