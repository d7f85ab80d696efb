// The stock ledger and its operations on a real database: every movement kind, the weighted average cost
// worked by hand, refusals that write nothing, reservations, the ledger's append-only rule, and fifty
// clerks issuing the last ten units at once.
import { Prisma } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilitiesFor, type AccessProfile } from '../domain/access/abilities.js';
import { adjustStock, countStock } from '../domain/inventory/adjust-stock.js';
import { issueToWorkOrder, returnFromWorkOrder } from '../domain/inventory/issue-stock.js';
import { receiveStock } from '../domain/inventory/receive-stock.js';
import { releaseReservation, reserveForWorkOrder } from '../domain/inventory/reservations.js';
import { transferStock } from '../domain/inventory/transfer-stock.js';
import { Refusal } from '../domain/refusal.js';
import { actAs } from '../prisma/actor.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';

let db: TestDatabase;
let prisma: Db;
let clerkId: number;
const profile = (groups: AccessProfile['groups'], extra: Partial<AccessProfile> = {}): AccessProfile => ({
  userId: clerkId, groups, technicianId: null, sharedOrderIds: [], canReadHistory: false, approvalLimit: null, sitePaths: [], ...extra,
});
// The storeroom clerk: a consultant whose group was granted "gestionar almacén".
const clerk = () => defineAbilitiesFor(profile(['CONSULTANTS'], { canManageStore: true }));
const asClerk = <T>(work: () => Promise<T>) => actAs({ userId: clerkId, label: 'user:bodega@planta.test' }, work);

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  clerkId = (await make.aUser(prisma, 'Berta Bodeguera')).id;
});
afterAll(() => db?.drop());

const levelOf = (materialId: number, warehouseId: number) => prisma.stockLevel.findUniqueOrThrow({ where: { materialId_warehouseId: { materialId, warehouseId } } });
const text = (value: Prisma.Decimal | null) => (value === null ? null : value.toString());

async function refusalOf(work: Promise<unknown>): Promise<Refusal> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

