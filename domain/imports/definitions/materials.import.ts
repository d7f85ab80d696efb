import type { ImportDefinition } from '../import-definition.js';

// The storeroom's catalogue. Opening balances are not imported here: stock enters only through the ledger.
export const materialsImport: ImportDefinition = {
  kind: 'materials',
  model: 'Material',
  table: 'materials',
  sheetName: 'Materiales',
  key: ['code'],
  touchesUpdatedAt: true,
  columns: [
    { field: 'code', aliases: ['codigo material', 'material code', 'sku'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'ROD-6205' },
    { field: 'description', aliases: ['material', 'descripcion material'], type: 'text', required: true, maxLength: 200, sqlColumn: 'description', sqlType: 'text', example: 'Rodamiento 6205-2RS' },
    { field: 'unit', aliases: ['unidad', 'um', 'uom'], type: 'text', required: true, maxLength: 20, sqlColumn: 'unit', sqlType: 'text', example: 'u' },
    { field: 'category', aliases: ['familia', 'grupo'], type: 'text', maxLength: 80, sqlColumn: 'category', sqlType: 'text', example: 'Rodamientos' },
    { field: 'manufacturerPartNumber', aliases: ['numero de parte', 'part number', 'mpn'], type: 'text', maxLength: 80, sqlColumn: 'manufacturer_part_number', sqlType: 'text', example: '6205-2RSH' },
    { field: 'minimumStock', aliases: ['stock minimo', 'minimo'], type: 'decimal', defaultValue: 0, sqlColumn: 'minimum_stock', sqlType: 'numeric', example: 2 },
    { field: 'reorderPoint', aliases: ['punto de reorden'], type: 'decimal', defaultValue: 0, sqlColumn: 'reorder_point', sqlType: 'numeric', example: 4 },
    { field: 'reorderQuantity', aliases: ['cantidad de reorden', 'lote de compra'], type: 'decimal', defaultValue: 0, sqlColumn: 'reorder_quantity', sqlType: 'numeric', example: 10 },
    {
      field: 'preferredVendor', aliases: ['proveedor', 'codigo proveedor', 'vendor'], type: 'reference', sqlColumn: 'preferred_vendor_id', sqlType: 'int', example: 'PROV-001',
      reference: { table: 'vendors', by: ['code', 'name'], noun: 'el proveedor' },
    },
  ],
};
