// Lockout/tagout of a permit's isolation points: each point is locked and tagged by a named person (lock
// number, time), then verified at zero energy ("prueba de energía cero"), and at the end removed, each
// step recorded with who and when. Technicians record their own locks on the permits of their orders
// (rule `lock` on PermitIsolation); a lock is removed by whoever put it on, or by the safety officer.
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import type { Db } from '../../prisma/client.js';
import { ISOLATING_PERMIT_STATES } from './permit-states.js';
import { safetyRefused } from './safety-refusal.js';

export type IsolationStep = 'lockPoint' | 'verifyZeroEnergy' | 'removeLock';

/** Where a point stands, for the buttons (the operation checks again). */
export function canTakeStep(isolation: { lockedAt?: unknown; verifiedAt?: unknown; removedAt?: unknown }, step: IsolationStep): boolean {
  const locked = !!isolation.lockedAt;
  if (isolation.removedAt) return false;
  if (step === 'lockPoint') return !locked;
  if (step === 'verifyZeroEnergy') return locked && !isolation.verifiedAt;
  return locked;
}

export async function takeIsolationStep(db: Db, ability: AppAbility, userId: number, isolationId: number, step: IsolationStep, input: { lockNumber?: unknown } = {}, now = new Date()) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.PermitIsolationWhereInput) =>
    tx.permitIsolation.findFirst({ where, include: { permit: { select: { state: true, number: true } } } });
  return changeAllowedRow(db, ability, { model: 'PermitIsolation', id: isolationId, rule: 'lock', read }, async (tx, isolation) => {
    if (!(ISOLATING_PERMIT_STATES as readonly string[]).includes(isolation.permit.state))
      throw safetyRefused('permitNotOpen', { number: isolation.permit.number, state: isolation.permit.state });
    if (isolation.removedAt) throw safetyRefused('alreadyRemoved');
    if (step === 'lockPoint') {
      if (isolation.lockedAt) throw safetyRefused('alreadyLocked');
      const lockNumber = typeof input.lockNumber === 'string' ? input.lockNumber.trim() : '';
      if (!lockNumber || lockNumber.length > 40) throw safetyRefused('lockNumberMissing', {}, 'lockNumber');
      return tx.permitIsolation.update({ where: { id: isolationId }, data: { lockNumber, lockedById: userId, lockedAt: now } });
    }
    if (!isolation.lockedAt) throw safetyRefused('notLocked');
    if (step === 'verifyZeroEnergy') {
      if (isolation.verifiedAt) throw safetyRefused('alreadyVerified');
      return tx.permitIsolation.update({ where: { id: isolationId }, data: { verifiedById: userId, verifiedAt: now } });
    }
    // Removing: the lock's owner, or whoever may close the permit (the safety officer), takes it off.
    if (isolation.lockedById !== userId && !ability.can('close', 'WorkPermit')) throw safetyRefused('notYourLock');
    return tx.permitIsolation.update({ where: { id: isolationId }, data: { removedById: userId, removedAt: now } });
  });
}
