// "Rechazar": a work request that will not become work (a duplicate, not a fault, out of scope) is closed
// as REJECTED with the reason the reviewer gives, so the person who filed it can read why. Only a request
// still waiting (open or in review) is rejected; who rejected it and when is its change history.
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { canConvert } from './convert-work-request.js';

/** The longest reason kept (the column's length). */
export const REJECTION_REASON_MAX = 1000;

/** A request is rejected in the same states it could be converted in: while it waits for someone. */
export const canReject = canConvert;

export async function rejectWorkRequest(db: Db, ability: AppAbility, workRequestId: number, input: { reason: unknown }) {
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason) throw new Refusal('workRequestRejectReasonRequired', {}, { field: 'reason' });
  if (reason.length > REJECTION_REASON_MAX) throw new Refusal('workRequestRejectReasonTooLong', { max: REJECTION_REASON_MAX }, { field: 'reason' });
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkRequestWhereInput) => tx.workRequest.findFirst({ where });
  // Locked: a rejection and a conversion at once take turns; the second sees the first's outcome.
  return changeAllowedRow(db, ability, { model: 'WorkRequest', id: workRequestId, rule: 'reject', read }, async (tx, request) => {
    if (!canReject(request.state)) throw new Refusal('workRequestNotRejectable', { state: request.state }, { field: 'reason' });
    return tx.workRequest.update({ where: { id: request.id }, data: { state: 'REJECTED', rejectionReason: reason } });
  });
}
