import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const routineResource = (prisma: Db) =>
  defineResource(prisma, 'Routine', {
    navigation: NAVIGATION.catalogue,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['code', 'name', 'maintenanceType', 'frequency', 'procedure'],
    editProperties: ['code', 'name', 'maintenanceType', 'frequency', 'procedure', 'estimatedHours'],
    filterProperties: ['code', 'name', 'maintenanceType', 'frequency', 'procedure'],
  });
