// The technician's day and completing an order with his report, over HTTP on a real database: what his
// landing page lists (his own and shared open orders, names not ids, in order), what completing refuses
// field by field (writing nothing), what the supervisor's closeout then starts from, and the workload
// the supervisor sees beside "Asignar".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../domain/dates.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import type { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let technician: Person;
let supervisor: Person;
let colleagueId: number;
let today: Date;
let codes: Record<'leak' | 'seal' | 'replace' | 'noise', number>;

const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000);

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  today = todayIn(office.config.timeZone);
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  colleagueId = (await make.aTechnician(prisma)).id;
  const leak = await prisma.failureCode.create({ data: { code: 'FUGA', name: 'Fuga', kind: 'PROBLEM' } });
  const noise = await prisma.failureCode.create({ data: { code: 'RUIDO', name: 'Ruido', kind: 'PROBLEM' } });
  const seal = await prisma.failureCode.create({ data: { code: 'SELLO', name: 'Sello dañado', kind: 'CAUSE', parentId: leak.id } });
  const replace = await prisma.failureCode.create({ data: { code: 'CAMBIO', name: 'Cambio de sello', kind: 'REMEDY', parentId: seal.id } });
  codes = { leak: leak.id, seal: seal.id, replace: replace.id, noise: noise.id };
});
afterAll(() => office?.close());

async function anOrder(data: { technicianId?: number; state?: string; plannedOn?: Date; priority?: string; description: string; kind?: string }) {
  const location = await make.aLocation(prisma, { name: `Sala de bombas ${data.description}` });
  const asset = await make.anAsset(prisma, { locationId: location.id, description: `Bomba ${data.description}` });
  return prisma.workOrder.create({
    data: {
      kind: data.kind ?? 'CORRECTIVE', assetId: asset.id, technicianId: data.technicianId ?? technician.technicianId, state: data.state ?? 'ASSIGNED',
      plannedOn: data.plannedOn ?? today, priority: data.priority ?? 'MEDIUM', description: data.description,
    },
    include: { asset: true },
  });
}

