import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Editable while its requisition is a draft; the database refuses changes after it is submitted.
export const requisitionItemResource = (prisma: Db) =>
  defineResource(prisma, 'RequisitionItem', {
    navigation: NAVIGATION.budgets,
    listProperties: ['requisition', 'description', 'quantity', 'unit', 'unitPrice', 'material', 'warehouse'],
    // A line for stock names its material and warehouse (both or neither: the database checks it).
    editProperties: ['requisition', 'description', 'quantity', 'unit', 'unitPrice', 'material', 'warehouse'],
    filterProperties: ['requisition', 'description'],
  });
