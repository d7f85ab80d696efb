// Materials and work orders: a preventive order reserves its routine's bill of materials as it is
// generated, a cancelled order releases them, the closeout settles what was used and returns the rest in
// the transaction that closes it (a refusal leaves stock untouched), and the order's cost follows.
import { Prisma } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilitiesFor, type AccessProfile } from '../domain/access/abilities.js';
import { issueToWorkOrder } from '../domain/inventory/issue-stock.js';
import { receiveStock } from '../domain/inventory/receive-stock.js';
import { detectReorders } from '../domain/inventory/reorder.js';
import { maintenanceCostBy, workOrderCost } from '../domain/inventory/work-order-cost.js';
import { closeWorkOrder } from '../domain/maintenance/close-work-order.js';
import { generatePreventiveOrders } from '../domain/maintenance/generate-preventive-orders.js';
import { moveWorkOrder } from '../domain/maintenance/work-order-lifecycle.js';
import { Refusal } from '../domain/refusal.js';
import { actAs } from '../prisma/actor.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';

let db: TestDatabase;
let prisma: Db;
let userId: number;
const profile = (groups: AccessProfile['groups'], extra: Partial<AccessProfile> = {}): AccessProfile => ({
  userId, groups, technicianId: null, sharedOrderIds: [], canReadHistory: false, approvalLimit: null, sitePaths: [], ...extra,
});
const clerk = () => defineAbilitiesFor(profile(['CONSULTANTS'], { canManageStore: true }));
const supervisor = () => defineAbilitiesFor(profile(['SUPERVISORS']));
const asPerson = <T>(work: () => Promise<T>) => actAs({ userId, label: 'user:sara@planta.test' }, work);
const text = (value: Prisma.Decimal | null | undefined) => (value === null || value === undefined ? null : value.toString());
const levelOf = (materialId: number, warehouseId: number) => prisma.stockLevel.findUniqueOrThrow({ where: { materialId_warehouseId: { materialId, warehouseId } } });

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  userId = (await make.aUser(prisma, 'Sara Supervisora')).id;
});
afterAll(() => db?.drop());

describe('bills of materials and preventive generation', () => {
  it('each new preventive order reserves its routine materials; short stock goes to the earliest orders; generating twice reserves once', async () => {
    const material = await make.aMaterial(prisma, { code: 'GRASA-EP2', description: 'Grasa EP2', unit: 'kg' });
    const warehouse = await make.aWarehouse(prisma);
    const routine = await make.aRoutine(prisma);
    await prisma.routineMaterial.create({ data: { routineId: routine.id, materialId: material.id, warehouseId: warehouse.id, quantity: 2 } });
    const schedules: { id: number }[] = [];
    for (const startsOn of ['2026-03-02', '2026-03-05'])
      schedules.push(await prisma.maintenanceSchedule.create({ data: { routineId: routine.id, assetId: (await make.anAsset(prisma)).id, startsOn: new Date(`${startsOn}T00:00:00Z`) } }));
    await asPerson(() => receiveStock(prisma, clerk(), userId, { materialId: material.id, warehouseId: warehouse.id, quantity: 3, unitCost: 4 }));

    const generate = () =>
      actAs({ label: 'job:generate-preventive-orders' }, () =>
        generatePreventiveOrders(prisma, null, { day: new Date('2026-03-10T00:00:00Z'), timeZone: 'America/Tegucigalpa', scheduleIds: schedules.map((s) => s.id) }),
      );
    expect((await generate()).ordersCreated).toBe(2);
    const reservations = await prisma.reservation.findMany({ where: { materialId: material.id }, include: { workOrder: true }, orderBy: { workOrder: { plannedOn: 'asc' } } });
    expect(reservations.map((r) => [r.workOrder.kind, r.workOrder.plannedOn.toISOString().slice(0, 10), text(r.requested), text(r.quantity), r.state])).toEqual([
      ['PREVENTIVE', '2026-03-02', '2', '2', 'OPEN'],
      ['PREVENTIVE', '2026-03-05', '2', '1', 'OPEN'],
    ]);
    const level = await levelOf(material.id, warehouse.id);
    expect([text(level.reserved), text(level.available)]).toEqual(['3', '0']);
    expect((await generate()).ordersCreated).toBe(0);
    expect(await prisma.reservation.count({ where: { materialId: material.id } })).toBe(2);

    // A cancelled order holds nothing.
    const first = reservations[0]!;
    await asPerson(() => moveWorkOrder(prisma, supervisor(), first.workOrderId, 'cancel'));
    expect((await prisma.reservation.findUniqueOrThrow({ where: { id: first.id } })).state).toBe('RELEASED');
    expect(text((await levelOf(material.id, warehouse.id)).available)).toBe('2');
  });
});

