// "Enviar", "Aprobar" and "Rechazar" on a requisition: record actions wired to decideRequisition.
import type { Action, ActionResponse } from 'adminjs';
import { canDecide, decideRequisition, type RequisitionDecision } from '../../domain/budgets/requisition-approval.js';
import type { Db } from '../../prisma/client.js';
import { recordAction, recordActions } from '../record-action.js';

const ICONS: Record<RequisitionDecision, string> = { submit: 'Send', approve: 'CheckCircle', reject: 'XCircle' };
const RULES = { submit: 'update', approve: 'approve', reject: 'reject' } as const;

export function requisitionActions(prisma: Db): Record<RequisitionDecision, Partial<Action<ActionResponse>>> {
  return recordActions(['submit', 'approve', 'reject'] as const, (decision) =>
    recordAction({
      rule: [RULES[decision], 'Requisition'],
      icon: ICONS[decision],
      guard: `confirmRequisition_${decision}`,
      shownIn: (state) => canDecide(state, decision),
      run: ({ id, ability, userId, language }) => decideRequisition(prisma, ability, userId, id, decision, { language }),
      // Above the approver's limit the requisition went up to his manager: the notice names him.
      success: ({ escalatedTo }) => (escalatedTo ? { key: 'requisitionEscalated', params: { approver: escalatedTo } } : { key: `requisitionDecided_${decision}` }),
    }),
  );
}
