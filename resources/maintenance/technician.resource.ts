import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const technicianResource = (prisma: Db) =>
  defineResource(prisma, 'Technician', {
    navigation: NAVIGATION.maintenance,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['name', 'craft', 'hourlyCost', 'isActive'],
    editProperties: ['user', 'craft', 'hourlyCost', 'isActive'],
    filterProperties: ['name', 'user', 'craft', 'isActive'],
    showProperties: ['name', 'user', 'craft', 'hourlyCost', 'isActive'],
  });
