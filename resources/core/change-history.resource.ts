import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { AUDITED_TABLES } from '../../domain/history/audited-tables.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { allowedTo } from '../../admin/access.js';

// The global change history: who changed what, when. Written by database triggers only, so every
// write action is off; readable by groups granted "read change history", about records they may read.
export const changeHistoryResource = (prisma: Db) =>
  defineResource(prisma, 'ChangeHistory', {
    navigation: NAVIGATION.audit,
    // Ids grow with time (one sequence): newest first through the primary key, no extra index to feed.
    sort: { sortBy: 'id', direction: 'desc' },
    listProperties: ['changedAt', 'tableName', 'recordId', 'action', 'actorLabel'],
    filterProperties: ['changedAt', 'tableName', 'recordId', 'action', 'actorLabel', 'actorUserId', 'requestId'],
    showProperties: ['changedAt', 'tableName', 'recordId', 'action', 'actorLabel', 'actorUserId', 'requestId', 'ip', 'changes'],
    properties: {
      tableName: { availableValues: AUDITED_TABLES.map((table) => ({ value: table, label: table })) },
      action: { availableValues: ['INSERT', 'UPDATE', 'DELETE'].map((value) => ({ value, label: value })) },
      changes: { type: 'mixed', components: { show: Components.HistoryChanges } },
    },
    actions: {
      new: { isAccessible: false },
      edit: { isAccessible: false },
      delete: { isAccessible: false },
      bulkDelete: { isAccessible: false },
      exportXlsx: {
        actionType: 'resource',
        icon: 'Download',
        component: Components.ExportList,
        showInDrawer: true,
        custom: { help: 'historyExportHelp' },
        isAccessible: allowedTo('read', 'ChangeHistory'),
        handler: async () => ({}),
      },
    },
  });
