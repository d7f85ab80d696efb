// The lifecycle moves of a work order as AdminJS record actions, one per move, each with its own rule.
import { ValidationError, type Action, type ActionResponse } from 'adminjs';
import { abilityOf, allowedTo } from '../../admin/access.js';
import { canMove, moveWorkOrder, TRANSITIONS, TransitionRefusedError, type Transition } from '../../domain/maintenance/work-order-lifecycle.js';
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
