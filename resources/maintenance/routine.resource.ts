import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const routineResource = (prisma: Db) =>
  defineResource(prisma, 'Routine', {
    navigation: NAVIGATION.catalogue,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['code', 'name', 'maintenanceType', 'frequency', 'procedure'],
    editProperties: ['code', 'name', 'maintenanceType', 'frequency', 'procedure', 'estimatedHours'],
    filterProperties: ['code', 'name', 'maintenanceType', 'frequency', 'procedure'],
    showProperties: ['code', 'name', 'maintenanceType', 'frequency', 'procedure', 'estimatedHours', 'materials'],
    properties: {
      // Its bill of materials (inventory): what a preventive order generated from it reserves.
      materials: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'RoutineMaterial', filter: 'routine', columns: ['material', 'warehouse', 'quantity'], titleKey: 'relatedRoutineMaterials' },
      },
    },
  });
