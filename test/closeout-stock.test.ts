// The closeout form's storeroom lines, over HTTP as the supervisor: the form starts from what the order
// holds and has reserved and from what the technician reported on his phone card; closing consumes the
// stock in the closing transaction; a line that cannot be settled is refused beside it, in words, and
// nothing is written. The order's page then shows what it cost.
import { Prisma } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilitiesFor } from '../domain/access/abilities.js';
import { issueToWorkOrder } from '../domain/inventory/issue-stock.js';
import { receiveStock } from '../domain/inventory/receive-stock.js';
import { reserveForWorkOrder } from '../domain/inventory/reservations.js';
import { actAs } from '../prisma/actor.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import type { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let technician: Person;
let supervisor: Person;
let clerkId: number;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  clerkId = (await make.aUser(prisma, 'Berta Bodeguera')).id;
});
afterAll(() => office?.close());

const clerk = () =>
  defineAbilitiesFor({ userId: clerkId, groups: ['CONSULTANTS'], canManageStore: true, technicianId: null, sharedOrderIds: [], canReadHistory: false, approvalLimit: null, sitePaths: [] });
const asClerk = <T>(work: () => Promise<T>) => actAs({ userId: clerkId, label: 'user:berta@planta.test' }, work);
const text = (value: Prisma.Decimal) => value.toString();

interface StockLine { materialId: number; warehouseId: number; material: string; warehouse: string; bin: string | null; unit: string; held: string; reserved: string; used: string; reported: boolean }
type Answer = { notice?: { message: string; type: string }; record?: { errors?: Record<string, { message: string }> } };
const post = (client: HttpClient, id: number, body: unknown) =>
  client.json<Answer>(`/admin/api/resources/WorkOrder/records/${id}/close`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Rodamientos in the central warehouse (bin A-01), 4 reserved for a corrective order and 2 of them issued;
 * the technician completed it reporting 3 bearings by code and a rag by description only. */
async function anOrderWithMaterials() {
  const n = Math.random().toString(36).slice(2, 7).toUpperCase();
  const bearing = await make.aMaterial(prisma, { code: `ROD-${n}`, description: 'Rodamiento 6205', unit: 'u' });
  const central = await make.aWarehouse(prisma, { name: `Almacén Central ${n}` });
  const bin = await prisma.bin.create({ data: { warehouseId: central.id, code: 'A-01' } });
  const order = await prisma.workOrder.create({
    data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(prisma)).id, technicianId: technician.technicianId, state: 'IN_PROGRESS', plannedOn: new Date('2026-11-20'), description: 'Ruido en bomba' },
  });
  await asClerk(async () => {
    await receiveStock(prisma, clerk(), clerkId, { materialId: bearing.id, warehouseId: central.id, binId: bin.id, quantity: 10, unitCost: '6.5' });
    await reserveForWorkOrder(prisma, clerk(), clerkId, { materialId: bearing.id, warehouseId: central.id, workOrderId: order.id, quantity: 4 });
    await issueToWorkOrder(prisma, clerk(), clerkId, { materialId: bearing.id, warehouseId: central.id, workOrderId: order.id, quantity: 2 });
  });
  const problem = await prisma.failureCode.create({ data: { code: `RUIDO-${n}`, name: 'Ruido', kind: 'PROBLEM' } });
  const cause = await prisma.failureCode.create({ data: { code: `DESG-${n}`, name: 'Desgaste', kind: 'CAUSE', parentId: problem.id } });
  const remedy = await prisma.failureCode.create({ data: { code: `CAMB-${n}`, name: 'Cambio de rodamiento', kind: 'REMEDY', parentId: cause.id } });
  const failure = { problemId: problem.id, causeId: cause.id, remedyId: remedy.id };
  const completed = await technician.client.json<Answer>(`/admin/api/resources/WorkOrder/records/${order.id}/complete`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ laborHours: '2', ...failure, materials: [{ description: `${bearing.code}`, quantity: '3', unit: 'u' }, { description: 'Trapo industrial', quantity: '1', unit: 'u' }] }),
  });
  expect(completed.body.notice).toMatchObject({ type: 'success' });
  return { bearing, central, order, failure };
}
const levelOf = (materialId: number, warehouseId: number) => prisma.stockLevel.findUniqueOrThrow({ where: { materialId_warehouseId: { materialId, warehouseId } } });

