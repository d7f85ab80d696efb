import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { warehouseActions } from './warehouse-actions.js';

export const warehouseResource = (prisma: Db) =>
  defineResource(prisma, 'Warehouse', {
    navigation: NAVIGATION.inventory,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['code', 'name', 'location', 'allowNegativeStock', 'isActive'],
    editProperties: ['code', 'name', 'location', 'allowNegativeStock', 'isActive'],
    filterProperties: ['code', 'name', 'location', 'isActive'],
    showProperties: ['code', 'name', 'location', 'allowNegativeStock', 'isActive', 'createdAt', 'updatedAt', 'bins'],
    properties: {
      bins: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'Bin', filter: 'warehouse', columns: ['code', 'description', 'isActive'], titleKey: 'relatedBins' },
      },
    },
    actions: warehouseActions(prisma),
  });
