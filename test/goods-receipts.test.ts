// Goods received against an approved requisition (issue 20), as the storeroom does it: a direct purchase is
// charged to the requisition's budget line at receipt and releases as much of its commitment; a line for
// stock goes into its warehouse at the line's price, releases the commitment and is charged only when issued
// to an order; part of a line may come now and the rest later; more than was ordered is refused line by line
// and nothing is written; two clerks receiving the last units at once: one wins. The summary still equals a
// recomputation from scratch, and every receipt is in the change history with its clerk.
import { Prisma } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessDeniedError, defineAbilitiesFor } from '../domain/access/abilities.js';
import { receiveRequisition } from '../domain/budgets/receive-requisition.js';
import { issueToWorkOrder } from '../domain/inventory/issue-stock.js';
import { Refusal } from '../domain/refusal.js';
import { actAs } from '../prisma/actor.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';

let database: TestDatabase;
let prisma: Db;
let clerkId: number;
let requesterId: number;
const YEAR = new Date().getUTCFullYear();
const clerk = () => defineAbilitiesFor({ userId: clerkId, groups: ['CONSULTANTS'], technicianId: null, sharedOrderIds: [], canReadHistory: false, canManageStore: true, approvalLimit: null, sitePaths: [] });
const supervisor = () => defineAbilitiesFor({ userId: requesterId, groups: ['SUPERVISORS'], technicianId: null, sharedOrderIds: [], canReadHistory: false, approvalLimit: 100000, sitePaths: [] });
const receive = (id: number, payload: Record<string, unknown>) =>
  actAs({ userId: clerkId, label: 'user:bodega@planta.test' }, () => receiveRequisition(prisma, clerk(), clerkId, id, payload));

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  clerkId = (await make.aUser(prisma, 'Berta Bodeguera')).id;
  requesterId = (await make.aUser(prisma, 'Rita Planificadora')).id;
});
afterAll(() => database?.drop());

let sites = 0;
/** A site with this year's budget: a SERVICES line and a MATERIALS line of 5 000 each in January. */
async function aSiteWithBudget() {
  const code = `REC-${++sites}`;
  const site = await make.aLocation(prisma, { name: `Planta ${code}`, code });
  const budget = await prisma.budget.create({
    data: { code, name: `Planta ${code}`, year: YEAR, locationId: site.id, lines: { create: [{ account: 'SERVICES' }, { account: 'MATERIALS' }] } },
    include: { lines: true },
  });
  const line = (account: string) => budget.lines.find((l) => l.account === account)!.id;
  for (const id of [line('SERVICES'), line('MATERIALS')]) await prisma.budgetLineMonth.create({ data: { budgetLineId: id, month: 1, originalAmount: 5000, currentAmount: 5000 } });
  return { site, services: line('SERVICES'), materials: line('MATERIALS') };
}

type Item = { description: string; quantity: number; unitPrice: number; materialId?: number; warehouseId?: number };
/** An approved requisition charged to `budgetLineId` (approved as the approval leaves it: state, approver, moment). */
async function anApprovedRequisition(budgetLineId: number | null, items: Item[], data: { workOrderId?: number } = {}) {
  const requisition = await prisma.requisition.create({
    data: { title: 'Compra de prueba', requestedById: requesterId, budgetLineId, ...data, items: { create: items.map((item) => ({ unit: 'u', ...item })) } },
    include: { items: { orderBy: { id: 'asc' } } },
  });
  await prisma.requisition.update({ where: { id: requisition.id }, data: { state: 'SUBMITTED' } });
  await prisma.requisition.update({ where: { id: requisition.id }, data: { state: 'APPROVED', approvedById: requesterId, approvedAt: new Date() } });
  return requisition;
}

