import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const assetCategoryResource = (prisma: Db) =>
  defineResource(prisma, 'AssetCategory', {
    navigation: NAVIGATION.assets,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['code', 'name'],
    editProperties: ['code', 'name', 'description'],
    filterProperties: ['code', 'name'],
  });
