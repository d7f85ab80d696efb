// "Enviar", "Aprobar" and "Rechazar" on a requisition: record actions wired to decideRequisition.
import { ValidationError, type Action, type ActionResponse } from 'adminjs';
import { abilityOf, allowedTo } from '../../admin/access.js';
import { canDecide, decideRequisition, RequisitionRefusedError, type RequisitionDecision } from '../../domain/budgets/requisition-approval.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import type { Db } from '../../prisma/client.js';

const ICONS: Record<RequisitionDecision, string> = { submit: 'Send', approve: 'CheckCircle', reject: 'XCircle' };
const RULES = { submit: 'update', approve: 'approve', reject: 'reject' } as const;

export function requisitionActions(prisma: Db): Record<RequisitionDecision, Partial<Action<ActionResponse>>> {
  const action = (decision: RequisitionDecision): Partial<Action<ActionResponse>> => ({
    actionType: 'record',
    component: false,
    icon: ICONS[decision],
    guard: `confirmRequisition_${decision}`,
    isAccessible: allowedTo(RULES[decision], 'Requisition'),
    isVisible: ({ record }) => !!record && canDecide(String(record.params.state), decision),
    handler: async (_request, _response, context) => {
      const id = Number(context.record!.id());
      const userId = (context.currentAdmin as unknown as CurrentUser).access.userId;
      try {
        await decideRequisition(prisma, abilityOf(context.currentAdmin), userId, id, decision);
      } catch (error) {
        if (error instanceof RequisitionRefusedError) {
          const message = `requisitionRefused_${error.reason}`;
          throw new ValidationError({ state: { message } }, { message, type: 'error', options: error.params } as never);
        }
        throw error;
      }
      const saved = await context.resource.findOne(String(id), context);
      return {
        record: saved!.toJSON(context.currentAdmin),
        redirectUrl: context.h.recordActionUrl({ resourceId: context.resource.id(), recordId: String(id), actionName: 'show' }),
        notice: { message: `requisitionDecided_${decision}`, type: 'success' },
      };
    },
  });
  return { submit: action('submit'), approve: action('approve'), reject: action('reject') };
}
