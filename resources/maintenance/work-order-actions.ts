// The lifecycle moves of a work order as AdminJS record actions, one per move, each with its own rule;
// and the workflow steps that need a form: assigning a technician, recording step values, the closeout.
import { parseRecordId } from '../../domain/record-id.js';
import type { Action, ActionResponse } from 'adminjs';
import { Components } from '../../admin/component-loader.js';
import type { AppAbility } from '../../domain/access/abilities.js';
import { assignableTechnicians, assignWorkOrder, ASSIGNABLE } from '../../domain/maintenance/assign-work-order.js';
import { canClose, closeWorkOrder, type CloseoutInput } from '../../domain/maintenance/close-work-order.js';
import { completeWorkOrder, completionReportOf } from '../../domain/maintenance/complete-work-order.js';
import { closeoutStockLines } from '../../domain/inventory/closeout-stock-lines.js';
import { workloadOf } from '../../domain/maintenance/technician-workload.js';
import { RECORDABLE, recordStepValues, stepsOfOrder, type StepValueInput } from '../../domain/maintenance/procedure-steps.js';
import { canMove, moveWorkOrder, TRANSITIONS, type Transition } from '../../domain/maintenance/work-order-lifecycle.js';
import type { Db } from '../../prisma/client.js';
import { recordAction, recordActions, type RecordActionSpec } from '../record-action.js';

const ICONS: Record<OneClick, string> = { start: 'Play', hold: 'Pause', resume: 'Play', cancel: 'XCircle' };

// Completing asks the technician for his report: a form action below.
type OneClick = Exclude<Transition, 'complete'>;
const ONE_CLICK = (Object.keys(TRANSITIONS) as Transition[]).filter((t): t is OneClick => t !== 'complete');

export function workOrderLifecycleActions(prisma: Db): Record<OneClick, Partial<Action<ActionResponse>>> {
  return recordActions(ONE_CLICK, (transition) =>
    recordAction({
      rule: [transition, 'WorkOrder'],
      icon: ICONS[transition],
      guard: transition === 'cancel' ? 'confirmCancelWorkOrder' : undefined,
      shownIn: (state) => canMove(state, transition),
      run: ({ id, ability }) => moveWorkOrder(prisma, ability, id, transition),
      success: `workOrderMoved_${transition}`,
    }),
  );
}

type FormAction = 'assign' | 'recordSteps' | 'complete' | 'close';

export function workOrderFormActions(prisma: Db): Record<FormAction, Partial<Action<ActionResponse>>> {
  // Each opens the work-order form, whose GET answers formData below.
  const formAction = <R>(name: FormAction, spec: Omit<RecordActionSpec<R>, 'component' | 'form'>) =>
    recordAction({ ...spec, component: Components.WorkOrderForm, form: ({ id, ability }) => formData(prisma, ability, name, id) });
  return {
    assign: formAction('assign', {
      rule: ['assign', 'WorkOrder'], icon: 'UserPlus', shownIn: (state) => ASSIGNABLE.includes(state), success: 'workOrderAssigned',
      run: ({ id, ability, payload }) => assignWorkOrder(prisma, ability, id, parseRecordId(payload.technicianId) ?? Number.NaN),
    }),
    recordSteps: formAction('recordSteps', {
      rule: ['create', 'WorkOrderStepValue'], icon: 'List', shownIn: (state) => RECORDABLE.includes(state), success: 'stepValuesRecorded',
      run: ({ id, ability, userId, payload }) => recordStepValues(prisma, ability, userId, id, (payload.steps ?? []) as StepValueInput[]),
    }),
    complete: formAction('complete', {
      rule: ['complete', 'WorkOrder'], icon: 'CheckCircle', shownIn: (state) => canMove(state, 'complete'), success: 'workOrderMoved_complete',
      run: ({ id, ability, userId, payload }) => completeWorkOrder(prisma, ability, userId, id, payload),
    }),
    close: formAction('close', {
      rule: ['close', 'WorkOrder'], icon: 'Lock', shownIn: canClose, success: 'workOrderClosed',
      run: ({ id, ability, userId, payload }) => closeWorkOrder(prisma, ability, userId, id, payload as CloseoutInput),
    }),
  };
}

/** What the form shows: active technicians with their open work (assign), or the steps with their values,
 * the failure codes and, for the closeout, the technician's completion report to start from and the
 * storeroom materials to settle. */
async function formData(prisma: Db, ability: AppAbility, name: FormAction, workOrderId: number) {
  if (name === 'assign') {
    // Those he may give the order to: active, and serving his sites when he is scoped to some.
    const assignable = assignableTechnicians(ability);
    const technicians = assignable ? await prisma.technician.findMany({ where: assignable, orderBy: { name: 'asc' }, select: { id: true, name: true, craft: true } }) : [];
    const workload = await workloadOf(prisma, technicians.map((t) => t.id));
    return { technicians: technicians.map((t) => ({ ...t, ...(workload.get(t.id) ?? { openOrders: 0, openHours: 0 }) })) };
  }
  const [steps, values, order] = await Promise.all([
    stepsOfOrder(prisma, workOrderId),
    prisma.workOrderStepValue.findMany({ where: { workOrderId } }),
    prisma.workOrder.findUniqueOrThrow({ where: { id: workOrderId }, select: { kind: true } }),
  ]);
  const recorded = new Map(values.map((v) => [v.procedureStepId, v]));
  const failureCodes =
    (name === 'close' || name === 'complete') && ability.can('read', 'FailureCode')
      ? await prisma.failureCode.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, kind: true, parentId: true } })
      : [];
  const report = name === 'close' ? await completionReportOf(prisma, workOrderId) : null;
  // The closeout's storeroom lines: what the order holds or reserved, and the catalogue materials the
  // technician reported (taken out of the free-text lines, so they are not recorded twice).
  const stock = name === 'close' ? await closeoutStockLines(prisma, ability, workOrderId, report?.materials ?? []) : null;
  return {
    kind: order.kind,
    failureCodes,
    report: report && stock ? { ...report, materials: stock.freeText } : report,
    stock: stock?.lines ?? [],
    steps: steps.map((s) => ({
      id: s.id, position: s.position, instruction: s.instruction, valueType: s.valueType, unit: s.unit,
      minValue: s.minValue?.toString() ?? null, maxValue: s.maxValue?.toString() ?? null,
      value: recorded.get(s.id)?.value ?? '', passed: recorded.get(s.id)?.passed ?? null,
    })),
  };
}
