import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const failureCodeResource = (prisma: Db) =>
  defineResource(prisma, 'FailureCode', {
    navigation: NAVIGATION.catalogue,
    sort: { sortBy: 'code', direction: 'asc' },
    listProperties: ['code', 'name', 'kind', 'parent'],
    editProperties: ['code', 'name', 'kind', 'parent'],
    filterProperties: ['code', 'name', 'kind', 'parent'],
  });
