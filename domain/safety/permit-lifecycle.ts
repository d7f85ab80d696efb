// The moves of a work permit that need no signature: request it, activate it (all isolations verified,
// gas test within limits), suspend it, cancel it. Approving and closing are signed: permit-signing.ts.
// Each move is its own rule (domain/access/abilities.ts), checked here in one transaction with the
// permit row locked, so two clicks at once take turns.
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import type { Db } from '../../prisma/client.js';
import { linesOf, type PermitState } from './permit-states.js';
import { appliedIsolations, assertReadyToActivate, assertReadyToRequest } from './permit-readiness.js';
import { safetyRefused } from './safety-refusal.js';

export const PERMIT_MOVES = {
  request: { from: ['DRAFT'], to: 'REQUESTED' },
  activate: { from: ['APPROVED', 'SUSPENDED'], to: 'ACTIVE' },
  suspend: { from: ['ACTIVE'], to: 'SUSPENDED' },
  cancel: { from: ['DRAFT', 'REQUESTED', 'APPROVED', 'SUSPENDED'], to: 'CANCELLED' },
} as const satisfies Record<string, { from: readonly PermitState[]; to: PermitState }>;

export type PermitMove = keyof typeof PERMIT_MOVES;

export function canMovePermit(state: string, move: PermitMove): boolean {
  return (PERMIT_MOVES[move].from as readonly string[]).includes(state);
}

/** `precautions`: on request, the checks the requester confirms now (one a line), kept on the permit. */
export async function movePermit(db: Db, ability: AppAbility, userId: number, permitId: number, move: PermitMove, input: { precautions?: unknown } = {}, now = new Date()) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkPermitWhereInput) => tx.workPermit.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'WorkPermit', id: permitId, rule: move, read }, async (tx, permit) => {
    if (!canMovePermit(permit.state, move)) throw safetyRefused('wrongState', { state: permit.state });
    if (move === 'request') {
      // One check a line, however the form sent its line breaks.
      const precautions = typeof input.precautions === 'string' ? linesOf(input.precautions).join('\n').slice(0, 4000) : permit.precautions;
      await assertReadyToRequest(tx, { ...permit, precautions }, now);
      if (precautions !== permit.precautions) await tx.workPermit.update({ where: { id: permitId }, data: { precautions } });
    }
    if (move === 'activate') await assertReadyToActivate(tx, permit, now);
    if (move === 'cancel') {
      // A lock left on a cancelled permit would be nobody's: take them off first.
      const applied = await appliedIsolations(tx, { permitId });
      if (applied.length) throw safetyRefused('isolationsApplied', { points: applied.join(', ') });
    }
    // A suspended permit stops the work it covers: the order goes on hold, as when a permit expires.
    if (move === 'suspend') await tx.workOrder.updateMany({ where: { id: permit.workOrderId, state: 'IN_PROGRESS' }, data: { state: 'ON_HOLD' } });
    return tx.workPermit.update({
      where: { id: permitId },
      data: {
        state: PERMIT_MOVES[move].to,
        ...(move === 'request' && { requestedById: userId, requestedAt: now }),
        ...(move === 'activate' && { activatedAt: now, suspendedAt: null, suspensionReason: null }),
        ...(move === 'suspend' && { suspendedAt: now, suspensionReason: 'MANUAL' }),
        ...(move === 'cancel' && { cancelledAt: now }),
      },
    });
  });
}
