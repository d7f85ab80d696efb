import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { canConvert, convertWorkRequest } from '../../domain/maintenance/convert-work-request.js';
import { canReject, rejectWorkRequest } from '../../domain/maintenance/reject-work-request.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';
import { recordAction } from '../record-action.js';
import { recordDowntimeFromRequestAction } from '../health/record-downtime-actions.js';

export const workRequestResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'WorkRequest', {
    navigation: NAVIGATION.maintenance,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['id', 'asset', 'description', 'priority', 'state', 'source', 'reportedBy', 'createdAt'],
    // The reporter is whoever files it (set by the adapter, CREATED_BY) and the state moves by the workflow.
    editProperties: ['asset', 'description', 'priority'],
    filterProperties: ['asset', 'description', 'priority', 'state', 'source', 'measurementPoint', 'reportedBy', 'createdAt'],
    // A request filed on an asset's QR page (issue 24) has no account behind it: the name and contact given.
    showProperties: ['id', 'asset', 'description', 'priority', 'state', 'rejectionReason', 'source', 'measurementPoint', 'reportedBy', 'reporterName', 'reporterContact', 'createdAt', 'updatedAt', 'documents'],
    properties: {
      description: { type: 'textarea' },
      rejectionReason: { type: 'textarea' },
      createdAt: { isVisible: { list: true, show: true, edit: false, filter: true } },
      documents: { type: 'string', components: { show: Components.Attachments }, custom: { owner: 'workRequestId' } },
    },
    actions: {
      // "Convertir en OT": the request becomes a corrective work order, opened on its page.
      convert: recordAction({
        rule: ['convert', 'WorkRequest'],
        icon: 'Tool',
        guard: 'confirmConvertWorkRequest',
        shownIn: canConvert,
        run: ({ id, ability }) => convertWorkRequest(prisma, ability, id, settings.timeZone),
        success: 'workRequestConverted',
        goTo: (order) => ({ resourceId: 'WorkOrder', recordId: String(order.id) }),
      }),
      // "Rechazar": closed without work, with the reason its reporter will read (a form: the reason is required).
      reject: recordAction({
        rule: ['reject', 'WorkRequest'],
        icon: 'XCircle',
        component: Components.RejectForm,
        shownIn: canReject,
        run: ({ id, ability, payload }) => rejectWorkRequest(prisma, ability, id, { reason: payload.reason }),
        success: 'workRequestRejected',
      }),
      // health (issue 25): "Registrar parada", the asset reported stopped
      recordDowntime: recordDowntimeFromRequestAction(prisma),
    },
  });
