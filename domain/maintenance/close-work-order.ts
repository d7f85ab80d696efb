// Closeout: a supervisor closes a COMPLETED order with its labour hours, the failure (problem, cause,
// remedy: required on corrective orders), a value for every procedure step, observations and the
// materials used. One transaction writes the closure, the step values, the materials and the state; the
// order row is locked first, so a double submit finds it closed and writes nothing more.
import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal, type FieldRefusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { isFieldRefusal, judgeStepValue, stepsOfOrder, writeStepValues, type JudgedValue } from './procedure-steps.js';
import { transitionRefused } from './work-order-lifecycle.js';

const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? undefined : v), z.coerce.number().int().positive().optional());

/** What the closeout form sends; loose on purpose (strings from forms), judged field by field below. */
export const CloseoutInput = z.object({
  laborHours: z.union([z.string(), z.number()]).optional(),
  problemId: optionalId,
  causeId: optionalId,
  remedyId: optionalId,
  observations: z.string().optional(),
  steps: z.array(z.object({ procedureStepId: z.coerce.number().int(), value: z.union([z.string(), z.number(), z.boolean()]).nullish() })).default([]),
  materials: z.array(z.object({ description: z.string().default(''), quantity: z.union([z.string(), z.number()]).optional(), unit: z.string().default('') })).default([]),
});
export type CloseoutInput = z.input<typeof CloseoutInput>;

/** An order is closed out once its work is completed. */
export const canClose = (state: string): boolean => state === 'COMPLETED';

const decimal = (raw: string | number | undefined) => {
  const text = raw === undefined ? '' : String(raw).trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
};

export async function closeWorkOrder(db: Db, ability: AppAbility, userId: number, workOrderId: number, rawInput: CloseoutInput) {
  const input = CloseoutInput.parse(rawInput);
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkOrderWhereInput) => tx.workOrder.findFirst({ where });
  // The lock makes a second submit wait for the first, then see the order closed.
  return changeAllowedRow(db, ability, { model: 'WorkOrder', id: workOrderId, rule: 'close', read }, async (tx, order) => {
    if (order.state === 'CLOSED') throw new Refusal('workOrderAlreadyClosed', { number: order.number }, { field: 'state' });
    if (!canClose(order.state)) throw transitionRefused(order.state);

    const errors: FieldRefusal[] = [];
    const laborHours = decimal(input.laborHours);
    if (laborHours === null || laborHours <= 0 || laborHours > 999_999)
      errors.push({ field: 'laborHours', key: 'closeoutLaborHours', params: { value: String(input.laborHours ?? '') } });
    errors.push(...(await checkFailure(tx, order.kind, input)));
    if ((input.observations ?? '').length > 4000) errors.push({ field: 'observations', key: 'closeoutObservationsTooLong', params: { max: 4000 } });

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

    const materials = input.materials
      .map((m, index) => ({ ...m, index, description: m.description.trim(), unit: m.unit.trim() }))
      .filter((m) => m.description !== '' || String(m.quantity ?? '').trim() !== '' || m.unit !== '');
    for (const m of materials) {
      const row = m.index + 1;
      if (!m.description) errors.push({ field: `materials.${m.index}.description`, key: 'closeoutMaterialDescription', params: { row } });
      if (m.description.length > 200) errors.push({ field: `materials.${m.index}.description`, key: 'closeoutMaterialDescriptionTooLong', params: { row, max: 200 } });
      const quantity = decimal(m.quantity);
      if (quantity === null || quantity <= 0) errors.push({ field: `materials.${m.index}.quantity`, key: 'closeoutMaterialQuantity', params: { row, value: String(m.quantity ?? '') } });
      if (!m.unit || m.unit.length > 20) errors.push({ field: `materials.${m.index}.unit`, key: 'closeoutMaterialUnit', params: { row } });
    }
    if (errors.length) throw new Refusal('closeoutRefused', {}, { fields: errors });

    await writeStepValues(tx, workOrderId, judged, userId);
    const closure = await tx.workOrderClosure.create({
      data: {
        workOrderId, laborHours: laborHours!, problemId: input.problemId ?? null, causeId: input.causeId ?? null, remedyId: input.remedyId ?? null,
        observations: input.observations?.trim() || null, closedById: userId,
      },
    });
    if (materials.length)
      await tx.workOrderMaterial.createMany({
        data: materials.map((m) => ({ workOrderId, description: m.description, quantity: decimal(m.quantity)!, unit: m.unit })),
      });
    await tx.workOrder.update({ where: { id: workOrderId }, data: { state: 'CLOSED' } });
    return closure;
  });
}

/** Problem → cause under it → remedy under that cause; all three on corrective orders. */
async function checkFailure(tx: Prisma.TransactionClient, kind: string, input: z.output<typeof CloseoutInput>): Promise<FieldRefusal[]> {
  const levels = [
    { field: 'problemId', kind: 'PROBLEM', id: input.problemId, parentId: undefined as number | undefined },
    { field: 'causeId', kind: 'CAUSE', id: input.causeId, parentId: input.problemId },
    { field: 'remedyId', kind: 'REMEDY', id: input.remedyId, parentId: input.causeId },
  ];
  const ids = levels.map((l) => l.id).filter((id): id is number => id !== undefined);
  const codes = new Map((await tx.failureCode.findMany({ where: { id: { in: ids } } })).map((c) => [c.id, c]));
  const errors: FieldRefusal[] = [];
  for (const level of levels) {
    if (level.id === undefined) {
      if (kind === 'CORRECTIVE') errors.push({ field: level.field, key: `closeoutFailureRequired_${level.kind}`, params: {} });
      continue;
    }
    const code = codes.get(level.id);
    if (!code || code.kind !== level.kind) errors.push({ field: level.field, key: `closeoutFailureWrongKind_${level.kind}`, params: {} });
    else if (level.parentId !== undefined && code.parentId !== level.parentId)
      errors.push({ field: level.field, key: `closeoutFailureNotUnder_${level.kind}`, params: { code: code.code } });
    else if (level.parentId === undefined && level.kind !== 'PROBLEM')
      errors.push({ field: level.field, key: `closeoutFailureNotUnder_${level.kind}`, params: { code: code.code } });
  }
  return errors;
}
