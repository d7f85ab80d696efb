// Reserving material for a work order (a supervisor for a corrective order; preventive generation from
// the routine's bill of materials, bill-of-materials.ts) and releasing it. What is reserved is counted in
// the stock level by the database (trigger on reservations), which refuses to reserve beyond what is
// available unless the warehouse allows negative stock.
import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import type { Db } from '../../prisma/client.js';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import { orderForMaterials, RESERVING_STATES } from './order-for-materials.js';
import { insufficientStock } from './post-movement.js';
import { id, judgeQuantity, StockPlaceInput } from './stock-input.js';
import { withLockedStock } from './stock-lock.js';

export const ReservationInput = StockPlaceInput.extend({ workOrderId: id, quantity: z.unknown() });
export type ReservationInput = z.input<typeof ReservationInput>;

export async function reserveForWorkOrder(db: Db, ability: AppAbility, userId: number, rawInput: ReservationInput) {
  const input = ReservationInput.parse(rawInput);
  const quantity = judgeQuantity(input.quantity);
  return withLockedStock(db, ability, 'reserve', [input], async (tx, [stock]) => {
    const order = await orderForMaterials(tx, ability, input.workOrderId, RESERVING_STATES);
    if (!stock!.material.isActive) throw new Refusal('stockRefused_inactiveMaterial', { material: stock!.material.code }, { field: 'material' });
    const available = stock!.level.onHand.minus(stock!.level.reserved);
    if (!stock!.warehouse.allowNegativeStock && quantity.gt(available)) throw insufficientStock(stock!, available.lt(0) ? 0 : available, quantity);
    return tx.reservation.create({
      data: { materialId: input.materialId, warehouseId: input.warehouseId, workOrderId: order.id, quantity, requested: quantity, reservedById: userId },
    });
  });
}

/** "Liberar": what is still held goes back to available. */
export async function releaseReservation(db: Db, ability: AppAbility, reservationId: number) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.ReservationWhereInput) => tx.reservation.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'Reservation', id: reservationId, rule: 'release', read }, async (tx, reservation) => {
    if (reservation.state !== 'OPEN') throw new Refusal('stockRefused_reservationClosed', {}, { field: 'state' });
    return tx.reservation.update({ where: { id: reservationId }, data: { state: 'RELEASED' } });
  });
}

export const canRelease = (state: string): boolean => state === 'OPEN';