describe('receipts, issues and returns at the weighted average cost', () => {
  it('follows the worked example, movement by movement', async () => {
    const material = await make.aMaterial(prisma, { description: 'Rodamiento 6205' });
    const warehouse = await make.aWarehouse(prisma, { name: 'Bodega central' });
    const order = await make.aWorkOrder(prisma);
    const place = { materialId: material.id, warehouseId: warehouse.id };
    await asClerk(async () => {
      // 10 at 5.00: the first lot sets the price.
      await receiveStock(prisma, clerk(), clerkId, { ...place, quantity: '10', unitCost: '5', sourceDocument: 'Remisión 881' });
      expect(text((await levelOf(material.id, warehouse.id)).averageCost)).toBe('5');
      // 30 at 7.00: (10 × 5 + 30 × 7) / 40 = 260 / 40 = 6.50.
      await receiveStock(prisma, clerk(), clerkId, { ...place, quantity: '30', unitCost: '7' });
      expect(text((await levelOf(material.id, warehouse.id)).averageCost)).toBe('6.5');
      // 15 issued to the order, at the average: 15 × 6.50 = 97.50; the average stays.
      const issue = await issueToWorkOrder(prisma, clerk(), clerkId, { ...place, workOrderId: order.id, quantity: '15' });
      expect([text(issue.quantity), text(issue.unitCost), text(issue.balanceAfter)]).toEqual(['-15', '6.5', '25']);
      // 5 returned at what the order paid: 6.50; 30 on hand, still 6.50.
      const back = await returnFromWorkOrder(prisma, clerk(), clerkId, { ...place, workOrderId: order.id, quantity: '5' });
      expect([text(back.quantity), text(back.unitCost), text(back.balanceAfter)]).toEqual(['5', '6.5', '30']);
      // 10 at 10.00: (30 × 6.50 + 10 × 10) / 40 = 295 / 40 = 7.375.
      await receiveStock(prisma, clerk(), clerkId, { ...place, quantity: '10', unitCost: '10' });
    });
    const level = await levelOf(material.id, warehouse.id);
    expect([text(level.onHand), text(level.reserved), text(level.available), text(level.averageCost), level.movementCount]).toEqual(['40', '0', '40', '7.375', 5]);
    const ledger = await prisma.stockMovement.findMany({ where: place, orderBy: { sequence: 'asc' } });
    expect(ledger.map((m) => `${m.kind} ${m.quantity} @${m.unitCost} → ${m.balanceAfter} (${m.averageCostAfter}) by ${m.movedById}`)).toEqual([
      `RECEIPT 10 @5 → 10 (5) by ${clerkId}`,
      `RECEIPT 30 @7 → 40 (6.5) by ${clerkId}`,
      `ISSUE -15 @6.5 → 25 (6.5) by ${clerkId}`,
      `RETURN 5 @6.5 → 30 (6.5) by ${clerkId}`,
      `RECEIPT 10 @10 → 40 (7.375) by ${clerkId}`,
    ]);
  });

  it('an issue beyond the stock is refused with what is there, and writes nothing', async () => {
    const material = await make.aMaterial(prisma, { code: 'SELLO-40', description: 'Sello mecánico 40 mm' });
    const warehouse = await make.aWarehouse(prisma, { name: 'Bodega norte' });
    const order = await make.aWorkOrder(prisma);
    const place = { materialId: material.id, warehouseId: warehouse.id };
    await asClerk(() => receiveStock(prisma, clerk(), clerkId, { ...place, quantity: 3, unitCost: 120 }));
    const refusal = await refusalOf(asClerk(() => issueToWorkOrder(prisma, clerk(), clerkId, { ...place, workOrderId: order.id, quantity: '4' })));
    expect([refusal.key, refusal.params, refusal.fields[0]?.field]).toEqual([
      'stockRefused_insufficient', { material: 'SELLO-40 · Sello mecánico 40 mm', warehouse: 'Bodega norte', available: '3', quantity: '4', unit: 'u' }, 'quantity',
    ]);
    expect(text((await levelOf(material.id, warehouse.id)).onHand)).toBe('3');
    expect(await prisma.stockMovement.count({ where: { ...place, kind: 'ISSUE' } })).toBe(0);
  });

  it('a return beyond what the order holds is refused; a closed order takes nothing', async () => {
    const material = await make.aMaterial(prisma);
    const warehouse = await make.aWarehouse(prisma);
    const order = await make.aWorkOrder(prisma);
    const place = { materialId: material.id, warehouseId: warehouse.id };
    await asClerk(async () => {
      await receiveStock(prisma, clerk(), clerkId, { ...place, quantity: 5, unitCost: 2 });
      await issueToWorkOrder(prisma, clerk(), clerkId, { ...place, workOrderId: order.id, quantity: 2 });
    });
    const tooMuch = await refusalOf(asClerk(() => returnFromWorkOrder(prisma, clerk(), clerkId, { ...place, workOrderId: order.id, quantity: 3 })));
    expect([tooMuch.key, tooMuch.params.held, tooMuch.params.number]).toEqual(['stockRefused_returnTooMuch', '2', order.number]);
    await prisma.workOrder.update({ where: { id: order.id }, data: { state: 'CANCELLED' } });
    const closed = await refusalOf(asClerk(() => issueToWorkOrder(prisma, clerk(), clerkId, { ...place, workOrderId: order.id, quantity: 1 })));
    expect([closed.key, closed.fields[0]?.field]).toEqual(['stockRefused_orderNotOpen', 'workOrder']);
    expect(text((await levelOf(material.id, warehouse.id)).onHand)).toBe('3');
  });

  it('refuses a quantity that is not a positive number beside the field', async () => {
    const material = await make.aMaterial(prisma);
    const warehouse = await make.aWarehouse(prisma);
    for (const quantity of ['0', '-2', 'dos', '1.2345', ''])
      expect((await refusalOf(asClerk(() => receiveStock(prisma, clerk(), clerkId, { materialId: material.id, warehouseId: warehouse.id, quantity, unitCost: 1 })))).key).toBe('stockRefused_quantity_positive');
    expect(await prisma.stockMovement.count({ where: { materialId: material.id } })).toBe(0);
  });

  it('a warehouse that allows negative stock issues beyond it', async () => {
    const material = await make.aMaterial(prisma);
    const warehouse = await make.aWarehouse(prisma, { allowNegativeStock: true });
    const order = await make.aWorkOrder(prisma);
    await asClerk(() => issueToWorkOrder(prisma, clerk(), clerkId, { materialId: material.id, warehouseId: warehouse.id, workOrderId: order.id, quantity: 2 }));
    expect(text((await levelOf(material.id, warehouse.id)).onHand)).toBe('-2');
  });
});

