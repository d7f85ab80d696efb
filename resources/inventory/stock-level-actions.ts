// The storeroom's buttons on a stock level (one material in one warehouse): each opens the stock form
// (admin/components/stock-move-form.tsx) with the fields it needs, and runs one domain operation.
import type { Action, ActionResponse } from 'adminjs';
import { Components } from '../../admin/component-loader.js';
import { accessibleWhere, type AppAbility } from '../../domain/access/abilities.js';
import { adjustStock, countStock } from '../../domain/inventory/adjust-stock.js';
import { issueToWorkOrder, returnFromWorkOrder } from '../../domain/inventory/issue-stock.js';
import { ISSUING_STATES, RESERVING_STATES } from '../../domain/inventory/order-for-materials.js';
import { receiveStock } from '../../domain/inventory/receive-stock.js';
import { reserveForWorkOrder } from '../../domain/inventory/reservations.js';
import { transferStock } from '../../domain/inventory/transfer-stock.js';
import { parseRecordId } from '../../domain/record-id.js';
import type { Db } from '../../prisma/client.js';
import { recordAction, type RecordActionCall } from '../record-action.js';

export type StockMove = 'receive' | 'issueMaterial' | 'returnMaterial' | 'transfer' | 'adjust' | 'count' | 'reserve';

/** A field of the stock form: its name is the one refusals are placed beside. */
export interface StockField {
  name: 'workOrder' | 'warehouse' | 'bin' | 'toWarehouse' | 'quantity' | 'unitCost' | 'counted' | 'sourceDocument' | 'note';
  required: boolean;
  options?: { value: string; label: string }[];
}

const ICONS: Record<StockMove, string> = {
  receive: 'LogIn', issueMaterial: 'LogOut', returnMaterial: 'CornerUpLeft', transfer: 'Shuffle', adjust: 'Sliders', count: 'CheckSquare', reserve: 'Bookmark',
};
const RULES = { receive: 'receive', issueMaterial: 'issue', returnMaterial: 'return', transfer: 'transfer', adjust: 'adjust', count: 'adjust', reserve: 'reserve' } as const;
// Pickers list the most recent orders first; an order further back is found by typing its number elsewhere.
const ORDERS_OFFERED = 200;

