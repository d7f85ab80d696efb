// A requisition goes DRAFT → SUBMITTED (its items are then locked by the database) → APPROVED or
// REJECTED. Approving and rejecting are for users whose rules allow it on that requisition: supervisors
// up to the approval limit of their profile (`total <= limit`, domain/access/abilities.ts), administrators.
// Above his limit, a supervisor with a direct manager signs his step and the requisition goes up to that
// manager, who decides it (or passes it up in turn). The final approval commits the total on its budget
// line: beyond what the line has left it is refused, unless the approver holds "aprobar sobregiro".
// Every step (escalated, approved, rejected) is signed and kept (requisition_approvals).
import { notifyRequisitionSubmitted } from '../notifications/triggers/documents-and-requisitions.js';
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, asSubject, type AppAbility } from '../access/abilities.js';
import { changeAllowedRow, type Tx } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { approvalStepHash, type SignedStep } from './approval-signature.js';
import { amountIn, lockedLineAvailability, type Language, type LineAvailability } from './line-availability.js';

export type RequisitionDecision = 'submit' | 'approve' | 'reject';

const FROM: Record<RequisitionDecision, string> = { submit: 'DRAFT', approve: 'SUBMITTED', reject: 'SUBMITTED' };
const TO: Record<RequisitionDecision, string> = { submit: 'SUBMITTED', approve: 'APPROVED', reject: 'REJECTED' };
const RULE: Record<RequisitionDecision, 'update' | 'approve' | 'reject'> = { submit: 'update', approve: 'approve', reject: 'reject' };

type Reason = 'wrongState' | 'noItems' | 'overLimit' | 'overBudget' | 'awaitingApprover' | 'managerMayNotApprove';

/** Why a decision is refused (message keys requisitionRefused_<reason>). */
const refused = (reason: Reason, params: Record<string, string | number> = {}) => new Refusal(`requisitionRefused_${reason}`, params, { field: 'state' });

export function canDecide(state: string, decision: RequisitionDecision): boolean {
  return FROM[decision] === state;
}

/** What became of the requisition: decided, or escalated to the next level (whose name is given). */
export type DecisionOutcome = { requisition: Prisma.RequisitionGetPayload<object>; escalatedTo: string | null };

export async function decideRequisition(
  db: Db,
  ability: AppAbility,
  userId: number,
  requisitionId: number,
  decision: RequisitionDecision,
  options: { language?: Language } = {},
): Promise<DecisionOutcome> {
  const language = options.language ?? 'es';
  const allowed = accessibleWhere(ability, RULE[decision], 'Requisition');
  if (!allowed) throw new AccessDeniedError(RULE[decision], 'Requisition');
  const read = (tx: Prisma.TransactionClient, where: Prisma.RequisitionWhereInput) =>
    tx.requisition.findFirst({ where, include: { _count: { select: { items: true } }, awaitingApprover: { select: { name: true } } } });
  const refusedAs = { action: RULE[decision], subject: 'Requisition' };
  // Locked: a decision and a change of items (or another decision) take turns.
  return changeAllowedRow(db, ability, { model: 'Requisition', id: requisitionId, rule: 'read', refusedAs, read }, async (tx, requisition) => {
    if (!canDecide(requisition.state, decision)) throw refused('wrongState', { state: requisition.state });
    if (decision === 'submit' && requisition._count.items === 0) throw refused('noItems');
    const mayDecide = await tx.requisition.count({ where: { AND: [{ id: requisitionId }, allowed as Prisma.RequisitionWhereInput] } });
    if (!mayDecide) {
      if (decision === 'submit') throw new AccessDeniedError(RULE[decision], 'Requisition');
      // Escalated to someone else: his to decide now.
      if (requisition.awaitingApprover && requisition.awaitingApproverId !== userId) throw refused('awaitingApprover', { approver: requisition.awaitingApprover.name });
      // He may approve some requisitions, not this one: its total is over his limit.
      throw refused('overLimit', { total: requisition.total.toFixed(2) });
    }
    if (decision === 'submit') {
      const submitted = await tx.requisition.update({ where: { id: requisitionId }, data: { state: 'SUBMITTED' } });
      // Those who may approve it are told, with the submission (issue 18).
      await notifyRequisitionSubmitted(tx, requisitionId);
      return { requisition: submitted, escalatedTo: null };
    }
    const signedAt = new Date();
    if (decision === 'approve') {
      const manager = await nextLevel(tx, ability, userId, requisition.total);
      if (manager) {
        await signStep(tx, { requisitionId, approverId: userId, decision: 'ESCALATED', escalatedToId: manager.id, signedAt }, requisition.total, null, false);
        const escalated = await tx.requisition.update({ where: { id: requisitionId }, data: { awaitingApproverId: manager.id } });
        return { requisition: escalated, escalatedTo: manager.name };
      }
    }
    // The final decision. Approving commits the total on its line: the line is locked, so two approvals
    // racing for what is left take turns and the second is judged on what the first committed.
    let line: LineAvailability | null = null;
    let overdraft = false;
    if (decision === 'approve' && requisition.budgetLineId !== null) {
      line = await lockedLineAvailability(tx, requisition.budgetLineId, language);
      if (requisition.total.gt(line.available)) {
        if (!ability.can('overdraft', asSubject('BudgetLine', { id: line.lineId }))) {
          const shortfall = requisition.total.minus(notBelowZero(line.available));
          throw refused('overBudget', { line: line.name, total: amountIn(language, requisition.total), available: amountIn(language, line.available), shortfall: amountIn(language, shortfall) });
        }
        overdraft = true;
      }
    }
    await signStep(tx, { requisitionId, approverId: userId, decision: decision === 'approve' ? 'APPROVED' : 'REJECTED', escalatedToId: null, signedAt }, requisition.total, line, overdraft);
    const decided = await tx.requisition.update({
      where: { id: requisitionId },
      data: { state: TO[decision], awaitingApproverId: null, ...(decision === 'approve' && { approvedById: userId, approvedAt: signedAt }) },
    });
    return { requisition: decided, escalatedTo: null };
  });
}

/** Over the approver's own limit, the direct manager who decides next; null when he decides himself
 * (within his limit, or an administrator). Refused when there is no one above him who may approve. */
async function nextLevel(tx: Tx, ability: AppAbility, userId: number, total: Prisma.Decimal) {
  if (ability.can('manage', 'all')) return null;
  const profile = await tx.userProfile.findUnique({
    where: { userId },
    select: { canApproveRequisitions: true, approvalLimit: true, directManager: { select: { id: true, name: true, isActive: true, profile: { select: { canApproveRequisitions: true } } } } },
  });
  if (profile?.canApproveRequisitions && total.lte(profile.approvalLimit)) return null;
  const manager = profile?.directManager;
  if (!manager) throw refused('overLimit', { total: total.toFixed(2) });
  if (!manager.isActive || !manager.profile?.canApproveRequisitions) throw refused('managerMayNotApprove', { manager: manager.name });
  return manager;
}

async function signStep(tx: Tx, step: SignedStep, total: Prisma.Decimal, line: LineAvailability | null, overdraft: boolean) {
  const sha256 = await approvalStepHash(tx, step);
  await tx.requisitionApproval.create({
    data: { ...step, total, availableBefore: line?.available ?? null, overdraft, sha256 },
  });
}

/** What the line lacks is measured from zero when it is already overspent. */
const notBelowZero = (value: Prisma.Decimal) => (value.isNegative() ? value.mul(0) : value);
