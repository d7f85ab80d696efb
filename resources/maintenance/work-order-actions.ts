// The lifecycle moves of a work order as AdminJS record actions, one per move, each with its own rule.
import { parseRecordId } from '../../domain/record-id.js';
import type { Prisma } from '@prisma/client';
import { ValidationError, type Action, type ActionResponse } from 'adminjs';
import { abilityOf, allowedTo } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import { languageOf, renderMessage } from '../../admin/locales/render.js';
import { accessibleWhere, type Action as RuleAction, type AppAbility } from '../../domain/access/abilities.js';
import { assignWorkOrder, ASSIGNABLE } from '../../domain/maintenance/assign-work-order.js';
import { closeWorkOrder, WorkOrderAlreadyClosedError, type CloseoutInput } from '../../domain/maintenance/close-work-order.js';
import { FieldsRefusedError } from '../../domain/maintenance/field-refusals.js';
import { recordStepValues, stepsOfOrder, type StepValueInput } from '../../domain/maintenance/procedure-steps.js';
import { canMove, moveWorkOrder, TRANSITIONS, TransitionRefusedError, type Transition } from '../../domain/maintenance/work-order-lifecycle.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import type { Db } from '../../prisma/client.js';

const ICONS: Record<Transition, string> = { start: 'Play', hold: 'Pause', resume: 'Play', complete: 'CheckCircle', cancel: 'XCircle' };

export function workOrderLifecycleActions(prisma: Db): Record<Transition, Partial<Action<ActionResponse>>> {
  const action = (transition: Transition): Partial<Action<ActionResponse>> => ({
    actionType: 'record',
    component: false,
    icon: ICONS[transition],
    guard: transition === 'cancel' ? 'confirmCancelWorkOrder' : undefined,
    isAccessible: allowedTo(transition, 'WorkOrder'),
    isVisible: ({ record }) => !!record && canMove(String(record.params.state), transition),
    handler: async (_request, _response, context) => {
      const id = Number(context.record!.id());
      try {
        await moveWorkOrder(prisma, abilityOf(context.currentAdmin), id, transition);
      } catch (error) {
        if (error instanceof TransitionRefusedError) throw new ValidationError({ state: { message: 'transitionRefused' } }, { message: 'transitionRefused', type: 'error' });
        throw error;
      }
      const moved = await context.resource.findOne(String(id), context);
      return {
        record: moved!.toJSON(context.currentAdmin),
        redirectUrl: context.h.recordActionUrl({ resourceId: context.resource.id(), recordId: String(id), actionName: 'show' }),
        notice: { message: `workOrderMoved_${transition}`, type: 'success' },
      };
    },
  });
  return Object.fromEntries((Object.keys(TRANSITIONS) as Transition[]).map((t) => [t, action(t)])) as Record<Transition, Partial<Action<ActionResponse>>>;
}

