import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { materialActions } from './material-actions.js';

// The storeroom's catalogue; its stock per warehouse is shown on its page.
export const materialResource = (prisma: Db) =>
  defineResource(prisma, 'Material', {
    navigation: NAVIGATION.inventory,
    sort: { sortBy: 'code', direction: 'asc' },
    listProperties: ['code', 'description', 'unit', 'category', 'reorderPoint', 'isActive'],
    editProperties: ['code', 'description', 'unit', 'category', 'manufacturerPartNumber', 'minimumStock', 'reorderPoint', 'reorderQuantity', 'preferredVendor', 'isActive'],
    filterProperties: ['code', 'description', 'category', 'preferredVendor', 'isActive'],
    showProperties: [
      'code', 'description', 'unit', 'category', 'manufacturerPartNumber', 'minimumStock', 'reorderPoint', 'reorderQuantity', 'preferredVendor', 'isActive',
      'createdAt', 'updatedAt', 'stockLevels',
    ],
    actions: materialActions(prisma),
    properties: {
      stockLevels: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'StockLevel', filter: 'material', columns: ['warehouse', 'onHand', 'reserved', 'available', 'averageCost'], titleKey: 'relatedStockLevels' },
      },
    },
  });
