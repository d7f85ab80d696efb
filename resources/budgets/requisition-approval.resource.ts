import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// The signed steps of requisitions' approval chains (escalated, approved, rejected), shown on each
// requisition. Written by the approval only, and never changed afterwards (the database refuses it).
export const requisitionApprovalResource = (prisma: Db) =>
  defineResource(prisma, 'RequisitionApproval', {
    navigation: NAVIGATION.budgets,
    sort: { sortBy: 'signedAt', direction: 'desc' },
    listProperties: ['requisition', 'approver', 'decision', 'total', 'availableBefore', 'overdraft', 'escalatedTo', 'signedAt'],
    showProperties: ['requisition', 'approver', 'decision', 'total', 'availableBefore', 'overdraft', 'escalatedTo', 'signedAt', 'sha256', 'ip', 'userAgent'],
    filterProperties: ['requisition', 'approver', 'decision', 'overdraft', 'signedAt'],
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
