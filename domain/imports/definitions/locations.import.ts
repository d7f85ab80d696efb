import type { ImportDefinition } from '../import-definition.js';

export const locationsImport: ImportDefinition = {
  kind: 'locations',
  model: 'Location',
  table: 'locations',
  sheetName: 'Ubicaciones',
  key: ['code'],
  touchesUpdatedAt: true,
  columns: [
    { field: 'code', aliases: ['codigo ubicacion', 'location code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'PLT-SB-01' },
    { field: 'name', aliases: ['nombre ubicacion', 'location name', 'descripcion'], type: 'text', required: true, maxLength: 150, sqlColumn: 'name', sqlType: 'text', example: 'Sala de bombas 1' },
    {
      field: 'parent', aliases: ['padre', 'codigo padre', 'parent code'], type: 'reference', sqlColumn: 'parent_id', sqlType: 'int', example: 'PLT',
      reference: { table: 'locations', by: ['code'], noun: 'la ubicación padre', self: true },
    },
    { field: 'isActive', aliases: ['activo', 'active'], type: 'boolean', defaultValue: true, sqlColumn: 'is_active', sqlType: 'boolean', example: 'Sí' },
  ],
};
