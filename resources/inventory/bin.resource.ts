import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const binResource = (prisma: Db) =>
  defineResource(prisma, 'Bin', {
    navigation: NAVIGATION.inventory,
    sort: { sortBy: 'code', direction: 'asc' },
    listProperties: ['warehouse', 'code', 'description', 'isActive'],
    editProperties: ['warehouse', 'code', 'description', 'isActive'],
    filterProperties: ['warehouse', 'code', 'isActive'],
  });
