import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { Components } from '../../admin/component-loader.js';

export const locationResource = (prisma: Db) =>
  defineResource(prisma, 'Location', {
    navigation: NAVIGATION.assets,
    sort: { sortBy: 'fullName', direction: 'asc' },
    listProperties: ['code', 'fullName', 'isActive'],
    showProperties: ['code', 'name', 'parent', 'fullName', 'depth', 'isActive', 'createdAt', 'updatedAt', 'subtree', 'assetsHere'],
    editProperties: ['code', 'name', 'parent', 'isActive'],
    filterProperties: ['code', 'name', 'parent', 'isActive'],
    properties: {
      path: { isVisible: false },
      fullName: { isVisible: { list: true, show: true, edit: false, filter: false } },
      depth: { isVisible: { list: false, show: true, edit: false, filter: false } },
      subtree: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'Location', filter: 'parent', columns: ['code', 'fullName'], titleKey: 'relatedSubtree' },
      },
      assetsHere: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'Asset', filter: 'location', columns: ['code', 'description', 'criticality'], titleKey: 'relatedAssets' },
      },
    },
  });
