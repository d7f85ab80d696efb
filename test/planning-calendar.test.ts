// The supervisor's planning calendar over HTTP on a real database: the week and month of orders by
// technician or by location, overdue ones marked, each technician's workload, read under each person's
// rules and sites; and moving an order to another day or technician (POST with the CSRF token, the same
// rules as "Asignar" and the edit form, refusals that write nothing, the move in the change history).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../domain/dates.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let northSupervisor: Person; // scoped to Planta Norte
let technician: Person; // Tomás, Mecánico, serves the whole plant
let consultant: Person;
let operator: Person;
let electrician: { id: number }; // Elena, Electricista, serves the whole plant
let southTechnician: { id: number }; // Sergio, scoped to Planta Sur
let today: Date;
const places = {} as Record<'north' | 'boilers' | 'pumps' | 'south' | 'boilerAsset' | 'pumpAsset' | 'southAsset', number>;

const iso = (day: Date) => day.toISOString().slice(0, 10);
const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000);
type Order = { id: number; number: string; row: string; overdue: boolean; movable: boolean; asset: string; technician: string | null; stateLabel: string; priorityLabel: string; plannedOn: string };
type Row = { key: string; label: string; detail: string | null; technicianId: number | null; workload: { openOrders: number; openHours: number } | null; assignable: boolean };
type Calendar = {
  from: string; to: string; today: string; days: string[]; rows: Row[]; orders: Order[]; dayCounts: Record<string, number>;
  backlog: { total: number; orders: Order[] }; canReschedule: boolean; canReassign: boolean;
  choices: { technicians: { id: number; name: string; assignable: boolean }[]; locations: { id: number; name: string }[] };
};
type Answer = { error?: string; message: string; workOrder?: { id: number; plannedOn: string; technicianId: number | null; state: string } };

const calendar = async (person: Person, query: string) => person.client.json<Calendar>(`/admin/calendar/orders?${query}`);
const move = (person: Person, body: unknown, init: { csrf?: boolean } = {}) =>
  person.client.json<Answer>('/admin/calendar/move', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...init });
const history = (id: number) => prisma.changeHistory.findMany({ where: { tableName: 'work_orders', recordId: id }, orderBy: { id: 'asc' } });

async function anOrder(data: { assetId?: number; plannedOn: Date; state?: string; technicianId?: number | null; description?: string; priority?: string; scheduleId?: number; kind?: string }) {
  return prisma.workOrder.create({
    data: {
      kind: data.kind ?? 'CORRECTIVE', assetId: data.assetId ?? places.boilerAsset, plannedOn: data.plannedOn, state: data.state ?? (data.technicianId ? 'ASSIGNED' : 'PENDING'),
      technicianId: data.technicianId ?? null, description: data.description ?? 'Orden del calendario', priority: data.priority ?? 'MEDIUM', scheduleId: data.scheduleId,
    },
  });
}

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  today = todayIn(office.config.timeZone);
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora Calendario');
  northSupervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Nora Supervisora Norte');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico Calendario', { technician: true });
  consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora Calendario');
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Óscar Operador Calendario');
  electrician = await prisma.technician.create({ data: { userId: (await make.aUser(prisma, 'Elena Eléctrica')).id, craft: 'Electricista' } });

  places.north = (await make.aLocation(prisma, { name: 'Planta Norte', code: 'CAL-NORTE' })).id;
  places.boilers = (await make.aLocation(prisma, { name: 'Sala de calderas', code: 'CAL-NORTE-CAL', parentId: places.north })).id;
  places.pumps = (await make.aLocation(prisma, { name: 'Sala de bombas', code: 'CAL-NORTE-BOM', parentId: places.north })).id;
  places.south = (await make.aLocation(prisma, { name: 'Planta Sur', code: 'CAL-SUR' })).id;
  places.boilerAsset = (await make.anAsset(prisma, { locationId: places.boilers, code: 'CAL-CALD-1', description: 'Caldera principal' })).id;
  places.pumpAsset = (await make.anAsset(prisma, { locationId: places.pumps, code: 'CAL-BOMBA-1', description: 'Bomba de alimentación' })).id;
  places.southAsset = (await make.anAsset(prisma, { locationId: places.south, code: 'CAL-SUR-1', description: 'Turbina sur' })).id;

  const southUser = await make.aUser(prisma, 'Sergio Técnico Sur');
  await prisma.userSite.create({ data: { userId: southUser.id, locationId: places.south } });
  southTechnician = await prisma.technician.create({ data: { userId: southUser.id, craft: 'Mecánico' } });
  await prisma.userSite.create({ data: { userId: northSupervisor.userId, locationId: places.north } });
  await northSupervisor.client.signIn(northSupervisor.email, PASSWORD); // a change of sites ends his sessions
});
afterAll(() => office?.close());

