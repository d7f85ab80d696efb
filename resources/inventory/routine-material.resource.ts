import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// A routine's bill of materials: preventive orders generated from it reserve these.
export const routineMaterialResource = (prisma: Db) =>
  defineResource(prisma, 'RoutineMaterial', {
    navigation: NAVIGATION.inventory,
    listProperties: ['routine', 'material', 'warehouse', 'quantity'],
    editProperties: ['routine', 'material', 'warehouse', 'quantity'],
    filterProperties: ['routine', 'material', 'warehouse'],
  });
