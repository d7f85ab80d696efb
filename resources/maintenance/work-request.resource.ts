import { ValidationError } from 'adminjs';
import type { Db } from '../../prisma/client.js';
import { abilityOf, allowedTo } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import { convertWorkRequest, WorkRequestNotConvertibleError } from '../../domain/maintenance/convert-work-request.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import type { ResourceSettings } from '../index.js';

export const workRequestResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'WorkRequest', {
    navigation: NAVIGATION.maintenance,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['id', 'asset', 'description', 'priority', 'state', 'source', 'reportedBy', 'createdAt'],
    // The reporter is whoever files it (set by the adapter, CREATED_BY) and the state moves by the workflow.
    editProperties: ['asset', 'description', 'priority'],
    filterProperties: ['asset', 'description', 'priority', 'state', 'source', 'measurementPoint', 'reportedBy', 'createdAt'],
    showProperties: ['id', 'asset', 'description', 'priority', 'state', 'source', 'measurementPoint', 'reportedBy', 'createdAt', 'updatedAt', 'documents'],
    properties: {
      description: { type: 'textarea' },
      createdAt: { isVisible: { list: true, show: true, edit: false, filter: true } },
      documents: { type: 'string', components: { show: Components.Attachments }, custom: { owner: 'workRequestId' } },
    },
    actions: {
      // "Convertir en OT": the request becomes a corrective work order, opened on its page.
      convert: {
        actionType: 'record',
        component: false,
        icon: 'Tool',
        guard: 'confirmConvertWorkRequest',
        isAccessible: allowedTo('convert', 'WorkRequest'),
        isVisible: ({ record }) => ['OPEN', 'IN_REVIEW'].includes(String(record?.params.state)),
        handler: async (_request, _response, context) => {
          try {
            const order = await convertWorkRequest(prisma, abilityOf(context.currentAdmin), Number(context.record!.id()), settings.timeZone);
            return {
              record: context.record!.toJSON(context.currentAdmin),
              redirectUrl: context.h.recordActionUrl({ resourceId: 'WorkOrder', recordId: String(order.id), actionName: 'show' }),
              notice: { message: 'workRequestConverted', type: 'success' },
            };
          } catch (error) {
            if (error instanceof WorkRequestNotConvertibleError)
              throw new ValidationError({ state: { message: 'workRequestNotConvertible' } }, { message: 'workRequestNotConvertible', type: 'error' });
            throw error;
          }
        },
      },
    },
  });
