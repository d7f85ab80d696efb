import type { ImportDefinition } from '../import-definition.js';

export const warehousesImport: ImportDefinition = {
  kind: 'warehouses',
  model: 'Warehouse',
  table: 'warehouses',
  sheetName: 'Almacenes',
  key: ['code'],
  touchesUpdatedAt: true,
  columns: [
    { field: 'code', aliases: ['codigo almacen', 'bodega', 'warehouse code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'ALM-CEN' },
    { field: 'name', aliases: ['almacen', 'nombre almacen', 'warehouse'], type: 'text', required: true, maxLength: 150, sqlColumn: 'name', sqlType: 'text', example: 'Bodega central' },
    {
      field: 'location', aliases: ['codigo ubicacion', 'location code'], type: 'reference', sqlColumn: 'location_id', sqlType: 'int', example: 'PLT',
      reference: { table: 'locations', by: ['code'], noun: 'la ubicación' },
    },
  ],
};
