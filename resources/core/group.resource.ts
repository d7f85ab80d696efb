import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// The five groups are fixed by the domain: they can be renamed and granted history, never added or removed.
export const groupResource = (prisma: Db) =>
  defineResource(prisma, 'Group', {
    navigation: NAVIGATION.administration,
    listProperties: ['code', 'name', 'canReadHistory', 'canManageStore', 'canApproveOverdraft', 'canManageSafety'],
    editProperties: ['name', 'description', 'canReadHistory', 'canManageStore', 'canApproveOverdraft', 'canManageSafety'],
    properties: { code: { isDisabled: true } },
    actions: { new: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
