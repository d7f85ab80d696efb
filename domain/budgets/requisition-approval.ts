// A requisition goes DRAFT → SUBMITTED (its items are then locked by the database) → APPROVED or
// REJECTED. Approving and rejecting are for users whose rules allow it on that requisition: supervisors
// up to the approval limit of their profile (`total <= limit`, domain/access/abilities.ts), administrators.
import { notifyRequisitionSubmitted } from '../notifications/triggers/documents-and-requisitions.js';
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';

export type RequisitionDecision = 'submit' | 'approve' | 'reject';

const FROM: Record<RequisitionDecision, string> = { submit: 'DRAFT', approve: 'SUBMITTED', reject: 'SUBMITTED' };
const TO: Record<RequisitionDecision, string> = { submit: 'SUBMITTED', approve: 'APPROVED', reject: 'REJECTED' };
const RULE: Record<RequisitionDecision, 'update' | 'approve' | 'reject'> = { submit: 'update', approve: 'approve', reject: 'reject' };

/** Why a decision is refused (message keys requisitionRefused_<reason>). */
const refused = (reason: 'wrongState' | 'noItems' | 'overLimit', params: Record<string, string | number> = {}) =>
  new Refusal(`requisitionRefused_${reason}`, params, { field: 'state' });

export function canDecide(state: string, decision: RequisitionDecision): boolean {
  return FROM[decision] === state;
}

export async function decideRequisition(db: Db, ability: AppAbility, userId: number, requisitionId: number, decision: RequisitionDecision) {
  const allowed = accessibleWhere(ability, RULE[decision], 'Requisition');
  if (!allowed) throw new AccessDeniedError(RULE[decision], 'Requisition');
  const read = (tx: Prisma.TransactionClient, where: Prisma.RequisitionWhereInput) => tx.requisition.findFirst({ where, include: { _count: { select: { items: true } } } });
  const refusedAs = { action: RULE[decision], subject: 'Requisition' };
  // Locked: a decision and a change of items (or another decision) take turns.
  return changeAllowedRow(db, ability, { model: 'Requisition', id: requisitionId, rule: 'read', refusedAs, read }, async (tx, requisition) => {
    if (!canDecide(requisition.state, decision)) throw refused('wrongState', { state: requisition.state });
    if (decision === 'submit' && requisition._count.items === 0) throw refused('noItems');
    const mayDecide = await tx.requisition.count({ where: { AND: [{ id: requisitionId }, allowed as Prisma.RequisitionWhereInput] } });
    if (!mayDecide) {
      // He may approve some requisitions, not this one: its total is over his limit.
      if (decision !== 'submit') throw refused('overLimit', { total: requisition.total.toFixed(2) });
      throw new AccessDeniedError(RULE[decision], 'Requisition');
    }
    const decided = await tx.requisition.update({
      where: { id: requisitionId },
      data: { state: TO[decision], ...(decision === 'approve' && { approvedById: userId, approvedAt: new Date() }) },
    });
    // Those who may approve it are told, with the submission (issue 18).
    if (decision === 'submit') await notifyRequisitionSubmitted(tx, requisitionId);
    return decided;
  });
}
