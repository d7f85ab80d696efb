import type { ImportDefinition } from '../import-definition.js';

export const maintenanceTypesImport: ImportDefinition = {
  kind: 'maintenance-types',
  model: 'MaintenanceType',
  table: 'maintenance_types',
  sheetName: 'Tipos de mantenimiento',
  key: ['code'],
  touchesUpdatedAt: false,
  columns: [
    { field: 'code', aliases: ['codigo tipo', 'type code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'MEC-LUB' },
    { field: 'name', aliases: ['tipo', 'type'], type: 'text', required: true, maxLength: 120, sqlColumn: 'name', sqlType: 'text', example: 'Lubricación' },
    {
      field: 'parent', aliases: ['padre', 'codigo padre', 'parent code', 'parent type'], type: 'reference', sqlColumn: 'parent_id', sqlType: 'int', example: null,
      reference: { table: 'maintenance_types', by: ['code'], noun: 'el tipo padre', self: true },
    },
  ],
};