type Card = { id: number; number: string; description: string; asset: string; location: string; priorityLabel: string; stateLabel: string; plannedOn: string };
const myDay = async (client: HttpClient, language = 'es') => {
  const answer = await client.json<{ myDay: { today: string; orders: Card[] } | null }>(`/admin/api/dashboard?language=${language}`);
  expect(answer.status).toBe(200);
  return answer.body.myDay;
};
const post = (client: HttpClient, id: number, action: string, body: unknown) =>
  client.json<{ notice?: { message: string; type: string }; record?: { errors?: Record<string, { message: string }> } }>(
    `/admin/api/resources/WorkOrder/records/${id}/${action}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );

describe('"Mis órdenes de hoy"', () => {
  it("lists his own and shared open orders up to today, by date then urgency, with names and Spanish values", async () => {
    const overdue = await anOrder({ description: 'atrasada', plannedOn: day(-2), priority: 'LOW' });
    const low = await anOrder({ description: 'de hoy baja', priority: 'LOW' });
    const urgent = await anOrder({ description: 'de hoy urgente', priority: 'URGENT', state: 'IN_PROGRESS' });
    const shared = await anOrder({ description: 'compartida', technicianId: colleagueId, priority: 'HIGH' });
    await prisma.workOrderShare.create({ data: { workOrderId: shared.id, technicianId: technician.technicianId! } });
    // Not his day: a colleague's, tomorrow's, a completed and a cancelled one.
    await anOrder({ description: 'del colega', technicianId: colleagueId });
    await anOrder({ description: 'de mañana', plannedOn: day(1) });
    await anOrder({ description: 'completada', state: 'COMPLETED' });
    await anOrder({ description: 'cancelada', state: 'CANCELLED' });

    const listed = (await myDay(technician.client))!;
    expect(listed.today).toBe(today.toISOString().slice(0, 10));
    expect(listed.orders.map((o) => o.description)).toEqual(['atrasada', 'de hoy urgente', 'compartida', 'de hoy baja']);
    const card = listed.orders[1]!;
    expect(card).toMatchObject({
      id: urgent.id, number: urgent.number, asset: `${urgent.asset.code} · Bomba de hoy urgente`, location: 'Sala de bombas de hoy urgente',
      priorityLabel: 'Urgente', stateLabel: 'En ejecución',
    });
    expect(listed.orders[0]).toMatchObject({ id: overdue.id, priorityLabel: 'Baja', stateLabel: 'Asignada' });
    expect(listed.orders[3]!.id).toBe(low.id);
    expect((await myDay(technician.client, 'en'))!.orders[1]).toMatchObject({ priorityLabel: 'Urgent', stateLabel: 'In progress' });
  });

  it('is not shown to a supervisor, who is no technician', async () => {
    expect(await myDay(supervisor.client)).toBeNull();
  });
});

describe('completing an order with his report', () => {
  it('refuses every missing or wrong field at once, beside it, and writes nothing', async () => {
    const order = await anOrder({ description: 'fuga', state: 'IN_PROGRESS' });
    const refused = await post(technician.client, order.id, 'complete', {
      laborHours: 'dos', problemId: String(codes.noise), causeId: String(codes.seal), remedyId: '',
      materials: [{ description: '', quantity: '-1', unit: 'kg' }],
    });
    expect(refused.status).toBe(200);
    expect(refused.body.notice).toMatchObject({ message: 'completionRefused', type: 'error' });
    const errors = Object.fromEntries(Object.entries(refused.body.record!.errors!).map(([field, e]) => [field, e.message]));
    expect(errors).toEqual({
      laborHours: 'Horas de mano de obra: indique un número mayor que cero (recibido: «dos»).',
      causeId: 'Causa: SELLO no es una causa del problema elegido.',
      remedyId: expect.stringContaining('Solución'),
      'materials.0.description': 'Material 1: falta la descripción.',
      'materials.0.quantity': 'Material 1: la cantidad debe ser un número mayor que cero (recibido: «-1»).',
    });
    const after = await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id }, include: { completion: true } });
    expect([after.state, after.completion, after.completedAt]).toEqual(['IN_PROGRESS', null, null]);
  });

  it("is refused on an order not in progress and on a colleague's order", async () => {
    const assigned = await anOrder({ description: 'sin iniciar' });
    expect((await post(technician.client, assigned.id, 'complete', { laborHours: '1' })).body.notice?.message).toBe('transitionRefused');
    const theirs = await anOrder({ description: 'ajena', technicianId: colleagueId, state: 'IN_PROGRESS' });
    expect((await post(technician.client, theirs.id, 'complete', { laborHours: '1' })).status).toBe(404);
    expect(await prisma.workOrderCompletion.count({ where: { workOrderId: { in: [assigned.id, theirs.id] } } })).toBe(0);
  });

  it('is refused without the CSRF token, and nothing changes', async () => {
    const order = await anOrder({ description: 'sin token', state: 'IN_PROGRESS' });
    const answer = await technician.client.request(`/admin/api/resources/WorkOrder/records/${order.id}/complete`, {
      method: 'POST', csrf: false, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ laborHours: '1' }),
    });
    expect(answer.status).toBe(403);
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id }, include: { completion: true } })).completion).toBeNull();
  });

  it('is not done by GET: the form answers and nothing changes', async () => {
    const order = await anOrder({ description: 'por GET', state: 'IN_PROGRESS' });
    const read = await technician.client.json<{ form: { kind: string; failureCodes: unknown[] } }>(`/admin/api/resources/WorkOrder/records/${order.id}/complete?laborHours=1`);
    expect(read.status).toBe(200);
    expect(read.body.form.kind).toBe('CORRECTIVE');
    expect(read.body.form.failureCodes.length).toBe(4);
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('IN_PROGRESS');
  });

  it('stores the report, recorded as his, and the supervisor\'s closeout starts from it', async () => {
    const order = await anOrder({ description: 'con informe', state: 'IN_PROGRESS' });
    const done = await post(technician.client, order.id, 'complete', {
      laborHours: '2,5', problemId: String(codes.leak), causeId: String(codes.seal), remedyId: String(codes.replace),
      observations: 'Sello cambiado, sin fugas.', materials: [{ description: 'Sello mecánico 35 mm', quantity: '1', unit: 'pza' }],
    });
    expect(done.body.notice).toEqual({ message: 'workOrderMoved_complete', type: 'success' });
    const stored = await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id }, include: { completion: true } });
    expect(stored.state).toBe('COMPLETED');
    expect(stored.completedAt).toBeInstanceOf(Date);
    expect([Number(stored.completion!.laborHours), stored.completion!.reportedById]).toEqual([2.5, technician.userId]);
    const { rows } = await office.database.pool.query(
      `SELECT actor_label FROM change_history_entries WHERE table_name = 'work_order_completions' AND record_id = $1`, [String(stored.completion!.id)],
    );
    expect(rows.map((r) => r.actor_label)).toEqual([`user:${technician.email}`]);

    const closeout = await supervisor.client.json<{ form: { report: Record<string, unknown> } }>(`/admin/api/resources/WorkOrder/records/${order.id}/close`);
    expect(closeout.body.form.report).toEqual({
      laborHours: '2.5', problemId: String(codes.leak), causeId: String(codes.seal), remedyId: String(codes.replace),
      observations: 'Sello cambiado, sin fugas.', materials: [{ description: 'Sello mecánico 35 mm', quantity: '1', unit: 'pza' }],
    });
    // Closing with what was pre-filled writes the closure and the materials once.
    const closed = await post(supervisor.client, order.id, 'close', { ...closeout.body.form.report, steps: [] });
    expect(closed.body.notice).toEqual({ message: 'workOrderClosed', type: 'success' });
    const materials = await prisma.workOrderMaterial.findMany({ where: { workOrderId: order.id } });
    expect(materials.map((m) => [m.description, Number(m.quantity), m.unit])).toEqual([['Sello mecánico 35 mm', 1, 'pza']]);
  });
});

describe('the workload beside "Asignar"', () => {
  it('shows each active technician his open orders and planned hours', async () => {
    const busy = await make.aTechnician(prisma);
    const routine = await make.aRoutine(prisma);
    await prisma.routine.update({ where: { id: routine.id }, data: { estimatedHours: 3.5 } });
    const schedule = await prisma.maintenanceSchedule.create({ data: { routineId: routine.id, assetId: (await make.anAsset(prisma)).id, startsOn: new Date('2026-01-01') } });
    await prisma.workOrder.create({ data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: schedule.assetId, technicianId: busy.id, state: 'ASSIGNED', plannedOn: today, description: 'Lubricar' } });
    await anOrder({ description: 'correctiva abierta', technicianId: busy.id, state: 'ON_HOLD' });
    await anOrder({ description: 'ya cerrada', technicianId: busy.id, state: 'CLOSED' });
    const pending = await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: schedule.assetId, plannedOn: today, description: 'Sin asignar' } });

    const form = await supervisor.client.json<{ form: { technicians: { id: number; name: string; openOrders: number; openHours: number }[] } }>(
      `/admin/api/resources/WorkOrder/records/${pending.id}/assign`,
    );
    const row = form.body.form.technicians.find((t) => t.id === busy.id)!;
    expect([row.openOrders, row.openHours]).toEqual([2, 3.5]);
    expect(row.name).toMatch(/^Técnico \d+$/);
    const idle = await make.aTechnician(prisma);
    const again = await supervisor.client.json<{ form: { technicians: { id: number; openOrders: number; openHours: number }[] } }>(`/admin/api/resources/WorkOrder/records/${pending.id}/assign`);
    expect(again.body.form.technicians.find((t) => t.id === idle.id)).toMatchObject({ openOrders: 0, openHours: 0 });
  });
});
