// Issuing material to a work order, and taking back what it did not use. An issue takes first from what
// is reserved for that order, then from what is available (on hand − reserved for others); beyond that it
// is refused, unless the warehouse allows negative stock. A return gives back at most what the order got
// (issued − returned), at the cost it was issued at.
import { Prisma, type WorkOrder } from '@prisma/client';
import { z } from 'zod';
import type { Db } from '../../prisma/client.js';
import type { AppAbility } from '../access/abilities.js';
import type { Tx } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import { ISSUING_STATES, orderForMaterials } from './order-for-materials.js';
import { insufficientStock, postMovement } from './post-movement.js';
import { id, judgeQuantity, optionalId, optionalText, shown, StockPlaceInput } from './stock-input.js';
import { materialName, withLockedStock, type LockedStock } from './stock-lock.js';

export const IssueInput = StockPlaceInput.extend({ workOrderId: id, binId: optionalId, quantity: z.unknown(), note: optionalText(500) });
export type IssueInput = z.input<typeof IssueInput>;

export async function issueToWorkOrder(db: Db, ability: AppAbility, userId: number, rawInput: IssueInput) {
  const input = IssueInput.parse(rawInput);
  const quantity = judgeQuantity(input.quantity);
  return withLockedStock(db, ability, 'issue', [input], async (tx, [stock]) => {
    const order = await orderForMaterials(tx, ability, input.workOrderId, ISSUING_STATES);
    return issueLocked(tx, stock!, order, quantity, userId, { binId: input.binId, note: input.note });
  });
}

export async function returnFromWorkOrder(db: Db, ability: AppAbility, userId: number, rawInput: IssueInput) {
  const input = IssueInput.parse(rawInput);
  const quantity = judgeQuantity(input.quantity);
  return withLockedStock(db, ability, 'return', [input], async (tx, [stock]) => {
    const order = await orderForMaterials(tx, ability, input.workOrderId, ISSUING_STATES);
    return returnLocked(tx, stock!, order, quantity, userId, { binId: input.binId, note: input.note });
  });
}

/** An issue on a stock level already locked (also the closeout's, in its own transaction). */
export async function issueLocked(tx: Tx, stock: LockedStock, order: WorkOrder, quantity: Prisma.Decimal, userId: number, extra: { binId?: number | null; note?: string | null } = {}) {
  const { materialId, warehouseId } = stock.level;
  const reservations = await tx.reservation.findMany({ where: { workOrderId: order.id, materialId, warehouseId, state: 'OPEN' }, orderBy: { id: 'asc' } });
  const heldForOrder = reservations.reduce((sum, r) => sum.plus(r.quantity), new Prisma.Decimal(0));
  const mayTake = stock.level.onHand.minus(stock.level.reserved).plus(heldForOrder);
  if (!stock.warehouse.allowNegativeStock && quantity.gt(mayTake)) throw insufficientStock(stock, Prisma.Decimal.max(mayTake, 0), quantity);
  const movement = await postMovement(tx, stock, {
    kind: 'ISSUE', materialId, warehouseId, binId: extra.binId ?? stock.level.binId, quantity: quantity.neg(), workOrderId: order.id, note: extra.note, movedById: userId,
  });
  // What was reserved for the order is what it now has: each reservation is drawn down, oldest first.
  let left = quantity;
  for (const reservation of reservations) {
    if (left.lte(0)) break;
    const taken = Prisma.Decimal.min(left, reservation.quantity);
    const rest = reservation.quantity.minus(taken);
    left = left.minus(taken);
    await tx.reservation.update({ where: { id: reservation.id }, data: rest.isZero() ? { quantity: 0, state: 'ISSUED' } : { quantity: rest } });
  }
  return movement;
}

/** What an order holds of a material from a warehouse: issued − returned, and what it cost. */
export async function heldByOrder(tx: Tx, workOrderId: number, materialId: number, warehouseId: number) {
  const [held] = await tx.$queryRaw<{ quantity: Prisma.Decimal; value: Prisma.Decimal }[]>`
    SELECT coalesce(-sum(quantity), 0) AS quantity, coalesce(-sum(quantity * unit_cost), 0) AS value
      FROM stock_movements
     WHERE work_order_id = ${workOrderId} AND material_id = ${materialId} AND warehouse_id = ${warehouseId} AND kind IN ('ISSUE', 'RETURN')`;
  return { quantity: new Prisma.Decimal(held!.quantity), value: new Prisma.Decimal(held!.value) };
}

/** A return on a stock level already locked (also the closeout's). */
export async function returnLocked(tx: Tx, stock: LockedStock, order: WorkOrder, quantity: Prisma.Decimal, userId: number, extra: { binId?: number | null; note?: string | null } = {}) {
  const { materialId, warehouseId } = stock.level;
  const held = await heldByOrder(tx, order.id, materialId, warehouseId);
  if (quantity.gt(held.quantity))
    throw new Refusal(
      'stockRefused_returnTooMuch',
      { number: order.number, material: materialName(stock.material), held: shown(held.quantity), quantity: shown(quantity), unit: stock.material.unit },
      { field: 'quantity' },
    );
  // Back at what the order paid for it on average, so its cost falls by exactly what it gave back.
  const unitCost = held.value.div(held.quantity).toDecimalPlaces(4);
  return postMovement(tx, stock, {
    kind: 'RETURN', materialId, warehouseId, binId: extra.binId ?? stock.level.binId, quantity, unitCost, workOrderId: order.id, note: extra.note, movedById: userId,
  });
}
