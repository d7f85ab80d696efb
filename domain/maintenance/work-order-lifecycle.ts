// The life of a work order: PENDING → ASSIGNED → IN_PROGRESS ⇄ ON_HOLD → COMPLETED → CLOSED, or CANCELLED.
// Each move is its own permission (domain/access/abilities.ts) and is checked here, on the server, inside
// one transaction; a plain edit of the record cannot change the state (admin/adapter/model-settings.ts).
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';

export type WorkOrderState = 'PENDING' | 'ASSIGNED' | 'IN_PROGRESS' | 'ON_HOLD' | 'COMPLETED' | 'CLOSED' | 'CANCELLED';

/** Moves people make with one click. Assigning picks a technician; closing goes through the closeout. */
export const TRANSITIONS = {
  start: { from: ['ASSIGNED'], to: 'IN_PROGRESS' },
  hold: { from: ['IN_PROGRESS'], to: 'ON_HOLD' },
  resume: { from: ['ON_HOLD'], to: 'IN_PROGRESS' },
  complete: { from: ['IN_PROGRESS'], to: 'COMPLETED' },
  cancel: { from: ['PENDING', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'], to: 'CANCELLED' },
} as const satisfies Record<string, { from: readonly WorkOrderState[]; to: WorkOrderState }>;

export type Transition = keyof typeof TRANSITIONS;

export class TransitionRefusedError extends Error {
  constructor(
    readonly transition: Transition | 'assign' | 'close' | 'recordSteps',
    readonly from: string,
  ) {
    super(`A work order in state ${from} cannot ${transition}`);
    this.name = 'TransitionRefusedError';
  }
}

export function canMove(state: string, transition: Transition): boolean {
  return (TRANSITIONS[transition].from as readonly string[]).includes(state);
}

export async function moveWorkOrder(db: Db, ability: AppAbility, workOrderId: number, transition: Transition) {
  const allowed = accessibleWhere(ability, transition, 'WorkOrder');
  if (!allowed) throw new AccessDeniedError(transition, 'WorkOrder');
  const { to } = TRANSITIONS[transition];
  return db.transactionAs(async (tx) => {
    const order = await tx.workOrder.findFirst({ where: { AND: [{ id: workOrderId }, allowed as Prisma.WorkOrderWhereInput] } });
    if (!order) throw new AccessDeniedError(transition, 'WorkOrder');
    if (!canMove(order.state, transition)) throw new TransitionRefusedError(transition, order.state);
    const now = new Date();
    // Guarded by the state read above: of two clicks at once, the second finds the state moved on.
    const moved = await tx.workOrder.updateMany({
      where: { id: workOrderId, state: order.state },
      data: {
        state: to,
        ...(transition === 'start' && !order.startedAt && { startedAt: now }),
        ...(transition === 'complete' && { completedAt: now }),
      },
    });
    if (moved.count !== 1) throw new TransitionRefusedError(transition, order.state);
    return tx.workOrder.findUniqueOrThrow({ where: { id: workOrderId } });
  });
}
