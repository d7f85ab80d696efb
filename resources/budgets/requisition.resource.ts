import type { ActionRequest } from 'adminjs';
import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';
import { erpSyncActions } from './erp-sync-actions.js';
import { requisitionActions } from './requisition-actions.js';
import { requisitionReceiptAction } from './requisition-receipt-action.js';

// The total comes from the items (database trigger); the state moves through Enviar / Aprobar /
// Rechazar, each under its rule (approving: up to the approver's limit). Approved, it waits for the ERP
// sync (every 5 minutes), which fills its ERP number and status; "Reintentar sincronización" after a failure.
export const requisitionResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'Requisition', {
    navigation: NAVIGATION.budgets,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['number', 'title', 'requestedBy', 'workOrder', 'total', 'state', 'receiptState', 'erpSyncState', 'erpId', 'createdAt'],
    editProperties: ['title', 'workOrder', 'project', 'budgetLine', 'requestedBy'],
    filterProperties: ['number', 'title', 'requestedBy', 'workOrder', 'project', 'state', 'receiptState', 'erpSyncState', 'erpStatus', 'createdAt'],
    showProperties: [
      'number', 'title', 'requestedBy', 'workOrder', 'project', 'budgetLine', 'state', 'total', 'awaitingApprover', 'receiptState', 'receivedAmount', 'approvedBy', 'approvedAt', 'createdAt', 'approvalSteps',
      'erpModule', 'erpSyncState', 'erpId', 'erpStatus', 'erpSyncedAt', 'erpLastAttemptAt', 'erpLastError', 'erpAttempts', 'items', 'goodsReceipts', 'erpConflicts',
    ],
    properties: {
      erpModule: { type: 'string', components: { show: Components.ErpModuleNotice }, custom: { configured: !!settings.erp?.configured } },
      erpConflicts: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'ErpSyncConflict', filter: 'requisition', columns: ['field', 'localValue', 'erpValue', 'detectedAt'], titleKey: 'relatedErpConflicts' },
      },
      approvalSteps: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'RequisitionApproval', filter: 'requisition', columns: ['approver', 'decision', 'total', 'availableBefore', 'overdraft', 'escalatedTo', 'signedAt'], titleKey: 'relatedRequisitionApprovals' },
      },
      items: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'RequisitionItem', filter: 'requisition', columns: ['description', 'quantity', 'unit', 'unitPrice', 'material', 'warehouse'], titleKey: 'relatedRequisitionItems' },
      },
      // goods receipts (issue 20)
      goodsReceipts: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'GoodsReceipt', filter: 'requisition', columns: ['requisitionItem', 'quantity', 'amount', 'warehouse', 'deliveryNote', 'receivedBy', 'receivedAt'], titleKey: 'relatedGoodsReceipts' },
      },
    },
    actions: {
      // The requester is whoever creates it, unless the form names someone.
      new: {
        before: async (request: ActionRequest, context) => {
          if (request.method === 'post' && request.payload && !request.payload.requestedBy)
            request.payload = { ...request.payload, requestedBy: String((context.currentAdmin as unknown as CurrentUser).access.userId) };
          return request;
        },
      },
      ...requisitionActions(prisma, settings),
      ...erpSyncActions(prisma, settings),
      // goods receipts (issue 20)
      receive: requisitionReceiptAction(prisma),
    },
  });
