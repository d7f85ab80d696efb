import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';

// The ERP sync job's log (every 5 minutes): read-only, written by the job only. Says so when the ERP module
// is off.
export const erpSyncRunResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'ErpSyncRun', {
    navigation: NAVIGATION.budgets,
    sort: { sortBy: 'startedAt', direction: 'desc' },
    listProperties: ['id', 'startedAt', 'outcome', 'pushed', 'pulled', 'failed', 'conflicts', 'error'],
    showProperties: ['erpModule', 'id', 'startedAt', 'finishedAt', 'outcome', 'pushed', 'pulled', 'failed', 'conflicts', 'error'],
    filterProperties: ['startedAt', 'outcome'],
    properties: {
      erpModule: { type: 'string', components: { show: Components.ErpModuleNotice }, custom: { configured: !!settings.erp?.configured } },
    },
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
