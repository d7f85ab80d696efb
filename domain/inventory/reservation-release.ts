// An order that is cancelled or closed holds nothing any more: its open reservations are released in the
// transaction that moves it (work-order-lifecycle.ts, close-work-order.ts).
import type { Tx } from '../access/allowed-row.js';

export async function releaseReservationsOf(tx: Tx, workOrderId: number): Promise<number> {
  const { count } = await tx.reservation.updateMany({ where: { workOrderId, state: 'OPEN' }, data: { state: 'RELEASED' } });
  return count;
}
