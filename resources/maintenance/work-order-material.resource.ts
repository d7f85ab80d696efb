import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Materials used on an order, recorded by the closeout (issue 6); read here, corrected by administrators.
export const workOrderMaterialResource = (prisma: Db) =>
  defineResource(prisma, 'WorkOrderMaterial', {
    navigation: NAVIGATION.maintenance,
    listProperties: ['workOrder', 'description', 'quantity', 'unit'],
    editProperties: ['workOrder', 'description', 'quantity', 'unit'],
    filterProperties: ['workOrder', 'description'],
  });