describe('the closeout form settles the storeroom materials', () => {
  it("starts from the order's holdings and the technician's report: his bearings by code on the storeroom line, the rag as free text", async () => {
    const { bearing, central, order } = await anOrderWithMaterials();
    const form = await supervisor.client.json<{ form: { stock: StockLine[]; report: { materials: { description: string }[] } } }>(`/admin/api/resources/WorkOrder/records/${order.id}/close`);
    expect(form.status).toBe(200);
    expect(form.body.form.stock).toEqual([
      { materialId: bearing.id, warehouseId: central.id, material: `${bearing.code} · Rodamiento 6205`, warehouse: central.name, bin: 'A-01', unit: 'u', held: '2', reserved: '2', used: '3', reported: true },
    ]);
    expect(form.body.form.report.materials.map((m) => m.description)).toEqual(['Trapo industrial']);
  });

  it('closing consumes what was used in the closing transaction: the missing unit is issued, the rest of the reservation released', async () => {
    const { bearing, central, order, failure } = await anOrderWithMaterials();
    const closed = await post(supervisor.client, order.id, {
      laborHours: '2', ...failure, materials: [{ description: 'Trapo industrial', quantity: '1', unit: 'u' }],
      stock: [{ materialId: bearing.id, warehouseId: central.id, used: '3' }],
    });
    expect(closed.body.notice).toMatchObject({ message: 'workOrderClosed', type: 'success' });
    const level = await levelOf(bearing.id, central.id);
    expect([text(level.onHand), text(level.reserved)]).toEqual(['7', '0']);
    const ledger = await prisma.stockMovement.findMany({ where: { workOrderId: order.id }, orderBy: { id: 'asc' }, include: { movedBy: true } });
    expect(ledger.map((m) => [m.kind, text(m.quantity), m.movedBy.name])).toEqual([['ISSUE', '-2', 'Berta Bodeguera'], ['ISSUE', '-1', 'Sara Supervisora']]);
    // Of the 4 reserved, 3 were taken; the one left is released.
    const reservations = await prisma.reservation.findMany({ where: { workOrderId: order.id } });
    expect(reservations.map((r) => [r.state, text(r.requested), text(r.quantity)])).toEqual([['RELEASED', '4', '1']]);
    expect((await prisma.workOrderMaterial.findMany({ where: { workOrderId: order.id } })).map((m) => m.description)).toEqual(['Trapo industrial']);
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('CLOSED');
  });

  it('a line asking more than the warehouse has is refused beside it, saying how much there is and where; nothing is written', async () => {
    const { bearing, central, order, failure } = await anOrderWithMaterials();
    const before = await levelOf(bearing.id, central.id);
    const refused = await post(supervisor.client, order.id, { laborHours: '2', ...failure, stock: [{ materialId: bearing.id, warehouseId: central.id, used: '12' }] });
    expect(refused.body.notice).toMatchObject({ message: 'closeoutRefused', type: 'error' });
    // 8 on hand, 2 of them still reserved for this very order: 8 may be issued beyond the 2 it has.
    expect(refused.body.record?.errors?.['stock.0.used']?.message).toBe(
      `Línea 1, ${bearing.code} · Rodamiento 6205: solo hay 8 u disponibles en ${central.name} para entregar a la orden (ya tiene 2 u; se indicaron 12 u usados). Corrija la cantidad o registre una entrada de material antes de cerrar.`,
    );
    expect(await levelOf(bearing.id, central.id)).toEqual(before);
    expect(await prisma.stockMovement.count({ where: { workOrderId: order.id } })).toBe(1);
    expect(await prisma.workOrderClosure.count({ where: { workOrderId: order.id } })).toBe(0);
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('COMPLETED');
  });

  it('the same material of the same warehouse on two lines is refused on the second, in the form’s language', async () => {
    const { bearing, central, order, failure } = await anOrderWithMaterials();
    const line = { materialId: bearing.id, warehouseId: central.id, used: '1' };
    const refused = await post(supervisor.client, order.id, { laborHours: '2', ...failure, stock: [line, line], language: 'en' });
    expect(refused.body.record?.errors?.['stock.1.used']?.message).toBe('Line 2: this material from this warehouse is already on line 1; keep a single line.');
    expect(await prisma.stockMovement.count({ where: { workOrderId: order.id } })).toBe(1);
  });
});

describe("the order's cost on its page", () => {
  it('shows labour + materials to the supervisor once closed; the technician’s page of his own order shows no costs', async () => {
    const { bearing, central, order, failure } = await anOrderWithMaterials();
    await post(supervisor.client, order.id, { laborHours: '2,5', ...failure, stock: [{ materialId: bearing.id, warehouseId: central.id, used: '3' }] });
    const shown = await supervisor.client.json<{ record: { params: Record<string, string> } }>(`/admin/api/resources/WorkOrder/records/${order.id}/show`);
    // 2.5 h × 10.00 an hour = 25.00; 3 bearings × 6.50 = 19.50.
    const cost = Object.fromEntries(Object.entries(shown.body.record.params).filter(([key]) => key.startsWith('cost.')));
    expect(cost).toEqual({ 'cost.laborHours': '2.5', 'cost.labor': '25.00', 'cost.materials': '19.50', 'cost.total': '44.50' });
    const asTechnician = await technician.client.json<{ record: { params: Record<string, string> } }>(`/admin/api/resources/WorkOrder/records/${order.id}/show`);
    expect(asTechnician.status).toBe(200);
    expect(Object.keys(asTechnician.body.record.params).filter((key) => key.startsWith('cost.'))).toEqual([]);
  });
});