export function stockLevelActions(prisma: Db): Record<StockMove, Partial<Action<ActionResponse>>> {
  const place = async (id: number) => {
    const level = await prisma.stockLevel.findUniqueOrThrow({ where: { id } });
    return { materialId: level.materialId, warehouseId: level.warehouseId };
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const orderId = (payload: Record<string, unknown>) => parseRecordId(payload.workOrder) ?? 0;
  const runs: Record<StockMove, (call: RecordActionCall) => Promise<unknown>> = {
    receive: async ({ id, ability, userId, payload }) =>
      receiveStock(prisma, ability, userId, { ...(await place(id)), binId: parseRecordId(payload.bin), quantity: payload.quantity, unitCost: payload.unitCost, sourceDocument: text(payload.sourceDocument), note: text(payload.note) }),
    issueMaterial: async ({ id, ability, userId, payload }) =>
      issueToWorkOrder(prisma, ability, userId, { ...(await place(id)), workOrderId: orderId(payload), quantity: payload.quantity, note: text(payload.note) }),
    returnMaterial: async ({ id, ability, userId, payload }) =>
      returnFromWorkOrder(prisma, ability, userId, { ...(await place(id)), workOrderId: orderId(payload), quantity: payload.quantity, note: text(payload.note) }),
    transfer: async ({ id, ability, userId, payload }) => {
      const { materialId, warehouseId } = await place(id);
      return transferStock(prisma, ability, userId, {
        materialId, fromWarehouseId: warehouseId, toWarehouseId: parseRecordId(payload.toWarehouse) ?? 0, quantity: payload.quantity, sourceDocument: text(payload.sourceDocument), note: text(payload.note),
      });
    },
    adjust: async ({ id, ability, userId, payload }) =>
      adjustStock(prisma, ability, userId, { ...(await place(id)), quantity: payload.quantity, note: text(payload.note), sourceDocument: text(payload.sourceDocument) }),
    count: async ({ id, ability, userId, payload }) =>
      countStock(prisma, ability, userId, { ...(await place(id)), counted: payload.counted, note: text(payload.note), sourceDocument: text(payload.sourceDocument) }),
    reserve: async ({ id, ability, userId, payload }) =>
      reserveForWorkOrder(prisma, ability, userId, { ...(await place(id)), workOrderId: orderId(payload), quantity: payload.quantity }),
  };
  const build = (move: StockMove) =>
    recordAction({
      rule: [RULES[move], 'StockLevel'],
      icon: ICONS[move],
      component: Components.StockMoveForm,
      form: ({ id, ability }) => stockForm(prisma, ability, id, move),
      run: runs[move],
      success: `stockMoved_${move}`,
    });
  return {
    receive: build('receive'), issueMaterial: build('issueMaterial'), returnMaterial: build('returnMaterial'), transfer: build('transfer'),
    adjust: build('adjust'), count: build('count'), reserve: build('reserve'),
  };
}

/** What the form shows: the stock it moves and the fields of this move, with their choices. */
async function stockForm(prisma: Db, ability: AppAbility, id: number, move: StockMove) {
  const level = await prisma.stockLevel.findUniqueOrThrow({ where: { id }, include: { material: true, warehouse: true } });
  const field = (name: StockField['name'], required: boolean, options?: StockField['options']): StockField => ({ name, required, ...(options && { options }) });
  const readableOrders = accessibleWhere(ability, 'read', 'WorkOrder') ?? { id: -1 };
  const orders = async (states: readonly string[], extra: Record<string, unknown> = {}) =>
    (
      await prisma.workOrder.findMany({
        where: { AND: [readableOrders, { state: { in: [...states] } }, extra] },
        orderBy: { id: 'desc' },
        take: ORDERS_OFFERED,
        select: { id: true, number: true, description: true },
      })
    ).map((o) => ({ value: String(o.id), label: `${o.number} · ${o.description}` }));
  const here = { materialId: level.materialId, warehouseId: level.warehouseId };
  const fields: Record<StockMove, () => Promise<StockField[]>> = {
    receive: async () => [
      field('quantity', true), field('unitCost', true),
      field('bin', false, (await prisma.bin.findMany({ where: { warehouseId: level.warehouseId, isActive: true }, orderBy: { code: 'asc' } })).map((b) => ({ value: String(b.id), label: b.code }))),
      field('sourceDocument', false), field('note', false),
    ],
    // Orders holding a reservation of this material here come first.
    issueMaterial: async () => {
      const reserved = await orders(ISSUING_STATES, { reservations: { some: { ...here, state: 'OPEN' } } });
      const others = (await orders(ISSUING_STATES)).filter((o) => !reserved.some((r) => r.value === o.value));
      return [field('workOrder', true, [...reserved, ...others]), field('quantity', true), field('note', false)];
    },
    returnMaterial: async () => [field('workOrder', true, await orders(ISSUING_STATES, { stockMovements: { some: { ...here, kind: 'ISSUE' } } })), field('quantity', true), field('note', false)],
    transfer: async () => [
      field('toWarehouse', true, (await prisma.warehouse.findMany({ where: { AND: [accessibleWhere(ability, 'read', 'Warehouse') ?? { id: -1 }, { isActive: true, id: { not: level.warehouseId } }] }, orderBy: { name: 'asc' } })).map((w) => ({ value: String(w.id), label: w.name }))),
      field('quantity', true), field('sourceDocument', false), field('note', false),
    ],
    adjust: async () => [field('quantity', true), field('note', true), field('sourceDocument', false)],
    count: async () => [field('counted', true), field('sourceDocument', false), field('note', false)],
    reserve: async () => [field('workOrder', true, await orders(RESERVING_STATES)), field('quantity', true)],
  };
  return {
    material: `${level.material.code} · ${level.material.description}`,
    warehouse: level.warehouse.name,
    unit: level.material.unit,
    onHand: level.onHand.toString(),
    available: level.onHand.minus(level.reserved).toString(),
    fields: await fields[move](),
  };
}
