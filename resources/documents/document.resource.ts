import type { ActionContext } from 'adminjs';
import { abilityOf } from '../../admin/access.js';
import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { documentMoveActions, pageAction } from './document-actions.js';

// The code comes from the database (DOC-YYYY-NNNN); the state moves with uploads and signatures.
export const documentResource = (prisma: Db) =>
  defineResource(prisma, 'Document', {
    navigation: NAVIGATION.documents,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['code', 'title', 'kind', 'state', 'asset', 'workOrder', 'workRequest', 'createdAt'],
    filterProperties: ['code', 'title', 'kind', 'state', 'asset', 'workOrder', 'workRequest', 'project', 'createdAt'],
    editProperties: ['title', 'kind', 'language', 'asset', 'workOrder', 'workRequest', 'project'],
    showProperties: ['code', 'title', 'kind', 'state', 'language', 'asset', 'workOrder', 'workRequest', 'project', 'createdAt', 'updatedAt', 'revisions'],
    properties: {
      code: { isVisible: { list: true, show: true, edit: false, filter: true } },
      state: { isVisible: { list: true, show: true, edit: false, filter: true } },
      revisions: { type: 'string', components: { show: Components.DocumentRevisions } },
    },
    actions: {
      uploadRevision: pageAction('create', 'DocumentRevision', Components.UploadRevision, 'Upload'),
      ...documentMoveActions(prisma),
      // "Buscar en documentos": the page asks admin/documents/router.ts, which applies the download rules.
      searchText: {
        actionType: 'resource',
        icon: 'Search',
        component: Components.DocumentSearch,
        isAccessible: ({ currentAdmin }: ActionContext) => abilityOf(currentAdmin).can('read', 'Document'),
        handler: async () => ({}),
      },
    },
  });
