// The values recorded against a procedure's steps: parsed by the step's value type and judged against
// its limits. A value outside the limits is recorded as failed, not refused: the plant wants to know.
import type { Prisma, ProcedureStep } from '@prisma/client';
import { AccessDeniedError, asSubject, type AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal, type FieldRefusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { transitionRefused } from './work-order-lifecycle.js';

export interface StepValueInput {
  procedureStepId: number;
  value: string | number | boolean | null | undefined;
}

export interface JudgedValue {
  procedureStepId: number;
  value: string;
  passed: boolean | null;
}

const YES = ['true', 'si', 'sí', 'yes', 'ok', '1', 'cumple', 'pasa'];
const NO = ['false', 'no', '0', 'no cumple', 'falla'];

/** The procedure steps of an order: its routine's, for preventive orders; none for corrective ones (nor
 * for an order that does not exist: callers hold the order already). One query: read as the order's
 * schedule's routine's procedure's steps, Prisma sent five, one per step of the path. */
export async function stepsOfOrder(db: Prisma.TransactionClient | Db, workOrderId: number): Promise<ProcedureStep[]> {
  return (db as Prisma.TransactionClient).procedureStep.findMany({
    where: { procedure: { routines: { some: { schedules: { some: { workOrders: { some: { id: workOrderId } } } } } } } },
    orderBy: { position: 'asc' },
  });
}

/** Parses and judges one value; a FieldRefusal when it cannot be read as the step's type. */
export function judgeStepValue(step: ProcedureStep, raw: StepValueInput['value']): JudgedValue | FieldRefusal {
  const field = `steps.${step.id}`;
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  if (text === '') return { field, key: 'stepValueMissing', params: { position: step.position, instruction: step.instruction } };
  switch (step.valueType) {
    case 'NUMBER': {
      const normalized = text.replace(/\s/g, '').replace(',', '.');
      if (!/^-?\d+(\.\d+)?$/.test(normalized)) return { field, key: 'stepValueNotNumber', params: { position: step.position, value: text } };
      const n = Number(normalized);
      const passed = (step.minValue === null || n >= Number(step.minValue)) && (step.maxValue === null || n <= Number(step.maxValue));
      return { procedureStepId: step.id, value: normalized, passed };
    }
    case 'BOOLEAN': {
      const lower = text.toLowerCase();
      if (YES.includes(lower)) return { procedureStepId: step.id, value: 'true', passed: true };
      if (NO.includes(lower)) return { procedureStepId: step.id, value: 'false', passed: false };
      return { field, key: 'stepValueNotBoolean', params: { position: step.position, value: text } };
    }
    default:
      return { procedureStepId: step.id, value: text.slice(0, 500), passed: null };
  }
}

export const isFieldRefusal = (judged: JudgedValue | FieldRefusal): judged is FieldRefusal => 'key' in judged;

/** Writes judged values, keeping who recorded a value that did not change. */
export async function writeStepValues(tx: Prisma.TransactionClient, workOrderId: number, values: JudgedValue[], userId: number) {
  const existing = new Map(
    (await tx.workOrderStepValue.findMany({ where: { workOrderId } })).map((v) => [v.procedureStepId, v]),
  );
  for (const judged of values) {
    const before = existing.get(judged.procedureStepId);
    if (before && before.value === judged.value) continue;
    await tx.workOrderStepValue.upsert({
      where: { workOrderId_procedureStepId: { workOrderId, procedureStepId: judged.procedureStepId } },
      create: { workOrderId, procedureStepId: judged.procedureStepId, value: judged.value, passed: judged.passed, recordedById: userId },
      update: { value: judged.value, passed: judged.passed, recordedById: userId, recordedAt: new Date() },
    });
  }
}

/** While the order is being worked or awaits closing. */
export const RECORDABLE = ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED'];

/**
 * "Registrar pasos": the technician (or a supervisor) records values as the work goes; blank ones are
 * left for later. Only while the order is being worked or awaits closing.
 */
export async function recordStepValues(db: Db, ability: AppAbility, userId: number, workOrderId: number, inputs: StepValueInput[]) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkOrderWhereInput) => tx.workOrder.findFirst({ where, include: { shares: true } });
  const refusedAs = { action: 'create', subject: 'WorkOrderStepValue' };
  return changeAllowedRow(db, ability, { model: 'WorkOrder', id: workOrderId, rule: 'read', refusedAs, read }, async (tx, order) => {
    // The step-value rule is written on the order (a technician's own or shared ones): judged on it here.
    if (!ability.can('create', asSubject('WorkOrderStepValue', { workOrderId, workOrder: order }))) throw new AccessDeniedError('create', 'WorkOrderStepValue');
    if (!RECORDABLE.includes(order.state)) throw transitionRefused(order.state);
    const steps = new Map((await stepsOfOrder(tx, workOrderId)).map((s) => [s.id, s]));
    const errors: FieldRefusal[] = [];
    const judged: JudgedValue[] = [];
    for (const input of inputs) {
      const step = steps.get(Number(input.procedureStepId));
      if (!step) {
        errors.push({ field: `steps.${input.procedureStepId}`, key: 'stepNotInProcedure', params: {} });
        continue;
      }
      if (input.value === null || input.value === undefined || String(input.value).trim() === '') continue;
      const result = judgeStepValue(step, input.value);
      if (isFieldRefusal(result)) errors.push(result);
      else judged.push(result);
    }
    if (errors.length) throw new Refusal('stepsRefused', {}, { fields: errors });
    await writeStepValues(tx, workOrderId, judged, userId);
    return tx.workOrderStepValue.findMany({ where: { workOrderId }, orderBy: { procedureStepId: 'asc' } });
  });
}
