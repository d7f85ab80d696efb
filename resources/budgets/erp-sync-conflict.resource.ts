import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// A name the ERP overruled (it is the source of truth): ours is kept here, shown on the requisition.
// Written by the sync only.
export const erpSyncConflictResource = (prisma: Db) =>
  defineResource(prisma, 'ErpSyncConflict', {
    navigation: NAVIGATION.budgets,
    sort: { sortBy: 'detectedAt', direction: 'desc' },
    listProperties: ['requisition', 'field', 'localValue', 'erpValue', 'detectedAt'],
    filterProperties: ['requisition', 'field', 'detectedAt'],
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