const figures = async (lineId: number) => {
  const sums = (await prisma.budgetSummary.aggregate({ where: { budgetLineId: lineId }, _sum: { committed: true, actual: true } }))._sum;
  return { committed: Number(sums.committed), actual: Number(sums.actual) };
};
const summaryDiffers = async () =>
  (await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM budget_summaries s JOIN budget_summaries_recomputed r USING (budget_line_id, month)
      WHERE (s.actual, s.committed, s.current_amount) IS DISTINCT FROM (r.actual, r.committed, r.current_amount)`,
  ))[0]!.n;
async function refusal(work: Promise<unknown>): Promise<Refusal> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

describe('receiving a direct purchase', () => {
  it('charges the budget line at receipt and releases the same amount of commitment, part now and the rest later', async () => {
    const { services, site } = await aSiteWithBudget();
    const order = await make.aWorkOrder(prisma, { assetId: (await make.anAsset(prisma, { locationId: site.id })).id });
    const requisition = await anApprovedRequisition(services, [
      { description: 'Rebobinado de motor 75 kW', quantity: 1, unitPrice: 1800 },
      { description: 'Horas de grúa', quantity: 8, unitPrice: 150 },
    ], { workOrderId: order.id });
    const [motor, crane] = requisition.items;
    expect(await figures(services)).toEqual({ committed: 3000, actual: 0 });

    // The motor comes back and 3 hours of crane are billed: 1 800 + 450 charged, as much released.
    const first = await receive(requisition.id, { [`quantity_${motor!.id}`]: '1', [`quantity_${crane!.id}`]: '3', deliveryNote: 'NE-4471' });
    expect(first).toMatchObject({ receiptState: 'PARTIAL' });
    expect(Number(first.charged)).toBe(2250);
    expect(Number(first.stocked)).toBe(0);
    expect(await figures(services)).toEqual({ committed: 750, actual: 2250 });
    const after = await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } });
    expect({ receiptState: after.receiptState, received: Number(after.receivedAmount), state: after.state }).toEqual({ receiptState: 'PARTIAL', received: 2250, state: 'APPROVED' });
    const receipts = await prisma.goodsReceipt.findMany({ where: { requisitionId: requisition.id }, orderBy: { id: 'asc' } });
    expect(receipts.map((r) => [r.requisitionItemId, Number(r.quantity), Number(r.amount), r.warehouseId, r.deliveryNote, r.receivedById])).toEqual([
      [motor!.id, 1, 1800, null, 'NE-4471', clerkId],
      [crane!.id, 3, 450, null, 'NE-4471', clerkId],
    ]);
    // Each receipt is one posting on the requisition's line, naming the order the purchase was for.
    const postings = await prisma.budgetActual.findMany({ where: { requisitionId: requisition.id }, orderBy: { id: 'asc' } });
    expect(postings.map((p) => [p.source, p.sourceId, p.budgetLineId, p.workOrderId, Number(p.amount)])).toEqual([
      ['GOODS_RECEIPT', receipts[0]!.id, services, order.id, 1800],
      ['GOODS_RECEIPT', receipts[1]!.id, services, order.id, 450],
    ]);

    // The other 5 hours later: received in full, nothing left committed.
    const second = await receive(requisition.id, { [`quantity_${crane!.id}`]: '5' });
    expect(second.receiptState).toBe('RECEIVED');
    expect(await figures(services)).toEqual({ committed: 0, actual: 3000 });
    expect(await summaryDiffers()).toBe(0);

    // Each receipt is in the change history, written by the clerk.
    const history = await prisma.changeHistory.findMany({ where: { tableName: 'goods_receipts', recordId: { in: receipts.map((r) => r.id) } } });
    expect(history.map((h) => [h.action, h.actorUserId])).toEqual([['INSERT', clerkId], ['INSERT', clerkId]]);
  });
});

describe('receiving materials for stock', () => {
  it('puts them in the warehouse at the line price without charging the budget; the issue to an order charges it', async () => {
    const { materials, site } = await aSiteWithBudget();
    const material = await make.aMaterial(prisma, { description: 'Rodamiento SKF 6310' });
    const warehouse = await make.aWarehouse(prisma, { locationId: site.id });
    const bin = await prisma.bin.create({ data: { warehouseId: warehouse.id, code: 'A-01-03' } });
    const requisition = await anApprovedRequisition(materials, [{ description: 'Rodamiento SKF 6310', quantity: 10, unitPrice: 12.5, materialId: material.id, warehouseId: warehouse.id }]);
    const [line] = requisition.items;
    expect(await figures(materials)).toEqual({ committed: 125, actual: 0 });

    const received = await receive(requisition.id, { [`quantity_${line!.id}`]: '4', [`bin_${line!.id}`]: String(bin.id), deliveryNote: 'NE-900' });
    expect(received.receiptState).toBe('PARTIAL');
    expect(Number(received.charged)).toBe(0);
    expect(Number(received.stocked)).toBe(50);
    // Into the warehouse at the line's price, from the requisition's number and the delivery note.
    const level = await prisma.stockLevel.findUniqueOrThrow({ where: { materialId_warehouseId: { materialId: material.id, warehouseId: warehouse.id } } });
    expect({ onHand: Number(level.onHand), averageCost: Number(level.averageCost), binId: level.binId }).toEqual({ onHand: 4, averageCost: 12.5, binId: bin.id });
    const receipt = await prisma.goodsReceipt.findFirstOrThrow({ where: { requisitionId: requisition.id }, include: { stockMovement: true } });
    expect(receipt).toMatchObject({ warehouseId: warehouse.id, stockMovement: { kind: 'RECEIPT', sourceDocument: `${requisition.number} · NE-900`, movedById: clerkId, binId: bin.id } });
    expect(Number(receipt.stockMovement!.unitCost)).toBe(12.5);
    // The commitment is released, and nothing is spent yet.
    expect(await figures(materials)).toEqual({ committed: 75, actual: 0 });
    expect(await prisma.budgetActual.count({ where: { requisitionId: requisition.id } })).toBe(0);

    // Issued to an order on this site: the order's MATERIALS line is charged then, at the stock's cost.
    const order = await make.aWorkOrder(prisma, { assetId: (await make.anAsset(prisma, { locationId: site.id })).id });
    await actAs({ userId: clerkId, label: 'user:bodega@planta.test' }, () => issueToWorkOrder(prisma, clerk(), clerkId, { materialId: material.id, warehouseId: warehouse.id, workOrderId: order.id, quantity: '3' }));
    expect(await figures(materials)).toEqual({ committed: 75, actual: 37.5 });
    expect(await summaryDiffers()).toBe(0);
  });
});

describe('what is refused, and writes nothing', () => {
  it('more than is left of a line, said per line with what was ordered and received', async () => {
    const { services } = await aSiteWithBudget();
    const requisition = await anApprovedRequisition(services, [
      { description: 'Cable 3x95 mm²', quantity: 100, unitPrice: 9 },
      { description: 'Terminales', quantity: 12, unitPrice: 4 },
    ]);
    const [cable, terminals] = requisition.items;
    await receive(requisition.id, { [`quantity_${cable!.id}`]: '60' });
    const before = { receipts: await prisma.goodsReceipt.count(), actuals: await prisma.budgetActual.count(), figures: await figures(services) };

    const one = await refusal(receive(requisition.id, { [`quantity_${cable!.id}`]: '40,5', [`quantity_${terminals!.id}`]: '12' }));
    expect(one.key).toBe('receiptRefused_overReceipt');
    expect(one.fields).toEqual([
      { field: `quantity_${cable!.id}`, key: 'receiptRefused_overReceipt', params: { line: 1, item: 'Cable 3x95 mm²', unit: 'u', ordered: '100', received: '60', left: '40', quantity: '40.5' } },
    ]);
    // Two lines wrong at once: both said, beside their lines.
    const two = await refusal(receive(requisition.id, { [`quantity_${cable!.id}`]: '41', [`quantity_${terminals!.id}`]: 'doce' }));
    expect(two.key).toBe('receiptRefused_lines');
    expect(two.fields.map((f) => [f.field, f.key])).toEqual([[`quantity_${cable!.id}`, 'receiptRefused_overReceipt'], [`quantity_${terminals!.id}`, 'receiptRefused_quantity']]);
    // Nothing typed at all.
    expect((await refusal(receive(requisition.id, { [`quantity_${cable!.id}`]: ' ' }))).key).toBe('receiptRefused_nothing');
    expect((await refusal(receive(requisition.id, { [`quantity_${cable!.id}`]: '0' }))).key).toBe('receiptRefused_quantity');

    expect({ receipts: await prisma.goodsReceipt.count(), actuals: await prisma.budgetActual.count(), figures: await figures(services) }).toEqual(before);
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).receiptState).toBe('PARTIAL');
  });

  it('a requisition not approved, cancelled in the ERP or already received in full', async () => {
    const { services } = await aSiteWithBudget();
    const draft = await prisma.requisition.create({ data: { title: 'Borrador', requestedById: requesterId, items: { create: { description: 'Guantes', quantity: 2, unit: 'par', unitPrice: 5 } } }, include: { items: true } });
    expect((await refusal(receive(draft.id, { [`quantity_${draft.items[0]!.id}`]: '1' }))).key).toBe('receiptRefused_notApproved');

    const cancelled = await anApprovedRequisition(services, [{ description: 'Andamio', quantity: 1, unitPrice: 100 }]);
    await prisma.requisition.update({ where: { id: cancelled.id }, data: { erpStatus: 'Cancelled' } });
    expect((await refusal(receive(cancelled.id, { [`quantity_${cancelled.items[0]!.id}`]: '1' }))).key).toBe('receiptRefused_notApproved');

    const done = await anApprovedRequisition(services, [{ description: 'Pintura epóxica', quantity: 4, unitPrice: 30 }]);
    await receive(done.id, { [`quantity_${done.items[0]!.id}`]: '4' });
    expect((await refusal(receive(done.id, { [`quantity_${done.items[0]!.id}`]: '1' }))).key).toBe('receiptRefused_alreadyReceived');
    expect(await prisma.goodsReceipt.count({ where: { requisitionId: { in: [draft.id, cancelled.id, done.id] } } })).toBe(1);
  });

  it('someone without the storeroom right may not receive', async () => {
    const { services } = await aSiteWithBudget();
    const requisition = await anApprovedRequisition(services, [{ description: 'Filtro', quantity: 1, unitPrice: 10 }]);
    const refused = await actAs({ userId: requesterId, label: 'user:rita@planta.test' }, () =>
      receiveRequisition(prisma, supervisor(), requesterId, requisition.id, { [`quantity_${requisition.items[0]!.id}`]: '1' }).then(() => null, (e: unknown) => e),
    );
    expect(refused).toBeInstanceOf(AccessDeniedError);
    expect(await prisma.goodsReceipt.count({ where: { requisitionId: requisition.id } })).toBe(0);
  });

  it('a receipt is never changed nor removed afterwards', async () => {
    const { services } = await aSiteWithBudget();
    const requisition = await anApprovedRequisition(services, [{ description: 'Fusibles', quantity: 10, unitPrice: 2 }]);
    await receive(requisition.id, { [`quantity_${requisition.items[0]!.id}`]: '10' });
    const receipt = await prisma.goodsReceipt.findFirstOrThrow({ where: { requisitionId: requisition.id } });
    await expect(prisma.goodsReceipt.update({ where: { id: receipt.id }, data: { quantity: 1 } })).rejects.toThrow(/append-only/);
    await expect(prisma.goodsReceipt.delete({ where: { id: receipt.id } })).rejects.toThrow(/append-only/);
  });
});

describe('two clerks receiving the last units at once', () => {
  it('take turns: one receives them, the other is told nothing is left', async () => {
    const { services } = await aSiteWithBudget();
    const requisition = await anApprovedRequisition(services, [{ description: 'Aceite dieléctrico', quantity: 5, unitPrice: 40 }]);
    const field = `quantity_${requisition.items[0]!.id}`;
    const outcomes = await Promise.allSettled([receive(requisition.id, { [field]: '5' }), receive(requisition.id, { [field]: '5' })]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(Refusal);
    expect(['receiptRefused_alreadyReceived', 'receiptRefused_lineComplete']).toContain((lost.reason as Refusal).key);
    const total = await prisma.goodsReceipt.aggregate({ where: { requisitionId: requisition.id }, _sum: { quantity: true } });
    expect(new Prisma.Decimal(total._sum.quantity!).toNumber()).toBe(5);
    expect(await figures(services)).toEqual({ committed: 0, actual: 200 });
  });
});
