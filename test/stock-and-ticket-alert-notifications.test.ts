// The storeroom's and the call centre's alerts reach people as notifications, through their real jobs
// on the queue: a material at its reorder point (the storeroom and supervisors, once per fall, with a
// draft requisition recorded in the history), stock levels the ledger does not explain (administrators,
// once), and tickets past their service level (supervisors, once per deadline, in plant time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilitiesFor } from '../domain/access/abilities.js';
import { issueToWorkOrder } from '../domain/inventory/issue-stock.js';
import { receiveStock } from '../domain/inventory/receive-stock.js';
import { renderNotification } from '../domain/notifications/kind.js';
import { stockAtReorderPoint } from '../domain/notifications/kinds/stock-alerts.kind.js';
import { checkStockLedgerJob } from '../jobs/check-stock-ledger.job.js';
import type { JobDefinition } from '../jobs/job.js';
import { notifyOverdueTicketsJob } from '../jobs/notify-overdue-tickets.job.js';
import { notifyReordersJob } from '../jobs/notify-reorders.job.js';
import { actAs } from '../prisma/actor.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let adminId: number;
let sara: Person; // supervisor
let olga: Person; // an operator whose group holds the storeroom right ("gestionar almacén")
let carla: Person; // consultant: reads stock, is not the storeroom
let tito: Person; // technician
let sergio: Person; // supervisor, deactivated

// The storeroom's rules for moving stock (issuing reads the order too: a consultant's reading rights).
const clerk = () =>
  defineAbilitiesFor({ userId: olga.userId, groups: ['CONSULTANTS'], technicianId: null, sharedOrderIds: [], canReadHistory: false, canManageStore: true, approvalLimit: null, sitePaths: [] });
const asClerk = <T>(work: () => Promise<T>) => actAs({ userId: olga.userId, label: `user:${olga.email}` }, work);

