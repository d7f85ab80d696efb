import type { ImportDefinition } from '../import-definition.js';

export const binsImport: ImportDefinition = {
  kind: 'bins',
  model: 'Bin',
  table: 'bins',
  sheetName: 'Ubicaciones de almacén',
  key: ['warehouse', 'code'],
  touchesUpdatedAt: false,
  columns: [
    {
      field: 'warehouse', aliases: ['codigo almacen', 'bodega', 'warehouse code'], type: 'reference', required: true, sqlColumn: 'warehouse_id', sqlType: 'int', example: 'ALM-CEN',
      reference: { table: 'warehouses', by: ['code', 'name'], noun: 'el almacén' },
    },
    { field: 'code', aliases: ['ubicacion', 'estante', 'bin'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'A-01-03' },
    { field: 'description', type: 'text', maxLength: 150, sqlColumn: 'description', sqlType: 'text', example: 'Pasillo A, estante 1, nivel 3' },
  ],
};