describe('closeout settles the storeroom materials in the closing transaction', () => {
  async function aCompletedOrderHolding(issued: number, reserve = 0) {
    const technician = await make.aTechnician(prisma); // 12 per hour
    const material = await make.aMaterial(prisma, { code: `ROD-${Math.random().toString(36).slice(2, 7)}`, description: 'Rodamiento 6205' });
    const warehouse = await make.aWarehouse(prisma, { name: 'Bodega central' });
    const schedule = await make.aSchedule(prisma);
    const order = await prisma.workOrder.create({
      data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: schedule.assetId, technicianId: technician.id, state: 'IN_PROGRESS', plannedOn: new Date('2026-11-20'), description: 'Cambio de rodamientos' },
    });
    await asPerson(async () => {
      await receiveStock(prisma, clerk(), userId, { materialId: material.id, warehouseId: warehouse.id, quantity: 10, unitCost: 6.5 });
      if (issued) await issueToWorkOrder(prisma, clerk(), userId, { materialId: material.id, warehouseId: warehouse.id, workOrderId: order.id, quantity: issued });
      if (reserve) await prisma.reservation.create({ data: { materialId: material.id, warehouseId: warehouse.id, workOrderId: order.id, quantity: reserve, requested: reserve } });
    });
    await prisma.workOrder.update({ where: { id: order.id }, data: { state: 'COMPLETED' } });
    return { order, material, warehouse };
  }

  it('what was not used goes back, leftovers of reservations are released, and the cost is labour + materials', async () => {
    const { order, material, warehouse } = await aCompletedOrderHolding(5, 2);
    await asPerson(() => closeWorkOrder(prisma, supervisor(), userId, order.id, { laborHours: '2,5', stock: [{ materialId: material.id, warehouseId: warehouse.id, used: '3' }] }));
    const ledger = await prisma.stockMovement.findMany({ where: { workOrderId: order.id }, orderBy: { sequence: 'asc' } });
    expect(ledger.map((m) => `${m.kind} ${m.quantity} @${m.unitCost}`)).toEqual(['ISSUE -5 @6.5', 'RETURN 2 @6.5']);
    const level = await levelOf(material.id, warehouse.id);
    expect([text(level.onHand), text(level.reserved)]).toEqual(['7', '0']);
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('CLOSED');
    // 2.5 h × 12 = 30.00; 3 × 6.50 = 19.50.
    const cost = await workOrderCost(prisma, order.id);
    expect([text(cost.laborHours), text(cost.labor), text(cost.materials), text(cost.total)]).toEqual(['2.5', '30', '19.5', '49.5']);
    const byAsset = await maintenanceCostBy(prisma, 'asset', new Date('2000-01-01'), new Date('2100-01-01'));
    const asset = await prisma.asset.findUniqueOrThrow({ where: { id: order.assetId } });
    expect(byAsset.filter((row) => row.group === asset.code).map((row) => [row.orders, text(row.labor), text(row.materials), text(row.total)])).toEqual([[1, '30', '19.5', '49.5']]);
  });

  it('using more than was issued issues the difference, from its reservation first', async () => {
    const { order, material, warehouse } = await aCompletedOrderHolding(1, 2);
    await asPerson(() => closeWorkOrder(prisma, supervisor(), userId, order.id, { laborHours: 1, stock: [{ materialId: material.id, warehouseId: warehouse.id, used: 3 }] }));
    const level = await levelOf(material.id, warehouse.id);
    expect([text(level.onHand), text(level.reserved)]).toEqual(['7', '0']);
    expect((await prisma.reservation.findFirstOrThrow({ where: { workOrderId: order.id } })).state).toBe('ISSUED');
  });

  it('a closeout that cannot get its material is refused beside the line, and stock, order and closure stay as they were', async () => {
    const { order, material, warehouse } = await aCompletedOrderHolding(2);
    const before = await levelOf(material.id, warehouse.id);
    const error = await asPerson(() =>
      closeWorkOrder(prisma, supervisor(), userId, order.id, { laborHours: 1, stock: [{ materialId: material.id, warehouseId: warehouse.id, used: 11 }] }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refusal);
    // Said of its line: how much more there is, where, and what the order already has.
    expect((error as Refusal).fields.map((f) => [f.field, f.key, f.params.available, f.params.warehouse, f.params.held, f.params.row])).toEqual([['stock.0.used', 'closeoutStockShort', '8', 'Bodega central', '2', 1]]);
    expect(await levelOf(material.id, warehouse.id)).toEqual(before);
    expect(await prisma.stockMovement.count({ where: { workOrderId: order.id } })).toBe(1);
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('COMPLETED');
    expect(await prisma.workOrderClosure.count({ where: { workOrderId: order.id } })).toBe(0);
  });

  it('a used quantity that is no number is refused with the rest of the form', async () => {
    const { order, material, warehouse } = await aCompletedOrderHolding(2);
    const error = (await asPerson(() =>
      closeWorkOrder(prisma, supervisor(), userId, order.id, { laborHours: '', stock: [{ materialId: material.id, warehouseId: warehouse.id, used: 'tres' }] }),
    ).catch((e: unknown) => e)) as Refusal;
    expect(error.fields.map((f) => f.field).sort()).toEqual(['laborHours', 'stock.0.used']);
  });
});