/** Runs a job through the queue, as its schedule would, and waits for it to finish. */
async function run(job: JobDefinition<unknown>): Promise<{ state: string; output: unknown }> {
  const id = await office.queue.send(job, {});
  const started = Date.now();
  for (;;) {
    const [row] = await prisma.$queryRawUnsafe<{ state: string; output: unknown }[]>(`SELECT state::text, output FROM pgboss.job WHERE id = $1::uuid`, id);
    if (row && ['completed', 'failed', 'retry'].includes(row.state)) return row;
    if (Date.now() - started > 20_000) throw new Error(`${job.name} did not finish: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const toldOf = async (kind: string) => (await prisma.notification.findMany({ where: { kind }, orderBy: [{ id: 'asc' }] }));
const byPerson = (ids: number[]) => [...ids].sort((a, b) => a - b);

beforeAll(async () => {
  office = await startTestBackOffice({ jobs: [notifyReordersJob, notifyOverdueTicketsJob, checkStockLedgerJob as JobDefinition<unknown>] });
  prisma = office.database.prisma;
  adminId = (await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } })).id;
  sara = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  olga = await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Bodeguera');
  carla = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
  tito = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tito Técnico', { technician: true });
  sergio = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sergio Supervisor');
  await prisma.user.update({ where: { id: sergio.userId }, data: { isActive: false } });
  // The storeroom right, granted to Olga's group as an administrator grants it on the group's page.
  await prisma.group.update({ where: { code: 'OPERATORS' }, data: { canManageStore: true } });
}, 120_000);
afterAll(() => office?.close());

describe('a material at its reorder point', () => {
  it('is told once per fall to the storeroom and supervisors, with one draft requisition each, until stock rises above the point', async () => {
    const vendor = await prisma.vendor.create({ data: { code: 'PROV-RN', name: 'Rodamientos del Norte' } });
    const material = await make.aMaterial(prisma, { code: 'ROD-6310', description: 'Rodamiento 6310', reorderPoint: 5, reorderQuantity: 20, preferredVendorId: vendor.id });
    const warehouse = await make.aWarehouse(prisma, { name: 'Bodega Central' });
    const order = await make.aWorkOrder(prisma);
    const move = { materialId: material.id, warehouseId: warehouse.id };
    await asClerk(() => receiveStock(prisma, clerk(), olga.userId, { ...move, quantity: 6, unitCost: 31.255 }));
    const level = await prisma.stockLevel.findUniqueOrThrow({ where: { materialId_warehouseId: move } });

    expect((await run(notifyReordersJob)).state).toBe('completed');
    expect(await toldOf('stock-at-reorder-point')).toEqual([]);

    // 5 left: at the point is a reorder.
    await asClerk(() => issueToWorkOrder(prisma, clerk(), olga.userId, { ...move, workOrderId: order.id, quantity: 1 }));
    expect((await run(notifyReordersJob)).output).toMatchObject({ raised: 1, cleared: 0, told: 2 });
    const first = await toldOf('stock-at-reorder-point');
    // Sara (supervisor) and Olga (the storeroom right); not the consultant, the technician, the
    // administrator (not the storeroom) nor a deactivated supervisor.
    expect(byPerson(first.map((n) => n.userId))).toEqual(byPerson([sara.userId, olga.userId]));
    const draft = await prisma.requisition.findFirstOrThrow({ where: { reorderAlerts: { some: { stockLevelId: level.id } } }, include: { items: true } });
    expect(draft).toMatchObject({ state: 'DRAFT', requestedById: sara.userId, title: 'Reposición: ROD-6310 · Rodamiento 6310 en Bodega Central (proveedor preferido: Rodamientos del Norte)' });
    expect(draft.items.map((i) => [i.description, i.quantity.toString(), i.unit, i.unitPrice.toString()])).toEqual([['ROD-6310 · Rodamiento 6310', '20', 'u', '31.26']]);
    // A line for stock (issue 20): received, it goes into the warehouse that fell short.
    expect(draft.items.map((i) => [i.materialId, i.warehouseId])).toEqual([[level.materialId, level.warehouseId]]);
    expect(draft.total.toString()).toBe('625.2');
    expect(first[0]).toMatchObject({ model: 'StockLevel', recordId: level.id, values: { title: 'ROD-6310 · Rodamiento 6310 · Bodega Central', available: '5', reorderPoint: '5', unit: 'u', requisition: draft.number } });
    const values = first[0]!.values as Record<string, string>;
    expect(renderNotification(stockAtReorderPoint, 'es', values)).toBe(
      `Hay que reponer ROD-6310 · Rodamiento 6310 en Bodega Central: quedan 5 u disponibles (punto de pedido 5). Borrador de requisición: ${draft.number}.`,
    );
    expect(renderNotification(stockAtReorderPoint, 'en', values)).toBe(
      `Restock ROD-6310 · Rodamiento 6310 at Bodega Central: 5 u available (reorder point 5). Draft requisition: ${draft.number}.`,
    );
    // The draft is in the change history, written by the job.
    const history = await prisma.changeHistory.findMany({ where: { tableName: 'requisitions', recordId: draft.id } });
    expect(history[0]?.action).toBe('INSERT');
    expect(new Set(history.map((h) => h.actorLabel))).toEqual(new Set(['job:notify-reorders']));
    // The storeroom reads the stock level the notification opens; she may not read requisitions.
    expect((await olga.client.request(`/admin/api/resources/StockLevel/records/${level.id}/show`)).status).toBe(200);
    expect((await carla.client.request(`/admin/api/resources/StockLevel/records/${level.id}/show`)).status).toBe(200);

    // Lower still, and swept again: the same fall, nobody told twice, no second draft.
    await asClerk(() => issueToWorkOrder(prisma, clerk(), olga.userId, { ...move, workOrderId: order.id, quantity: 2 }));
    expect((await run(notifyReordersJob)).output).toMatchObject({ raised: 0, cleared: 0, told: 0 });
    expect(await toldOf('stock-at-reorder-point')).toHaveLength(2);
    expect(await prisma.requisition.count({ where: { title: { startsWith: 'Reposición: ROD-6310' } } })).toBe(1);

    // Received above the point: the fall ends. Down to it again: a new fall, told again with a new draft.
    await asClerk(() => receiveStock(prisma, clerk(), olga.userId, { ...move, quantity: 10, unitCost: 31.255 }));
    expect((await run(notifyReordersJob)).output).toMatchObject({ raised: 0, cleared: 1 });
    await asClerk(() => issueToWorkOrder(prisma, clerk(), olga.userId, { ...move, workOrderId: order.id, quantity: 9 }));
    expect((await run(notifyReordersJob)).output).toMatchObject({ raised: 1, told: 2 });
    const told = await toldOf('stock-at-reorder-point');
    expect(told.filter((n) => n.userId === sara.userId)).toHaveLength(2);
    expect(new Set(told.map((n) => n.eventKey)).size).toBe(2);
    expect(await prisma.requisition.count({ where: { title: { startsWith: 'Reposición: ROD-6310' }, state: 'DRAFT' } })).toBe(2);
    for (const person of [carla, tito, sergio]) expect(told.some((n) => n.userId === person.userId)).toBe(false);
    expect(told.some((n) => n.userId === adminId)).toBe(false);
  });
});

describe('stock levels the ledger does not explain', () => {
  it('the nightly check tells every administrator once, naming the first level, and still fails', async () => {
    const material = await make.aMaterial(prisma, { code: 'VAL-200', description: 'Válvula 2"' });
    const warehouse = await make.aWarehouse(prisma, { name: 'Bodega Sur' });
    await asClerk(() => receiveStock(prisma, clerk(), olga.userId, { materialId: material.id, warehouseId: warehouse.id, quantity: 4, unitCost: 10 }));
    const second = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Alba Administradora');
    expect((await run(checkStockLedgerJob as JobDefinition<unknown>)).state).toBe('completed');
    expect(await toldOf('stock-ledger-mismatch')).toEqual([]);

    const level = await prisma.stockLevel.findUniqueOrThrow({ where: { materialId_warehouseId: { materialId: material.id, warehouseId: warehouse.id } } });
    await prisma.$executeRaw`UPDATE stock_levels SET on_hand = on_hand + 1 WHERE id = ${level.id}`;
    for (let night = 0; night < 2; night++) expect((await run(checkStockLedgerJob as JobDefinition<unknown>)).state).not.toBe('completed');
    const told = await toldOf('stock-ledger-mismatch');
    expect(byPerson(told.map((n) => n.userId))).toEqual(byPerson([adminId, second.userId]));
    expect(told[0]).toMatchObject({
      model: 'StockLevel',
      recordId: level.id,
      values: { count: 1, material: 'VAL-200', warehouse: 'Bodega Sur', keptOnHand: '5', rebuiltOnHand: '4', title: 'VAL-200 · Bodega Sur' },
    });
  });
});

describe('a ticket past its service level', () => {
  it('tells the supervisors once per missed deadline, the deadline in plant time, and not once answered', async () => {
    await prisma.ticketSla.upsert({ where: { type: 'FAILURE' }, create: { type: 'FAILURE', responseHours: 2, resolutionHours: 24 }, update: { responseHours: 2, resolutionHours: 24 } });
    const reportedAt = new Date(Date.now() - 3 * 3_600_000);
    const late = await prisma.ticket.create({ data: { type: 'FAILURE', description: 'Sin energía en el sector; poste dañado', requester: 'José Peña', reportedAt } });
    const answered = await prisma.ticket.create({ data: { type: 'FAILURE', description: 'Luminaria apagada', requester: 'Ana Ruiz', reportedAt, answeredAt: new Date(reportedAt.getTime() + 3_600_000) } });
    const old = await prisma.ticket.create({ data: { type: 'FAILURE', description: 'Cable caído', requester: 'Luis Mejía', reportedAt: new Date(Date.now() - 60 * 86_400_000) } });

    for (let sweep = 0; sweep < 2; sweep++) expect((await run(notifyOverdueTicketsJob)).state).toBe('completed');
    const told = await toldOf('ticket-response-overdue');
    // Supervisors only (Sara; Sergio is deactivated); the operators who work the tickets are not told.
    expect(told.map((n) => [n.userId, n.recordId])).toEqual([[sara.userId, late.id]]);
    const due = new Date(reportedAt.getTime() + 2 * 3_600_000);
    const plant = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Tegucigalpa', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(due)
      .replace(',', '');
    expect(told[0]!.values).toEqual({ title: `${late.number} · Sin energía en el sector; poste dañado`, due: plant });
    // Answered in time, or overdue for months (not news any more): not told.
    for (const ticket of [answered, old]) expect(await prisma.notification.count({ where: { recordId: ticket.id, model: 'Ticket' } })).toBe(0);
    expect(await toldOf('ticket-resolution-overdue')).toEqual([]);
    // The link opens the ticket for her.
    expect((await sara.client.request(`/admin/api/resources/Ticket/records/${late.id}/show`)).status).toBe(200);
  });

  it("a ticket placed in a site is told to that site's supervisors, not to those of another site", async () => {
    const north = await make.aLocation(prisma, { name: 'Subestación Norte', code: 'SE-N' });
    const south = await make.aLocation(prisma, { name: 'Subestación Sur', code: 'SE-S' });
    const nora = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Nora Supervisora Norte');
    const saul = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Saúl Supervisor Sur');
    await prisma.userSite.createMany({ data: [{ userId: nora.userId, locationId: north.id }, { userId: saul.userId, locationId: south.id }] });
    const reportedAt = new Date(Date.now() - 3 * 3_600_000);
    const northern = await prisma.ticket.create({ data: { type: 'FAILURE', description: 'Transformador con ruido', requester: 'Marta Díaz', reportedAt, locationId: north.id } });
    expect((await run(notifyOverdueTicketsJob)).state).toBe('completed');
    // Sara (the whole plant) and Nora (the north); not Saúl (the south).
    expect(byPerson((await prisma.notification.findMany({ where: { kind: 'ticket-response-overdue', recordId: northern.id } })).map((n) => n.userId))).toEqual(
      byPerson([sara.userId, nora.userId]),
    );
  });
});
