import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const maintenanceTypeResource = (prisma: Db) =>
  defineResource(prisma, 'MaintenanceType', {
    navigation: NAVIGATION.catalogue,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['code', 'name', 'parent'],
    editProperties: ['code', 'name', 'parent'],
    filterProperties: ['code', 'name', 'parent'],
  });
