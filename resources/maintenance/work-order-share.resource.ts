import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Supervisors share an order with another technician; he then sees and works it like his own.
export const workOrderShareResource = (prisma: Db) =>
  defineResource(prisma, 'WorkOrderShare', {
    navigation: NAVIGATION.maintenance,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['workOrder', 'technician', 'createdAt'],
    editProperties: ['workOrder', 'technician'],
    filterProperties: ['workOrder', 'technician'],
    actions: { edit: { isAccessible: false } },
  });
