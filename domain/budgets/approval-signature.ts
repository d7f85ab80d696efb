// The signature of one approval step: a SHA-256 over what the approver decided on (the requisition's
// number, total, budget line and items, his decision, who he is and when), so a later change to any of
// them no longer matches the step it was approved in. Stored with the step (requisition_approvals).
import { createHash } from 'node:crypto';
import type { Tx } from '../access/allowed-row.js';

export interface SignedStep {
  requisitionId: number;
  approverId: number;
  decision: 'ESCALATED' | 'APPROVED' | 'REJECTED';
  escalatedToId: number | null;
  signedAt: Date;
}

export async function approvalStepHash(tx: Tx, step: SignedStep): Promise<string> {
  const requisition = await tx.requisition.findUniqueOrThrow({
    where: { id: step.requisitionId },
    select: { number: true, title: true, total: true, budgetLineId: true, items: { orderBy: { id: 'asc' }, select: { description: true, quantity: true, unit: true, unitPrice: true } } },
  });
  const signed = {
    number: requisition.number,
    title: requisition.title,
    total: requisition.total.toFixed(2),
    budgetLineId: requisition.budgetLineId,
    items: requisition.items.map((item) => [item.description, item.quantity.toFixed(3), item.unit, item.unitPrice.toFixed(2)]),
    approverId: step.approverId,
    decision: step.decision,
    escalatedToId: step.escalatedToId,
    signedAt: step.signedAt.toISOString(),
  };
  return createHash('sha256').update(JSON.stringify(signed)).digest('hex');
}