describe('the planning calendar', () => {
  it('shows the week by technician: names, the overdue marked, done orders apart, the unassigned row and the backlog', async () => {
    const overdue = await anOrder({ plannedOn: day(-1), technicianId: technician.technicianId, description: 'Revisar quemador', priority: 'URGENT' });
    const done = await anOrder({ plannedOn: day(-1), technicianId: technician.technicianId, state: 'CLOSED', description: 'Cambio de filtro' });
    const cancelled = await anOrder({ plannedOn: day(-1), state: 'CANCELLED', description: 'Ya no hace falta' });
    const unassigned = await anOrder({ plannedOn: day(-1), assetId: places.pumpAsset, description: 'Fuga en sello' });
    const later = await anOrder({ plannedOn: day(30), technicianId: electrician.id, description: 'Otra semana' });

    const answer = await calendar(supervisor, `view=week&day=${iso(day(-1))}&groupBy=technician&language=es`);
    expect(answer.status).toBe(200);
    const week = answer.body;
    const monday = new Date(day(-1).getTime() - ((day(-1).getUTCDay() + 6) % 7) * 86_400_000);
    expect([week.from, week.to, week.days.length, week.today]).toEqual([iso(monday), iso(new Date(monday.getTime() + 6 * 86_400_000)), 7, iso(today)]);
    const shown = new Map(week.orders.map((o) => [o.id, o]));
    expect(shown.get(overdue.id)).toMatchObject({
      number: overdue.number, row: `t:${technician.technicianId}`, overdue: true, movable: true,
      asset: 'CAL-CALD-1 · Caldera principal', technician: 'Tomás Técnico Calendario', stateLabel: 'Asignada', priorityLabel: 'Urgente',
    });
    expect(shown.get(done.id)).toMatchObject({ overdue: false, movable: false, stateLabel: 'Cerrada' });
    expect(shown.get(unassigned.id)).toMatchObject({ row: 't:none', overdue: true });
    expect(shown.has(cancelled.id)).toBe(false);
    expect(shown.has(later.id)).toBe(false);
    expect(week.dayCounts[iso(day(-1))]).toBe(3);
    // Rows: the orders without a technician first, then every technician he may give orders to, by name.
    expect(week.rows[0]).toMatchObject({ key: 't:none', label: 'Sin técnico asignado' });
    const names = week.rows.slice(1).map((r) => r.label);
    expect(names).toEqual(expect.arrayContaining(['Elena Eléctrica', 'Tomás Técnico Calendario', 'Sergio Técnico Sur']));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(week.backlog.orders.map((o) => o.id)).toContain(unassigned.id);
    expect([week.canReschedule, week.canReassign]).toEqual([true, true]);

    const english = await calendar(supervisor, `view=week&day=${iso(day(-1))}&language=en`);
    expect(english.body.orders.find((o) => o.id === overdue.id)).toMatchObject({ stateLabel: 'Assigned', priorityLabel: 'Urgent' });
    expect(english.body.rows[0]!.label).toBe('No technician assigned');
  });

  it("shows each technician's workload, the very figure beside \"Asignar\"", async () => {
    const week = (await calendar(supervisor, `view=week&day=${iso(today)}`)).body;
    const pending = await anOrder({ plannedOn: day(2), description: 'Por asignar' });
    const form = await supervisor.client.json<{ form: { technicians: { id: number; openOrders: number; openHours: number }[] } }>(`/admin/api/resources/WorkOrder/records/${pending.id}/assign`);
    for (const id of [technician.technicianId!, electrician.id]) {
      const row = week.rows.find((r) => r.technicianId === id)!;
      const beside = form.body.form.technicians.find((t) => t.id === id)!;
      expect(row.workload).toEqual({ openOrders: beside.openOrders, openHours: beside.openHours });
    }
    expect(week.rows.find((r) => r.technicianId === technician.technicianId)!.workload!.openOrders).toBeGreaterThan(0);
  });

  it('shows a month as whole weeks, Monday to Sunday', async () => {
    const month = (await calendar(supervisor, 'view=month&day=2026-02-10')).body;
    expect([month.from, month.to, month.days.length]).toEqual(['2026-01-26', '2026-03-01', 35]);
  });

  it('groups by location: the parts of the chosen site, and only what lies in it', async () => {
    const inBoilers = await anOrder({ plannedOn: day(3), assetId: places.boilerAsset, description: 'Caldera' });
    const inPumps = await anOrder({ plannedOn: day(3), assetId: places.pumpAsset, description: 'Bomba' });
    const inSouth = await anOrder({ plannedOn: day(3), assetId: places.southAsset, description: 'Turbina' });
    const week = (await calendar(supervisor, `view=week&day=${iso(day(3))}&groupBy=location&locationId=${places.north}`)).body;
    const rowOf = (id: number) => week.orders.find((o) => o.id === id)?.row;
    expect([rowOf(inBoilers.id), rowOf(inPumps.id), rowOf(inSouth.id)]).toEqual([`l:${places.boilers}`, `l:${places.pumps}`, undefined]);
    expect(week.rows.map((r) => r.label)).toEqual(['Sala de bombas', 'Sala de calderas']);
    expect(week.rows[0]!.detail).toBe('Planta Norte > Sala de bombas');
    // With no site chosen, the rows are the plant's top-level locations.
    const all = (await calendar(supervisor, `view=week&day=${iso(day(3))}&groupBy=location`)).body;
    expect(all.orders.find((o) => o.id === inPumps.id)?.row).toBe(`l:${places.north}`);
    expect(all.orders.find((o) => o.id === inSouth.id)?.row).toBe(`l:${places.south}`);
  });

  it("shows a supervisor scoped to a site only his area, and offers only the technicians who serve it", async () => {
    const north = await anOrder({ plannedOn: day(4), assetId: places.pumpAsset, description: 'Norte' });
    const south = await anOrder({ plannedOn: day(4), assetId: places.southAsset, description: 'Sur', technicianId: southTechnician.id });
    const week = (await calendar(northSupervisor, `view=week&day=${iso(day(4))}&groupBy=technician`)).body;
    const ids = week.orders.map((o) => o.id);
    expect(ids).toContain(north.id);
    expect(ids).not.toContain(south.id);
    expect(week.rows.map((r) => r.technicianId)).not.toContain(southTechnician.id);
    expect(week.choices.technicians.find((t) => t.id === southTechnician.id)?.assignable).toBe(false);
    expect(week.choices.locations.map((l) => l.name)).not.toContain('Planta Sur');
    expect(week.backlog.orders.every((o) => o.asset.startsWith('CAL-CALD') || o.asset.startsWith('CAL-BOMBA'))).toBe(true);
    // By location, his rows are the parts of his site.
    const byLocation = (await calendar(northSupervisor, `view=week&day=${iso(day(4))}&groupBy=location`)).body;
    expect(byLocation.orders.find((o) => o.id === north.id)?.row).toBe(`l:${places.north}`);
    // Another site is no filter of his.
    const other = await calendar(northSupervisor, `view=week&locationId=${places.south}`);
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ message: 'La ubicación elegida no existe o queda fuera de sus sitios: elija otra de la lista.' });
  });

  it('shows a technician his own orders, read-only; a consultant reads all; an operator is refused', async () => {
    const mine = await anOrder({ plannedOn: day(5), technicianId: technician.technicianId, description: 'Mía' });
    const hers = await anOrder({ plannedOn: day(5), technicianId: electrician.id, description: 'De Elena' });
    const own = (await calendar(technician, `view=week&day=${iso(day(5))}`)).body;
    expect(own.orders.map((o) => o.id)).toContain(mine.id);
    expect(own.orders.map((o) => o.id)).not.toContain(hers.id);
    expect(own.orders.every((o) => !o.movable)).toBe(true);
    expect(own.rows.map((r) => r.technicianId)).toEqual([technician.technicianId]);
    expect([own.canReschedule, own.canReassign]).toEqual([false, false]);

    const read = (await calendar(consultant, `view=week&day=${iso(day(5))}`)).body;
    expect(read.orders.map((o) => o.id)).toEqual(expect.arrayContaining([mine.id, hers.id]));
    expect(read.orders.every((o) => !o.movable)).toBe(true);
    expect(read.rows.find((r) => r.technicianId === electrician.id)?.assignable).toBe(false);

    expect((await calendar(operator, 'view=week')).status).toBe(403);
    expect((await move(technician, { workOrderId: mine.id, plannedOn: iso(day(6)) })).status).toBe(403);
    expect((await move(consultant, { workOrderId: mine.id, plannedOn: iso(day(6)) })).status).toBe(403);
    expect(iso((await prisma.workOrder.findUniqueOrThrow({ where: { id: mine.id } })).plannedOn)).toBe(iso(day(5)));
  });

  it('refuses a query it cannot read, with a message', async () => {
    for (const query of ['view=year', 'day=2026-02-30', 'day=ayer', 'locationId=abc', 'technicianId=-1', 'groupBy=craft', 'other=1']) {
      const answer = await calendar(supervisor, query);
      expect(answer.status, query).toBe(400);
      expect(answer.body.toString()).not.toMatch(/prisma|select|stack/i);
    }
  });
});

