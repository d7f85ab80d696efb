// Closeout: a supervisor closes a COMPLETED order with its work report (work-report.ts: labour hours, the
// failure, observations, materials) and a value for every procedure step. One transaction writes the
// closure, the step values, the materials and the state; the order row is locked first, so a double submit
// finds it closed and writes nothing more. The form starts from the technician's completion report.
import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal, type FieldRefusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { judgeWorkReport, WorkReportInput } from './work-report.js';
import { isFieldRefusal, judgeStepValue, stepsOfOrder, writeStepValues, type JudgedValue } from './procedure-steps.js';
import { transitionRefused } from './work-order-lifecycle.js';
import { judgeUsedMaterials, settleMaterialsAtCloseout, UsedMaterialInput } from '../inventory/closeout-materials.js';

/** What the closeout form sends: the work report (work-report.ts) and the procedure steps' values. */
export const CloseoutInput = WorkReportInput.extend({
  steps: z.array(z.object({ procedureStepId: z.coerce.number().int(), value: z.union([z.string(), z.number(), z.boolean()]).nullish() })).default([]),
  // Storeroom materials (inventory): how much of each the order holds was used; the rest goes back.
  stock: z.array(UsedMaterialInput).default([]),
});
export type CloseoutInput = z.input<typeof CloseoutInput>;

/** An order is closed out once its work is completed. */
export const canClose = (state: string): boolean => state === 'COMPLETED';

export async function closeWorkOrder(db: Db, ability: AppAbility, userId: number, workOrderId: number, rawInput: CloseoutInput) {
  const input = CloseoutInput.parse(rawInput);
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkOrderWhereInput) => tx.workOrder.findFirst({ where });
  // The lock makes a second submit wait for the first, then see the order closed.
  return changeAllowedRow(db, ability, { model: 'WorkOrder', id: workOrderId, rule: 'close', read }, async (tx, order) => {
    if (order.state === 'CLOSED') throw new Refusal('workOrderAlreadyClosed', { number: order.number }, { field: 'state' });
    if (!canClose(order.state)) throw transitionRefused(order.state);

    const report = await judgeWorkReport(tx, order.kind, input);
    const errors: FieldRefusal[] = [...report.errors];

    // Every step needs a value: the one sent now, or the one the technician recorded.
    const recorded = new Map((await tx.workOrderStepValue.findMany({ where: { workOrderId } })).map((v) => [v.procedureStepId, v.value]));
    const sent = new Map(input.steps.map((s) => [s.procedureStepId, s.value]));
    const judged: JudgedValue[] = [];
    for (const step of await stepsOfOrder(tx, workOrderId)) {
      const value = sent.has(step.id) && String(sent.get(step.id) ?? '').trim() !== '' ? sent.get(step.id) : recorded.get(step.id);
      const result = judgeStepValue(step, value);
      if (isFieldRefusal(result)) errors.push(result);
      else judged.push(result);
    }

    const stock = judgeUsedMaterials(input.stock);
    errors.push(...stock.errors);
    if (errors.length) throw new Refusal('closeoutRefused', {}, { fields: errors });

    await writeStepValues(tx, workOrderId, judged, userId);
    const closure = await tx.workOrderClosure.create({
      data: { workOrderId, laborHours: report.laborHours, ...report.failure, observations: report.observations, closedById: userId },
    });
    if (report.materials.length) await tx.workOrderMaterial.createMany({ data: report.materials.map((m) => ({ workOrderId, ...m })) });
    await settleMaterialsAtCloseout(tx, ability, userId, order, stock.used);
    await tx.workOrder.update({ where: { id: workOrderId }, data: { state: 'CLOSED' } });
    return closure;
  });
}
