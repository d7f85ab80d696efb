// A requisition goes DRAFT → SUBMITTED (its items are then locked by the database) → APPROVED or
// REJECTED. Approving and rejecting are for users whose rules allow it on that requisition: supervisors
// up to the approval limit of their profile (`total <= limit`, domain/access/abilities.ts), administrators.
// Above his limit, a supervisor with a direct manager signs his step and the requisition goes up to that
// manager, who decides it (or passes it up in turn). The final approval commits the total on its budget
// line: beyond what the line has left it is refused, unless the approver holds "aprobar sobregiro".
// Every step (escalated, approved, rejected) is signed with the approver's password, like a document
// revision (domain/users/confirm-password.ts), and kept with his address and browser (requisition_approvals).
import { notifyRequisitionSubmitted } from '../notifications/triggers/documents-and-requisitions.js';
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, asSubject, type AppAbility } from '../access/abilities.js';
import { changeAllowedRow, type Tx } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { approvalStepHash, type SignedStep } from './approval-signature.js';
import { amountIn, lockedLineAvailability, type Language, type LineAvailability } from './line-availability.js';
import { judgeOverspend, overdraftTolerancePercent } from './overspend.js';
import { confirmPassword, type PasswordThrottle } from '../users/confirm-password.js';

export type RequisitionDecision = 'submit' | 'approve' | 'reject';

const FROM: Record<RequisitionDecision, string> = { submit: 'DRAFT', approve: 'SUBMITTED', reject: 'SUBMITTED' };
const TO: Record<RequisitionDecision, string> = { submit: 'SUBMITTED', approve: 'APPROVED', reject: 'REJECTED' };
const RULE: Record<RequisitionDecision, 'update' | 'approve' | 'reject'> = { submit: 'update', approve: 'approve', reject: 'reject' };

type Reason = 'wrongState' | 'noItems' | 'overLimit' | 'overBudget' | 'overTolerance' | 'awaitingApprover' | 'managerMayNotApprove';
type PasswordReason = 'wrongPassword' | 'tooManyRequests' | 'signingUnavailable';

/** Why a decision is refused (message keys requisitionRefused_<reason>). */
const refused = (reason: Reason, params: Record<string, string | number> = {}) => new Refusal(`requisitionRefused_${reason}`, params, { field: 'state' });
/** Why the signature is refused: said beside the password field. */
const passwordRefused = (reason: PasswordReason) => new Refusal(`requisitionRefused_${reason}`, {}, { field: 'password', kind: reason === 'tooManyRequests' ? 'tooMany' : 'invalid' });

/** An approving or rejecting step is signed: the approver's password, where he signs from. */
export interface StepSignature {
  password: unknown;
  ip: string;
  userAgent: string;
}

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
  options: { language?: Language; signature?: StepSignature; throttle?: PasswordThrottle } = {},
): Promise<DecisionOutcome> {
  const language = options.language ?? 'es';
  const allowed = accessibleWhere(ability, RULE[decision], 'Requisition');
  if (!allowed) throw new AccessDeniedError(RULE[decision], 'Requisition');
  // Approving and rejecting are signed: the password first, under the sign-in throttle; a wrong one writes nothing.
  const signature = decision === 'submit' ? null : options.signature;
  if (decision !== 'submit') {
    if (!options.throttle || !signature) throw passwordRefused('signingUnavailable');
    await confirmPassword(db, options.throttle, { userId, password: signature.password, ip: signature.ip }, passwordRefused);
  }
  const signedFrom = { ip: signature?.ip.slice(0, 64) ?? null, userAgent: signature?.userAgent.slice(0, 500) ?? null };
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
        await signStep(tx, { requisitionId, approverId: userId, decision: 'ESCALATED', escalatedToId: manager.id, signedAt }, { total: requisition.total, line: null, overdraft: false, ...signedFrom });
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
      const judged = judgeOverspend(line, requisition.total, await overdraftTolerancePercent(tx));
      if (judged.needsOverdraftRight && !ability.can('overdraft', asSubject('BudgetLine', { id: line.lineId }))) {
        const figures = { line: line.name, total: amountIn(language, requisition.total), available: amountIn(language, line.available), shortfall: amountIn(language, judged.shortfall) };
        if (judged.tolerancePercent.isZero()) throw refused('overBudget', figures);
        throw refused('overTolerance', { ...figures, tolerance: amountIn(language, judged.tolerancePercent), tolerated: amountIn(language, judged.toleratedOverspend) });
      }
      // Overspent (within the tolerance, or under the right): the step says so.
      overdraft = judged.after.isNegative();
    }
    await signStep(tx, { requisitionId, approverId: userId, decision: decision === 'approve' ? 'APPROVED' : 'REJECTED', escalatedToId: null, signedAt }, { total: requisition.total, line, overdraft, ...signedFrom });
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

interface StepFigures {
  total: Prisma.Decimal;
  line: LineAvailability | null;
  overdraft: boolean;
  ip: string | null;
  userAgent: string | null;
}

async function signStep(tx: Tx, step: SignedStep, { total, line, overdraft, ip, userAgent }: StepFigures) {
  const sha256 = await approvalStepHash(tx, step);
  await tx.requisitionApproval.create({
    data: { ...step, total, availableBefore: line?.available ?? null, overdraft, sha256, ip, userAgent },
  });
}