describe('transfers, adjustments and counts', () => {
  it('a transfer leaves one warehouse at its average and blends into the other', async () => {
    const material = await make.aMaterial(prisma);
    const [central, norte] = [await make.aWarehouse(prisma), await make.aWarehouse(prisma)];
    await asClerk(async () => {
      await receiveStock(prisma, clerk(), clerkId, { materialId: material.id, warehouseId: central.id, quantity: 10, unitCost: 8 });
      await receiveStock(prisma, clerk(), clerkId, { materialId: material.id, warehouseId: norte.id, quantity: 10, unitCost: 4 });
      await transferStock(prisma, clerk(), clerkId, { materialId: material.id, fromWarehouseId: central.id, toWarehouseId: norte.id, quantity: 5 });
    });
    const [from, to] = [await levelOf(material.id, central.id), await levelOf(material.id, norte.id)];
    // Norte: (10 × 4 + 5 × 8) / 15 = 80 / 15 = 5.3333.
    expect([text(from.onHand), text(from.averageCost), text(to.onHand), text(to.averageCost)]).toEqual(['5', '8', '15', '5.3333']);
    const same = await refusalOf(asClerk(() => transferStock(prisma, clerk(), clerkId, { materialId: material.id, fromWarehouseId: central.id, toWarehouseId: central.id, quantity: 1 })));
    expect(same.key).toBe('stockRefused_sameWarehouse');
    const tooMuch = await refusalOf(asClerk(() => transferStock(prisma, clerk(), clerkId, { materialId: material.id, fromWarehouseId: central.id, toWarehouseId: norte.id, quantity: 6 })));
    expect([tooMuch.key, tooMuch.params.available]).toEqual(['stockRefused_insufficient', '5']);
  });

  it('an adjustment needs its reason; a count posts the variance', async () => {
    const material = await make.aMaterial(prisma);
    const warehouse = await make.aWarehouse(prisma);
    const place = { materialId: material.id, warehouseId: warehouse.id };
    await asClerk(() => receiveStock(prisma, clerk(), clerkId, { ...place, quantity: 10, unitCost: 3 }));
    expect((await refusalOf(asClerk(() => adjustStock(prisma, clerk(), clerkId, { ...place, quantity: -1 })))).key).toBe('stockRefused_reasonRequired');
    await asClerk(() => adjustStock(prisma, clerk(), clerkId, { ...place, quantity: '-1', note: 'Dañado en el manejo' }));
    const count = await asClerk(() => countStock(prisma, clerk(), clerkId, { ...place, counted: '7', sourceDocument: 'Conteo 2026-11' }));
    expect([text(count.quantity), text(count.countedQuantity), text(count.balanceAfter), text(count.unitCost)]).toEqual(['-2', '7', '7', '3']);
    expect(text((await levelOf(material.id, warehouse.id)).averageCost)).toBe('3');
  });
});

