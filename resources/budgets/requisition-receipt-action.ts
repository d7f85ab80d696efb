// "Recibir" on an approved requisition (issue 20): the receipt form (admin/components/requisition-receipt-form.tsx)
// with each line's ordered, received and left quantities, wired to receiveRequisition.
import type { Action, ActionResponse } from 'adminjs';
import { Components } from '../../admin/component-loader.js';
import { canReceive, receiveRequisition } from '../../domain/budgets/receive-requisition.js';
import { requisitionReceiptForm } from '../../domain/budgets/requisition-receipt-form.js';
import type { Db } from '../../prisma/client.js';
import { recordAction } from '../record-action.js';

export function requisitionReceiptAction(prisma: Db): Partial<Action<ActionResponse>> {
  return recordAction({
    rule: ['receive', 'Requisition'],
    icon: 'Package',
    component: Components.RequisitionReceiptForm,
    shownFor: (params) => canReceive(String(params.state), params.receiptState) && !['Rejected', 'Cancelled'].includes(String(params.erpStatus ?? '')),
    form: ({ id, ability, language }) => requisitionReceiptForm(prisma, ability, id, language),
    run: ({ id, ability, userId, payload }) => receiveRequisition(prisma, ability, userId, id, payload),
    success: ({ receiptState }) => ({ key: `requisitionReceived_${receiptState}` }),
  });
}
