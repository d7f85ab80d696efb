import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const technicianResource = (prisma: Db) =>
  defineResource(prisma, 'Technician', {
    navigation: NAVIGATION.maintenance,
    listProperties: ['user', 'craft', 'hourlyCost', 'isActive'],
    editProperties: ['user', 'craft', 'hourlyCost', 'isActive'],
    filterProperties: ['user', 'craft', 'isActive'],
  });
