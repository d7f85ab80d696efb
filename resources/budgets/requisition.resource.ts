import type { ActionRequest } from 'adminjs';
import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { requisitionActions } from './requisition-actions.js';

// The total comes from the items (database trigger); the state moves through Enviar / Aprobar /
// Rechazar, each under its rule (approving: up to the approver's limit).
export const requisitionResource = (prisma: Db) =>
  defineResource(prisma, 'Requisition', {
    navigation: NAVIGATION.budgets,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['id', 'title', 'requestedBy', 'workOrder', 'total', 'state', 'approvedBy', 'createdAt'],
    editProperties: ['title', 'workOrder', 'requestedBy'],
    filterProperties: ['title', 'requestedBy', 'workOrder', 'state', 'erpSyncState', 'createdAt'],
    showProperties: ['id', 'title', 'requestedBy', 'workOrder', 'state', 'total', 'approvedBy', 'approvedAt', 'erpSyncState', 'createdAt', 'items'],
    properties: {
      items: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'RequisitionItem', filter: 'requisition', columns: ['description', 'quantity', 'unit', 'unitPrice'], titleKey: 'relatedRequisitionItems' },
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
      ...requisitionActions(prisma),
    },
  });
