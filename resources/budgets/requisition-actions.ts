// "Enviar", "Aprobar" and "Rechazar" on a requisition: record actions wired to decideRequisition. Each
// opens a form showing the requisition's budget line (what it has left, what is asked, what would be
// left) with a warning when it overspends; approving and rejecting are signed with the password.
import type { Action, ActionResponse } from 'adminjs';
import { Components } from '../../admin/component-loader.js';
import { requisitionBudgetCheck } from '../../domain/budgets/requisition-budget-check.js';
import { canDecide, decideRequisition, type RequisitionDecision } from '../../domain/budgets/requisition-approval.js';
import type { Db } from '../../prisma/client.js';
import type { ResourceSettings } from '../define-resource.js';
import { recordAction, recordActions } from '../record-action.js';

const ICONS: Record<RequisitionDecision, string> = { submit: 'Send', approve: 'CheckCircle', reject: 'XCircle' };
const RULES = { submit: 'update', approve: 'approve', reject: 'reject' } as const;

export function requisitionActions(prisma: Db, settings: ResourceSettings): Record<RequisitionDecision, Partial<Action<ActionResponse>>> {
  return recordActions(['submit', 'approve', 'reject'] as const, (decision) =>
    recordAction({
      rule: [RULES[decision], 'Requisition'],
      icon: ICONS[decision],
      component: Components.RequisitionDecisionForm,
      shownIn: (state) => canDecide(state, decision),
      form: async ({ id, ability, language }) => ({ decision, signed: decision !== 'submit', check: await requisitionBudgetCheck(prisma, ability, id, language) }),
      run: ({ id, ability, userId, language, payload, client }) =>
        decideRequisition(prisma, ability, userId, id, decision, { language, throttle: settings.passwordThrottle, signature: { password: payload.password, ...client } }),
      // Above the approver's limit the requisition went up to his manager: the notice names him.
      success: ({ escalatedTo }) => (escalatedTo ? { key: 'requisitionEscalated', params: { approver: escalatedTo } } : { key: `requisitionDecided_${decision}` }),
    }),
  );
}