describe('the ledger is append-only', () => {
  it('the database refuses to change or delete a movement, even by SQL', async () => {
    const material = await make.aMaterial(prisma);
    const warehouse = await make.aWarehouse(prisma);
    const movement = await asClerk(() => receiveStock(prisma, clerk(), clerkId, { materialId: material.id, warehouseId: warehouse.id, quantity: 1, unitCost: 1 }));
    await expect(prisma.$executeRaw`UPDATE stock_movements SET quantity = 100 WHERE id = ${movement.id}`).rejects.toThrow(/stock_movements_append_only_check/);
    await expect(prisma.$executeRaw`DELETE FROM stock_movements WHERE id = ${movement.id}`).rejects.toThrow(/stock_movements_append_only_check/);
    // Whatever path writes, stock below zero is refused by the database itself.
    const order = await make.aWorkOrder(prisma);
    await expect(prisma.$executeRaw`INSERT INTO stock_movements (kind, material_id, warehouse_id, quantity, work_order_id, moved_by_id)
      VALUES ('ISSUE', ${material.id}, ${warehouse.id}, -2, ${order.id}, ${clerkId})`).rejects.toThrow(/stock_levels_on_hand_check/);
    expect(text((await levelOf(material.id, warehouse.id)).onHand)).toBe('1');
    expect(text((await prisma.stockMovement.findUniqueOrThrow({ where: { id: movement.id } })).quantity)).toBe('1');
  });
});

describe('reservations', () => {
  it('what is reserved for an order is not available to others, and is drawn down when issued to it', async () => {
    const material = await make.aMaterial(prisma);
    const warehouse = await make.aWarehouse(prisma);
    const [mine, other] = [await make.aWorkOrder(prisma), await make.aWorkOrder(prisma)];
    const place = { materialId: material.id, warehouseId: warehouse.id };
    const supervisor = defineAbilitiesFor(profile(['SUPERVISORS']));
    await asClerk(() => receiveStock(prisma, clerk(), clerkId, { ...place, quantity: 10, unitCost: 2 }));
    const reservation = await asClerk(() => reserveForWorkOrder(prisma, supervisor, clerkId, { ...place, workOrderId: mine.id, quantity: 4 }));
    expect([text((await levelOf(material.id, warehouse.id)).reserved), text((await levelOf(material.id, warehouse.id)).available)]).toEqual(['4', '6']);
    // Another order gets only what is available.
    const refused = await refusalOf(asClerk(() => issueToWorkOrder(prisma, clerk(), clerkId, { ...place, workOrderId: other.id, quantity: 7 })));
    expect([refused.key, refused.params.available]).toEqual(['stockRefused_insufficient', '6']);
    expect((await refusalOf(asClerk(() => reserveForWorkOrder(prisma, supervisor, clerkId, { ...place, workOrderId: other.id, quantity: 7 })))).key).toBe('stockRefused_insufficient');
    // The order it was reserved for takes its 4 and 1 more.
    await asClerk(() => issueToWorkOrder(prisma, clerk(), clerkId, { ...place, workOrderId: mine.id, quantity: 5 }));
    const after = await prisma.reservation.findUniqueOrThrow({ where: { id: reservation.id } });
    const level = await levelOf(material.id, warehouse.id);
    expect([after.state, text(after.quantity), text(level.onHand), text(level.reserved), text(level.available)]).toEqual(['ISSUED', '0', '5', '0', '5']);
    // The issue (one statement, cmms_issue_stock) drew the reservation down as the clerk, in the history.
    const drawn = await db.pool.query<{ actor_label: string; actor_user_id: number | null }>(
      `SELECT actor_label, actor_user_id FROM change_history_entries WHERE table_name = 'reservations' AND record_id = $1 AND changes->'after'->>'state' = 'ISSUED'`, [String(reservation.id)]);
    expect(drawn.rows.map((r) => [r.actor_label, r.actor_user_id])).toEqual([['user:bodega@planta.test', clerkId]]);
    expect((await refusalOf(asClerk(() => releaseReservation(prisma, supervisor, reservation.id)))).key).toBe('stockRefused_reservationClosed');
  });

  it('releasing gives the quantity back to available', async () => {
    const material = await make.aMaterial(prisma);
    const warehouse = await make.aWarehouse(prisma);
    const order = await make.aWorkOrder(prisma);
    const supervisor = defineAbilitiesFor(profile(['SUPERVISORS']));
    await asClerk(() => receiveStock(prisma, clerk(), clerkId, { materialId: material.id, warehouseId: warehouse.id, quantity: 3, unitCost: 2 }));
    const reservation = await asClerk(() => reserveForWorkOrder(prisma, supervisor, clerkId, { materialId: material.id, warehouseId: warehouse.id, workOrderId: order.id, quantity: 3 }));
    expect(text((await levelOf(material.id, warehouse.id)).available)).toBe('0');
    await asClerk(() => releaseReservation(prisma, supervisor, reservation.id));
    expect(text((await levelOf(material.id, warehouse.id)).available)).toBe('3');
    expect((await prisma.reservation.findUniqueOrThrow({ where: { id: reservation.id } })).state).toBe('RELEASED');
  });
});

