import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Closures are written by the closeout action (issue 6); here they are read and corrected by administrators.
export const workOrderClosureResource = (prisma: Db) =>
  defineResource(prisma, 'WorkOrderClosure', {
    navigation: NAVIGATION.maintenance,
    sort: { sortBy: 'closedAt', direction: 'desc' },
    listProperties: ['workOrder', 'laborHours', 'problem', 'cause', 'remedy', 'closedBy', 'closedAt'],
    editProperties: ['workOrder', 'laborHours', 'problem', 'cause', 'remedy', 'observations', 'closedBy'],
    filterProperties: ['workOrder', 'problem', 'cause', 'remedy', 'closedBy', 'closedAt'],
    properties: { observations: { type: 'textarea' } },
  });
