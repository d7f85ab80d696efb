import type { ImportDefinition } from '../import-definition.js';

export const assetsImport: ImportDefinition = {
  kind: 'assets',
  model: 'Asset',
  table: 'assets',
  sheetName: 'Activos',
  key: ['code'],
  touchesUpdatedAt: true,
  columns: [
    { field: 'code', aliases: ['codigo', 'code', 'codigo activo', 'asset code', 'internal code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'BOM-0001' },
    { field: 'description', aliases: ['descripcion del activo'], type: 'text', required: true, maxLength: 300, sqlColumn: 'description', sqlType: 'text', example: 'Bomba centrífuga de condensado' },
    {
      field: 'location', aliases: ['codigo ubicacion', 'location code'], type: 'reference', required: true, sqlColumn: 'location_id', sqlType: 'int', example: 'PLT-SB-01',
      reference: { table: 'locations', by: ['code'], noun: 'la ubicación' },
    },
    {
      field: 'category', aliases: ['categoria del activo'], type: 'reference', required: true, sqlColumn: 'category_id', sqlType: 'int', example: 'Bombas',
      reference: { table: 'asset_categories', by: ['name', 'code'], noun: 'la categoría', createMissing: { codeColumn: 'code', nameColumn: 'name', codeLength: 40 } },
    },
    { field: 'status', type: 'choice', defaultValue: 'IN_SERVICE', sqlColumn: 'status', sqlType: 'text', example: 'En servicio' },
    { field: 'criticality', aliases: ['criticidad abc'], type: 'choice', defaultValue: 'C', sqlColumn: 'criticality', sqlType: 'text', example: 'B' },
    { field: 'manufacturer', aliases: ['marca'], type: 'text', maxLength: 120, sqlColumn: 'manufacturer', sqlType: 'text', example: 'KSB' },
    { field: 'model', type: 'text', maxLength: 120, sqlColumn: 'model', sqlType: 'text', example: 'Etanorm 50-200' },
    { field: 'serialNumber', aliases: ['serie', 'n serie', 'serial'], type: 'text', maxLength: 120, sqlColumn: 'serial_number', sqlType: 'text', example: 'SN-778812' },
    { field: 'installedOn', aliases: ['fecha instalacion', 'fecha de instalacion', 'installation date'], type: 'date', sqlColumn: 'installed_on', sqlType: 'date', example: '15/03/2021' },
    {
      field: 'parentAsset', aliases: ['codigo activo padre', 'parent asset code'], type: 'reference', sqlColumn: 'parent_asset_id', sqlType: 'int', example: null,
      reference: { table: 'assets', by: ['code'], noun: 'el activo padre', self: true },
    },
  ],
};