describe('who moves stock', () => {
  it('technicians and supervisors move nothing; supervisors reserve; the storeroom right moves', async () => {
    const material = await make.aMaterial(prisma);
    const warehouse = await make.aWarehouse(prisma);
    const order = await make.aWorkOrder(prisma);
    const place = { materialId: material.id, warehouseId: warehouse.id };
    const technician = defineAbilitiesFor(profile(['TECHNICIANS'], { technicianId: 1 }));
    const supervisor = defineAbilitiesFor(profile(['SUPERVISORS']));
    const consultant = defineAbilitiesFor(profile(['CONSULTANTS']));
    for (const ability of [technician, supervisor, consultant])
      await expect(asClerk(() => receiveStock(prisma, ability, clerkId, { ...place, quantity: 1, unitCost: 1 }))).rejects.toMatchObject({ name: 'AccessDeniedError' });
    for (const ability of [technician, consultant])
      await expect(asClerk(() => reserveForWorkOrder(prisma, ability, clerkId, { ...place, workOrderId: order.id, quantity: 1 }))).rejects.toMatchObject({ name: 'AccessDeniedError' });
    await asClerk(() => receiveStock(prisma, clerk(), clerkId, { ...place, quantity: 1, unitCost: 1 }));
    await expect(asClerk(() => issueToWorkOrder(prisma, supervisor, clerkId, { ...place, workOrderId: order.id, quantity: 1 }))).rejects.toMatchObject({ name: 'AccessDeniedError' });
    expect(text((await levelOf(material.id, warehouse.id)).onHand)).toBe('1');
  });
});

describe('no negative stock, under concurrency', () => {
  it('fifty simultaneous issues of the last ten units issue exactly ten and refuse the rest', async () => {
    const material = await make.aMaterial(prisma, { code: 'FILTRO-10', description: 'Filtro de aceite' });
    const warehouse = await make.aWarehouse(prisma, { name: 'Bodega de turbinas' });
    const place = { materialId: material.id, warehouseId: warehouse.id };
    await asClerk(() => receiveStock(prisma, clerk(), clerkId, { ...place, quantity: 10, unitCost: 15 }));
    const orders = await Promise.all(Array.from({ length: 5 }, () => make.aWorkOrder(prisma)));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => asClerk(() => issueToWorkOrder(prisma, clerk(), clerkId, { ...place, workOrderId: orders[i % 5]!.id, quantity: 1 }))),
    );
    const issued = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Refusal] : []));
    // Every one refused says why in the plant's words (an error of another kind would show here, whole).
    expect(refused.filter((r) => !(r instanceof Refusal)).map(String)).toEqual([]);
    expect(issued).toHaveLength(10);
    expect(refused).toHaveLength(40);
    expect(new Set(refused.map((r) => `${r.key}: ${r.params.material}, ${r.params.available} ${r.params.unit}`))).toEqual(
      new Set(['stockRefused_insufficient: FILTRO-10 · Filtro de aceite, 0 u']),
    );
    const level = await levelOf(material.id, warehouse.id);
    expect([text(level.onHand), level.movementCount]).toEqual(['0', 11]);
    expect(await prisma.stockMovement.count({ where: { ...place, kind: 'ISSUE' } })).toBe(10);
    // Each issue saw the one before it: balances 9, 8, ... 0, once each.
    const balances = (await prisma.stockMovement.findMany({ where: { ...place, kind: 'ISSUE' }, orderBy: { sequence: 'asc' } })).map((m) => Number(m.balanceAfter));
    expect(balances).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });
});
