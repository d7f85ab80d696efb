// A requisition goes DRAFT → SUBMITTED (its items are then locked by the database) → APPROVED or
// REJECTED. Approving and rejecting are for users whose rules allow it on that requisition: supervisors
// up to the approval limit of their profile (`total <= limit`, domain/access/abilities.ts), administrators.
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';

export type RequisitionDecision = 'submit' | 'approve' | 'reject';

const FROM: Record<RequisitionDecision, string> = { submit: 'DRAFT', approve: 'SUBMITTED', reject: 'SUBMITTED' };
const TO: Record<RequisitionDecision, string> = { submit: 'SUBMITTED', approve: 'APPROVED', reject: 'REJECTED' };
const RULE: Record<RequisitionDecision, 'update' | 'approve' | 'reject'> = { submit: 'update', approve: 'approve', reject: 'reject' };

export class RequisitionRefusedError extends Error {
  constructor(
    readonly reason: 'wrongState' | 'noItems' | 'overLimit',
    readonly params: Record<string, string | number> = {},
  ) {
    super(`requisition refused: ${reason}`);
    this.name = 'RequisitionRefusedError';
  }
}

export function canDecide(state: string, decision: RequisitionDecision): boolean {
  return FROM[decision] === state;
}

export async function decideRequisition(db: Db, ability: AppAbility, userId: number, requisitionId: number, decision: RequisitionDecision) {
  const readable = accessibleWhere(ability, 'read', 'Requisition');
  const allowed = accessibleWhere(ability, RULE[decision], 'Requisition');
  if (!readable || !allowed) throw new AccessDeniedError(RULE[decision], 'Requisition');
  return db.transactionAs(async (tx) => {
    // Locked: a decision and a change of items (or another decision) take turns.
    await tx.$queryRaw`SELECT id FROM requisitions WHERE id = ${requisitionId} FOR UPDATE`;
    const requisition = await tx.requisition.findFirst({ where: { AND: [{ id: requisitionId }, readable as Prisma.RequisitionWhereInput] }, include: { _count: { select: { items: true } } } });
    if (!requisition) throw new AccessDeniedError(RULE[decision], 'Requisition');
    if (!canDecide(requisition.state, decision)) throw new RequisitionRefusedError('wrongState', { state: requisition.state });
    if (decision === 'submit' && requisition._count.items === 0) throw new RequisitionRefusedError('noItems');
    const mayDecide = await tx.requisition.count({ where: { AND: [{ id: requisitionId }, allowed as Prisma.RequisitionWhereInput] } });
    if (!mayDecide) {
      // He may approve some requisitions, not this one: its total is over his limit.
      if (decision !== 'submit') throw new RequisitionRefusedError('overLimit', { total: requisition.total.toFixed(2) });
      throw new AccessDeniedError(RULE[decision], 'Requisition');
    }
    return tx.requisition.update({
      where: { id: requisitionId },
      data: { state: TO[decision], ...(decision === 'approve' && { approvedById: userId, approvedAt: new Date() }) },
    });
  });
}
