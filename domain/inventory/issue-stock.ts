// Issuing material to a work order, and taking back what it did not use. An issue takes first from what
// is reserved for that order, then from what is available (on hand − reserved for others); beyond that it
// is refused, unless the warehouse allows negative stock. A return gives back at most what the order got
// (issued − returned), at the cost it was issued at.
import { Prisma, type StockMovement, type WorkOrder } from '@prisma/client';
import { z } from 'zod';
import type { Db } from '../../prisma/client.js';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import { actorSettings, currentActor } from '../../prisma/actor.js';
import type { Tx } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import { ISSUING_STATES, orderForMaterials } from './order-for-materials.js';
import { constraintOf, insufficientStock, postMovement } from './post-movement.js';
import { id, judgeQuantity, optionalId, optionalText, shown, StockPlaceInput } from './stock-input.js';
import { materialName, withLockedStock, type LockedStock } from './stock-lock.js';

export const IssueInput = StockPlaceInput.extend({ workOrderId: id, binId: optionalId, quantity: z.unknown(), note: optionalText(500) });
export type IssueInput = z.input<typeof IssueInput>;

export async function issueToWorkOrder(db: Db, ability: AppAbility, userId: number, rawInput: IssueInput) {
  const input = IssueInput.parse(rawInput);
  const quantity = judgeQuantity(input.quantity);
  // The storeroom's busiest operation: where the actor's rules restrict no row (the plant's storeroom), the
  // issue is one statement. Its refusal of more than may be taken is named from the material and warehouse
  // read afterwards (no lock: nothing was written, the statement failed whole); any other refusal (an order
  // not open, a material or warehouse that does not exist) is asked again through the checked path below.
  const actor = currentActor();
  if (!actor?.readOnly && restrictsNoRow(ability)) {
    let refusedBeyond: Prisma.Decimal | null = null;
    const issued = await db.$queryRaw<StockMovement[]>`
      SELECT ${MOVEMENT_COLUMNS} FROM cmms_issue_stock(${input.materialId}::int, ${input.warehouseId}::int, ${input.workOrderId}::int, ${quantity.toString()}::numeric,
             ${input.binId ?? null}::int, ${input.note}::text, ${userId}::int, ${[...ISSUING_STATES]}::text[], ${actor ? actorSettings(actor).flat() : null}::text[])`.catch((error: unknown) => {
      if (constraintOf(error) === 'stock_issue_available_check') refusedBeyond = mayTakeOf(error);
      else if (!constraintOf(error)) throw error;
      return null;
    });
    if (issued?.[0]) return issued[0];
    if (refusedBeyond) {
      const [material, warehouse] = await Promise.all([db.material.findUnique({ where: { id: input.materialId } }), db.warehouse.findUnique({ where: { id: input.warehouseId } })]);
      if (material && warehouse) throw insufficientStock({ material, warehouse }, refusedBeyond, quantity);
    }
  }
  return withLockedStock(db, ability, 'issue', [input], async (tx, [stock]) => {
    const order = await orderForMaterials(tx, ability, input.workOrderId, ISSUING_STATES);
    return issueLocked(tx, stock!, order, quantity, userId, { binId: input.binId, note: input.note });
  });
}

/** Whether the rules an issue is checked against leave every row open (no site, no own-orders condition). */
function restrictsNoRow(ability: AppAbility): boolean {
  const open = (where: Record<string, unknown> | null) => where !== null && Object.keys(where).length === 0;
  return open(accessibleWhere(ability, 'issue', 'StockLevel')) && open(accessibleWhere(ability, 'read', 'Material')) &&
    open(accessibleWhere(ability, 'read', 'Warehouse')) && open(accessibleWhere(ability, 'read', 'WorkOrder'));
}

// The movement as Prisma reads it (camel-case fields, decimals as Decimal).
const MOVEMENT_COLUMNS = Prisma.raw(
  `id, kind, material_id AS "materialId", warehouse_id AS "warehouseId", bin_id AS "binId", quantity, unit_cost AS "unitCost", sequence,
   balance_after AS "balanceAfter", average_cost_after AS "averageCostAfter", work_order_id AS "workOrderId", other_warehouse_id AS "otherWarehouseId",
   counted_quantity AS "countedQuantity", source_document AS "sourceDocument", note, moved_by_id AS "movedById", moved_at AS "movedAt"`,
);

export async function returnFromWorkOrder(db: Db, ability: AppAbility, userId: number, rawInput: IssueInput) {
  const input = IssueInput.parse(rawInput);
  const quantity = judgeQuantity(input.quantity);
  return withLockedStock(db, ability, 'return', [input], async (tx, [stock]) => {
    const order = await orderForMaterials(tx, ability, input.workOrderId, ISSUING_STATES);
    return returnLocked(tx, stock!, order, quantity, userId, { binId: input.binId, note: input.note });
  });
}

/** An issue on a stock level already locked (also the closeout's, in its own transaction): the database's
 * cmms_issue_stock, whose refusal of more than may be taken comes back naming what is there. */
export async function issueLocked(tx: Tx, stock: LockedStock, order: WorkOrder, quantity: Prisma.Decimal, userId: number, extra: { binId?: number | null; note?: string | null } = {}) {
  const { materialId, warehouseId } = stock.level;
  try {
    const [movement] = await tx.$queryRaw<StockMovement[]>`
      SELECT ${MOVEMENT_COLUMNS} FROM cmms_issue_stock(${materialId}::int, ${warehouseId}::int, ${order.id}::int, ${quantity.toString()}::numeric,
             ${extra.binId ?? null}::int, ${extra.note ?? null}::text, ${userId}::int, ${[...ISSUING_STATES]}::text[])`;
    return movement!;
  } catch (error) {
    if (constraintOf(error) === 'stock_issue_available_check') throw insufficientStock(stock, mayTakeOf(error), quantity);
    if (constraintOf(error) === 'stock_issue_order_open_check') throw new Refusal('stockRefused_orderNotOpen', { number: order.number }, { field: 'workOrder' });
    throw error;
  }
}

/** "… may take 3: violates …": what the database said the issue could take. */
function mayTakeOf(error: unknown): Prisma.Decimal {
  const message = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: string } } }; message?: string });
  const text = message?.meta?.driverAdapterError?.cause?.originalMessage ?? message?.message ?? '';
  return new Prisma.Decimal(/may take (-?[\d.]+)/.exec(text)?.[1] ?? 0);
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