// The workflow steps that need a form: assigning a technician, recording step values, and the closeout.
// A GET answers the form's data; a POST runs the domain operation. Refusals come back per field,
// rendered in the language the form shows.
type FormAction = 'assign' | 'recordSteps' | 'close';
const FORM_ICONS: Record<FormAction, string> = { assign: 'UserPlus', recordSteps: 'List', close: 'Lock' };
const FORM_RULES: Record<FormAction, [RuleAction, 'WorkOrder' | 'WorkOrderStepValue']> = {
  assign: ['assign', 'WorkOrder'],
  recordSteps: ['create', 'WorkOrderStepValue'],
  close: ['close', 'WorkOrder'],
};
const FORM_STATES: Record<FormAction, string[]> = { assign: ASSIGNABLE, recordSteps: ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED'], close: ['COMPLETED'] };
const SUCCESS: Record<FormAction, string> = { assign: 'workOrderAssigned', recordSteps: 'stepValuesRecorded', close: 'workOrderClosed' };
const REFUSED: Record<FormAction, string> = { assign: 'assignRefused', recordSteps: 'stepsRefused', close: 'closeoutRefused' };

export function workOrderFormActions(prisma: Db): Record<FormAction, Partial<Action<ActionResponse>>> {
  const action = (name: FormAction): Partial<Action<ActionResponse>> => ({
    actionType: 'record',
    component: Components.WorkOrderForm,
    icon: FORM_ICONS[name],
    isAccessible: allowedTo(...FORM_RULES[name]),
    isVisible: ({ record }) => !!record && FORM_STATES[name].includes(String(record.params.state)),
    handler: async (request, _response, context) => {
      const id = Number(context.record!.id());
      const ability = abilityOf(context.currentAdmin);
      if (request.method !== 'post') return { record: context.record!.toJSON(context.currentAdmin), form: await formData(prisma, ability, name, id) };
      const payload = (request.payload ?? {}) as Record<string, unknown>;
      const userId = (context.currentAdmin as unknown as CurrentUser).access.userId;
      try {
        if (name === 'assign') await assignWorkOrder(prisma, ability, id, parseRecordId(payload.technicianId) ?? Number.NaN);
        if (name === 'recordSteps') await recordStepValues(prisma, ability, userId, id, (payload.steps ?? []) as StepValueInput[]);
        if (name === 'close') await closeWorkOrder(prisma, ability, userId, id, payload as CloseoutInput);
      } catch (error) {
        const language = languageOf(payload.language);
        if (error instanceof FieldsRefusedError) {
          const fields = Object.fromEntries(error.errors.map((e) => [e.field, { message: renderMessage(language, e.key, e.params), type: e.key }]));
          throw new ValidationError(fields, { message: REFUSED[name], type: 'error' });
        }
        if (error instanceof WorkOrderAlreadyClosedError) throw new ValidationError({ state: { message: renderMessage(language, 'workOrderAlreadyClosed') } }, { message: 'workOrderAlreadyClosed', type: 'error' });
        if (error instanceof TransitionRefusedError) throw new ValidationError({ state: { message: renderMessage(language, 'transitionRefused') } }, { message: 'transitionRefused', type: 'error' });
        throw error;
      }
      const saved = await context.resource.findOne(String(id), context);
      return {
        record: saved!.toJSON(context.currentAdmin),
        redirectUrl: context.h.recordActionUrl({ resourceId: context.resource.id(), recordId: String(id), actionName: 'show' }),
        notice: { message: SUCCESS[name], type: 'success' },
      };
    },
  });
  return { assign: action('assign'), recordSteps: action('recordSteps'), close: action('close') };
}

/** What the form shows: active technicians (assign), or the steps with their values and the failure codes. */
async function formData(prisma: Db, ability: AppAbility, name: FormAction, workOrderId: number) {
  if (name === 'assign') {
    const readable = accessibleWhere(ability, 'read', 'Technician') as Prisma.TechnicianWhereInput | null;
    const technicians = readable
      ? await prisma.technician.findMany({ where: { AND: [readable, { isActive: true }] }, orderBy: { name: 'asc' }, select: { id: true, name: true, craft: true } })
      : [];
    return { technicians };
  }
  const [steps, values, order] = await Promise.all([
    stepsOfOrder(prisma, workOrderId),
    prisma.workOrderStepValue.findMany({ where: { workOrderId } }),
    prisma.workOrder.findUniqueOrThrow({ where: { id: workOrderId }, select: { kind: true } }),
  ]);
  const recorded = new Map(values.map((v) => [v.procedureStepId, v]));
  const failureCodes =
    name === 'close' && ability.can('read', 'FailureCode')
      ? await prisma.failureCode.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, kind: true, parentId: true } })
      : [];
  return {
    kind: order.kind,
    failureCodes,
    steps: steps.map((s) => ({
      id: s.id, position: s.position, instruction: s.instruction, valueType: s.valueType, unit: s.unit,
      minValue: s.minValue?.toString() ?? null, maxValue: s.maxValue?.toString() ?? null,
      value: recorded.get(s.id)?.value ?? '', passed: recorded.get(s.id)?.passed ?? null,
    })),
  };
}
