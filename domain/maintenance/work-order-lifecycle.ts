// The life of a work order: PENDING → ASSIGNED → IN_PROGRESS ⇄ ON_HOLD → COMPLETED → CLOSED, or CANCELLED.
// Each move is its own permission (domain/access/abilities.ts) and is checked here, on the server, inside
// one transaction; a plain edit of the record cannot change the state (admin/adapter/model-settings.ts).
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { releaseReservationsOf } from '../inventory/reservation-release.js';
import { assertSafetyAllowsCompletion, assertSafetyAllowsStart } from '../safety/work-order-safety.js';

export type WorkOrderState = 'PENDING' | 'ASSIGNED' | 'IN_PROGRESS' | 'ON_HOLD' | 'COMPLETED' | 'CLOSED' | 'CANCELLED';

/** Orders still to be done: the backlog, the dashboard's "open orders", what can be cancelled. */
export const OPEN_WORK_ORDER_STATES = ['PENDING', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'] as const satisfies readonly WorkOrderState[];

/** Moves people make with one click. Assigning picks a technician; closing goes through the closeout. */
export const TRANSITIONS = {
  start: { from: ['ASSIGNED'], to: 'IN_PROGRESS' },
  hold: { from: ['IN_PROGRESS'], to: 'ON_HOLD' },
  resume: { from: ['ON_HOLD'], to: 'IN_PROGRESS' },
  complete: { from: ['IN_PROGRESS'], to: 'COMPLETED' },
  cancel: { from: OPEN_WORK_ORDER_STATES, to: 'CANCELLED' },
} as const satisfies Record<string, { from: readonly WorkOrderState[]; to: WorkOrderState }>;

export type Transition = keyof typeof TRANSITIONS;

/** The order is not in a state that allows the move (assign, record steps and close included). */
export const transitionRefused = (from: string) => new Refusal('transitionRefused', { from }, { field: 'state' });

export function canMove(state: string, transition: Transition): boolean {
  return (TRANSITIONS[transition].from as readonly string[]).includes(state);
}

export async function moveWorkOrder(db: Db, ability: AppAbility, workOrderId: number, transition: Transition) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkOrderWhereInput) => tx.workOrder.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'WorkOrder', id: workOrderId, rule: transition, read }, async (tx, order) => {
    if (!canMove(order.state, transition)) throw transitionRefused(order.state);
    // Safety (issue 23): no work under way without the permits its asset requires, no completion with locks on.
    if (transition === 'start' || transition === 'resume') await assertSafetyAllowsStart(tx, order);
    if (transition === 'complete') await assertSafetyAllowsCompletion(tx, order);
    // A cancelled order holds no material any more.
    if (transition === 'cancel') await releaseReservationsOf(tx, workOrderId);
    const now = new Date();
    return tx.workOrder.update({
      where: { id: workOrderId },
      data: {
        state: TRANSITIONS[transition].to,
        ...(transition === 'start' && !order.startedAt && { startedAt: now }),
        ...(transition === 'complete' && { completedAt: now }),
      },
    });
  });
}
