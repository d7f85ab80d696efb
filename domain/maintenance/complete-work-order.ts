// A technician completes his order by confirming what he did: labour hours, the failure on corrective
// orders (problem, cause, remedy) and the materials used. The report is kept beside the order
// (work_order_completions, recorded in the history) and the supervisor's closeout form starts from it.
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { canMove, transitionRefused, TRANSITIONS } from './work-order-lifecycle.js';
import { judgeWorkReport, WorkReportInput } from './work-report.js';
import { assertSafetyAllowsCompletion } from '../safety/work-order-safety.js';

export type CompletionInput = Prisma.JsonObject | Record<string, unknown>;

export async function completeWorkOrder(db: Db, ability: AppAbility, userId: number, workOrderId: number, rawInput: CompletionInput) {
  const input = WorkReportInput.parse(rawInput);
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkOrderWhereInput) => tx.workOrder.findFirst({ where });
  // The lock makes a second submit wait for the first, then see the order completed (refused, nothing more written).
  return changeAllowedRow(db, ability, { model: 'WorkOrder', id: workOrderId, rule: 'complete', read }, async (tx, order) => {
    if (!canMove(order.state, 'complete')) throw transitionRefused(order.state);
    // Safety (issue 23): not completed while a lock of its permits is still on.
    await assertSafetyAllowsCompletion(tx, order);
    const report = await judgeWorkReport(tx, order.kind, input);
    if (report.errors.length) throw new Refusal('completionRefused', {}, { fields: report.errors });

    const data = {
      laborHours: report.laborHours, ...report.failure, observations: report.observations,
      materials: report.materials.map((m) => ({ ...m })), reportedById: userId, reportedAt: new Date(),
    };
    await tx.workOrderCompletion.upsert({ where: { workOrderId }, create: { workOrderId, ...data }, update: data });
    return tx.workOrder.update({ where: { id: workOrderId }, data: { state: TRANSITIONS.complete.to, completedAt: new Date() } });
  });
}

/** The technician's report as the closeout form starts from it (empty when there is none). */
export async function completionReportOf(db: Db, workOrderId: number) {
  const completion = await db.workOrderCompletion.findUnique({ where: { workOrderId } });
  if (!completion) return null;
  const materials = (Array.isArray(completion.materials) ? completion.materials : []) as { description: string; quantity: number; unit: string }[];
  return {
    laborHours: completion.laborHours.toString(),
    problemId: completion.problemId ? String(completion.problemId) : '',
    causeId: completion.causeId ? String(completion.causeId) : '',
    remedyId: completion.remedyId ? String(completion.remedyId) : '',
    observations: completion.observations ?? '',
    materials: materials.map((m) => ({ description: m.description, quantity: String(m.quantity), unit: m.unit })),
  };
}
