import type { Db } from '../../prisma/client.js';
import { WRITTEN_BY_WORKFLOW } from '../documents/document-actions.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// The stock ledger: append-only (the database refuses changes), written by the stock operations.
export const stockMovementResource = (prisma: Db) =>
  defineResource(prisma, 'StockMovement', {
    navigation: NAVIGATION.inventory,
    sort: { sortBy: 'id', direction: 'desc' },
    listProperties: ['movedAt', 'kind', 'material', 'warehouse', 'quantity', 'unitCost', 'balanceAfter', 'workOrder', 'movedBy'],
    filterProperties: ['kind', 'material', 'warehouse', 'workOrder', 'movedBy', 'movedAt', 'sourceDocument'],
    showProperties: [
      'id', 'movedAt', 'kind', 'material', 'warehouse', 'bin', 'quantity', 'unitCost', 'balanceAfter', 'averageCostAfter', 'sequence',
      'workOrder', 'countedQuantity', 'sourceDocument', 'note', 'movedBy',
    ],
    actions: WRITTEN_BY_WORKFLOW,
  });