describe('moving an order on the calendar', () => {
  it('moves it to another day and to another technician, in one entry of the change history under the supervisor', async () => {
    const order = await anOrder({ plannedOn: day(-2), technicianId: technician.technicianId, description: 'Mover de día' });
    const before = (await history(order.id)).length;
    const answer = await move(supervisor, { workOrderId: order.id, plannedOn: iso(day(1)), technicianId: electrician.id });
    expect(answer.status).toBe(200);
    expect(answer.body.message).toBe(`Orden ${order.number} movida.`);
    const stored = await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect([iso(stored.plannedOn), stored.technicianId, stored.state]).toEqual([iso(day(1)), electrician.id, 'ASSIGNED']);
    const entries = await history(order.id);
    expect(entries.length).toBe(before + 1);
    const entry = entries.at(-1)!;
    expect([entry.action, entry.actorUserId]).toEqual(['UPDATE', supervisor.userId]);
    const changes = entry.changes as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect(Object.keys(changes.after).sort()).toEqual(['planned_on', 'technician_id']);
    expect([String(changes.before.planned_on), String(changes.after.planned_on)]).toEqual([iso(day(-2)), iso(day(1))]);
    expect([String(changes.before.technician_id), String(changes.after.technician_id)]).toEqual([String(technician.technicianId), String(electrician.id)]);

    // The calendar shows it there, and the workload follows.
    const week = (await calendar(supervisor, `view=week&day=${iso(day(1))}`)).body;
    expect(week.orders.find((o) => o.id === order.id)).toMatchObject({ row: `t:${electrician.id}`, plannedOn: iso(day(1)), overdue: false });
  });

  it('assigns an order of the backlog by dropping it on a technician', async () => {
    const order = await anOrder({ plannedOn: day(2), description: 'Del backlog' });
    const before = (await calendar(supervisor, `view=week&day=${iso(day(2))}`)).body.rows.find((r) => r.technicianId === technician.technicianId)!.workload!;
    expect((await move(supervisor, { workOrderId: order.id, technicianId: technician.technicianId })).status).toBe(200);
    const after = (await calendar(supervisor, `view=week&day=${iso(day(2))}`)).body;
    expect(after.rows.find((r) => r.technicianId === technician.technicianId)!.workload!.openOrders).toBe(before.openOrders + 1);
    expect(after.backlog.orders.map((o) => o.id)).not.toContain(order.id);
  });

  it('is a POST with the CSRF token', async () => {
    const order = await anOrder({ plannedOn: day(2), technicianId: technician.technicianId });
    const get = await supervisor.client.request('/admin/calendar/move');
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const forged = await move(supervisor, { workOrderId: order.id, plannedOn: iso(day(3)) }, { csrf: false });
    expect(forged.status).toBe(403);
    expect(iso((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).plannedOn)).toBe(iso(day(2)));
  });

  it('refuses, writing nothing, a closed order, a past day, a day that is no day and a body it cannot read', async () => {
    const closed = await anOrder({ plannedOn: day(1), technicianId: technician.technicianId, state: 'CLOSED' });
    const completed = await anOrder({ plannedOn: day(1), technicianId: technician.technicianId, state: 'COMPLETED' });
    const open = await anOrder({ plannedOn: day(1), technicianId: technician.technicianId });
    const writes = await prisma.changeHistory.count({ where: { tableName: 'work_orders' } });
    const cases: [unknown, number, string][] = [
      [{ workOrderId: closed.id, plannedOn: iso(day(2)) }, 422, `La orden ${closed.number} ya está cerrada: no se reprograma ni se reasigna.`],
      [{ workOrderId: completed.id, technicianId: electrician.id }, 422, `La orden ${completed.number} ya está completada: no se reprograma ni se reasigna.`],
      [{ workOrderId: open.id, plannedOn: iso(day(-1)) }, 422, `No se planifica una orden en un día pasado (${day(-1).toLocaleDateString('es', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' })}): elija hoy o un día posterior.`],
      [{ workOrderId: open.id, plannedOn: '2026-02-30' }, 422, 'El día «2026-02-30» no es una fecha válida: use AAAA-MM-DD.'],
      [{ workOrderId: open.id }, 400, 'Indique el día o el técnico al que mover la orden.'],
      [{ workOrderId: String(open.id), plannedOn: iso(day(2)) }, 400, 'La solicitud no es válida. Recargue la página e inténtelo de nuevo.'],
      [{ workOrderId: open.id, plannedOn: iso(day(2)), state: 'CLOSED' }, 400, 'La solicitud no es válida. Recargue la página e inténtelo de nuevo.'],
      [{ workOrderId: 999_999, plannedOn: iso(day(2)) }, 403, 'No tiene permiso para esta acción.'],
    ];
    for (const [body, status, message] of cases) {
      const answer = await move(supervisor, body);
      expect([answer.status, answer.body.message], JSON.stringify(body)).toEqual([status, message]);
    }
    const malformed = await supervisor.client.json<Answer>('/admin/calendar/move', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"workOrderId":' });
    expect(malformed.status).toBe(400);
    expect(await prisma.changeHistory.count({ where: { tableName: 'work_orders' } })).toBe(writes);
    expect(await prisma.workOrder.findUniqueOrThrow({ where: { id: closed.id } })).toMatchObject({ state: 'CLOSED', plannedOn: day(1) });
  });

  it('reschedules an order being worked but does not hand it to another technician', async () => {
    const working = await anOrder({ plannedOn: day(1), technicianId: technician.technicianId, state: 'IN_PROGRESS' });
    const refused = await move(supervisor, { workOrderId: working.id, technicianId: electrician.id });
    expect([refused.status, refused.body.message]).toEqual([422, `La orden ${working.number} ya está en curso: no se reasigna a otro técnico (compártala desde la página de la orden).`]);
    expect((await move(supervisor, { workOrderId: working.id, plannedOn: iso(day(3)) })).status).toBe(200);
    expect(await prisma.workOrder.findUniqueOrThrow({ where: { id: working.id } })).toMatchObject({ technicianId: technician.technicianId, plannedOn: day(3), state: 'IN_PROGRESS' });
  });

  it("keeps one preventive order per schedule and day", async () => {
    const schedule = await make.aSchedule(prisma, places.boilerAsset);
    const first = await anOrder({ plannedOn: day(1), kind: 'PREVENTIVE', scheduleId: schedule.id, technicianId: technician.technicianId });
    const second = await anOrder({ plannedOn: day(8), kind: 'PREVENTIVE', scheduleId: schedule.id, technicianId: technician.technicianId });
    const refused = await move(supervisor, { workOrderId: second.id, plannedOn: iso(day(1)) });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain(`su programación ya tiene ese día la orden ${first.number}`);
    expect(iso((await prisma.workOrder.findUniqueOrThrow({ where: { id: second.id } })).plannedOn)).toBe(iso(day(8)));
  });

  it("a supervisor scoped to a site moves only his site's orders, and to technicians who serve it (\"Asignar\" alike)", async () => {
    const north = await anOrder({ plannedOn: day(1), assetId: places.pumpAsset, description: 'Norte' });
    const south = await anOrder({ plannedOn: day(1), assetId: places.southAsset, description: 'Sur' });
    expect((await move(northSupervisor, { workOrderId: south.id, plannedOn: iso(day(2)) })).status).toBe(403);
    const outside = await move(northSupervisor, { workOrderId: north.id, technicianId: southTechnician.id });
    expect([outside.status, outside.body.message]).toEqual([422, 'Técnico: Sergio Técnico Sur no atiende sus sitios; elija un técnico de su área.']);
    // "Asignar" follows the same rule: he is not offered, and refused beside the field.
    const form = await northSupervisor.client.json<{ form: { technicians: { id: number }[] } }>(`/admin/api/resources/WorkOrder/records/${north.id}/assign`);
    expect(form.body.form.technicians.map((t) => t.id)).not.toContain(southTechnician.id);
    expect(form.body.form.technicians.map((t) => t.id)).toContain(technician.technicianId);
    const body = new FormData();
    body.set('technicianId', String(southTechnician.id));
    const assign = await northSupervisor.client.json<{ record: { errors: Record<string, { message: string }> } }>(`/admin/api/resources/WorkOrder/records/${north.id}/assign`, { method: 'POST', body });
    expect(assign.body.record.errors.technicianId?.message).toBe('Técnico: Sergio Técnico Sur no atiende sus sitios; elija un técnico de su área.');
    expect(await prisma.workOrder.findUniqueOrThrow({ where: { id: north.id } })).toMatchObject({ technicianId: null, state: 'PENDING' });
    // A technician of the whole plant serves his site.
    expect((await move(northSupervisor, { workOrderId: north.id, technicianId: technician.technicianId, plannedOn: iso(day(2)) })).status).toBe(200);
    expect(await prisma.workOrder.findUniqueOrThrow({ where: { id: north.id } })).toMatchObject({ technicianId: technician.technicianId, plannedOn: day(2) });
    // The unscoped supervisor may give an order of the south to its technician.
    expect((await move(supervisor, { workOrderId: south.id, technicianId: southTechnician.id })).status).toBe(200);
  });
});
