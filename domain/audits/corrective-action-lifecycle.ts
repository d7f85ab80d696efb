// The moves of a corrective action, each its own rule (domain/access/abilities.ts): its owner starts it
// and marks it done saying what he did; the safety officer verifies its effectiveness (never the owner
// himself: the database refuses it too), sends it back when it was not effective, or cancels it with a
// reason. One transaction with the row locked, so two clicks at once take turns.
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import type { Db } from '../../prisma/client.js';
import { auditsRefused } from './audit-refusal.js';
import { canMoveAction, CORRECTIVE_ACTION_MOVES, type CorrectiveActionMove } from './corrective-action-states.js';

/** The note each move asks for, and the field it is written to: what was done, how effectiveness was
 * checked (or why it was not effective), why it is cancelled. */
const NOTE_OF: Partial<Record<CorrectiveActionMove, 'doneNote' | 'verificationNote' | 'cancelReason'>> = {
  complete: 'doneNote',
  verify: 'verificationNote',
  reopen: 'verificationNote',
  cancel: 'cancelReason',
};
const NOTE_LIMIT = { doneNote: 2000, verificationNote: 2000, cancelReason: 1000 };

export async function moveCorrectiveAction(db: Db, ability: AppAbility, userId: number, actionId: number, move: CorrectiveActionMove, input: { note?: unknown } = {}, now = new Date()) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.CorrectiveActionWhereInput) => tx.correctiveAction.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'CorrectiveAction', id: actionId, rule: move, read }, async (tx, action) => {
    if (!canMoveAction(action.state, move)) throw auditsRefused('actionWrongState', { number: action.number });
    if (move === 'verify' && action.ownerId === userId) throw auditsRefused('ownOwnAction', { number: action.number });
    const field = NOTE_OF[move];
    const note = typeof input.note === 'string' ? input.note.trim() : '';
    if (field && (!note || note.length > NOTE_LIMIT[field])) throw auditsRefused('noteMissing', { limit: NOTE_LIMIT[field] }, 'note');
    return tx.correctiveAction.update({
      where: { id: actionId },
      data: {
        state: CORRECTIVE_ACTION_MOVES[move].to,
        ...(field && { [field]: note }),
        ...(move === 'start' && { startedAt: now }),
        ...(move === 'complete' && { doneAt: now, startedAt: action.startedAt ?? now }),
        ...(move === 'verify' && { verifiedById: userId, verifiedAt: now }),
        ...(move === 'reopen' && { doneAt: null }),
        ...(move === 'cancel' && { cancelledAt: now }),
      },
    });
  });
}