describe('reorder', () => {
  it('an issue that takes available stock below the reorder point asks the storeroom and supervisors for a reorder, with a draft line', async () => {
    const vendor = await prisma.vendor.create({ data: { code: 'PROV-ROD', name: 'Rodamientos del Norte' } });
    const material = await make.aMaterial(prisma, { code: 'ROD-6309', description: 'Rodamiento 6309', reorderPoint: 5, reorderQuantity: 20, preferredVendorId: vendor.id });
    const warehouse = await make.aWarehouse(prisma, { name: 'Bodega de reorden' });
    const supervisorGroup = await prisma.group.upsert({ where: { code: 'SUPERVISORS' }, create: { code: 'SUPERVISORS', name: 'Supervisores' }, update: {} });
    // The right granted to a group, as an administrator grants it on the group's page.
    const storeroom = await prisma.group.upsert({ where: { code: 'CONSULTANTS' }, create: { code: 'CONSULTANTS', name: 'Consultores', canManageStore: true }, update: { canManageStore: true } });
    const [sara, berta] = [await make.aUser(prisma, 'Sara'), await make.aUser(prisma, 'Berta')];
    await prisma.userGroup.createMany({ data: [{ userId: sara.id, groupId: supervisorGroup.id }, { userId: berta.id, groupId: storeroom.id }] });
    const order = await make.aWorkOrder(prisma);
    const start = new Date();
    await asPerson(() => receiveStock(prisma, clerk(), userId, { materialId: material.id, warehouseId: warehouse.id, quantity: 6, unitCost: 31.255 }));
    expect((await detectReorders(prisma, start)).filter((a) => a.values.material.startsWith('ROD-6309'))).toEqual([]);
    await asPerson(() => issueToWorkOrder(prisma, clerk(), userId, { materialId: material.id, warehouseId: warehouse.id, workOrderId: order.id, quantity: 2 }));
    const alerts = (await detectReorders(prisma, start)).filter((a) => a.values.material.startsWith('ROD-6309'));
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert!.messageKey).toBe('stockBelowReorderPoint');
    expect(alert!.values).toEqual({ material: 'ROD-6309 · Rodamiento 6309', warehouse: 'Bodega de reorden', available: '4', reorderPoint: '5', unit: 'u' });
    expect(alert!.recipients.userIds).toEqual(expect.arrayContaining([sara.id, berta.id]));
    // The draft line names the warehouse that ran low: receiving it (issue 20) stocks that warehouse.
    expect(alert!.draftLine).toEqual({ materialId: material.id, warehouseId: warehouse.id, description: 'ROD-6309 · Rodamiento 6309', quantity: '20', unit: 'u', unitPrice: '31.26', vendor: 'Rodamientos del Norte' });
    // Not moved since: a later run does not tell it again.
    expect((await detectReorders(prisma, new Date())).filter((a) => a.values.material.startsWith('ROD-6309'))).toEqual([]);
    await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canManageStore: false } });
  });
});
