import type { ImportDefinition } from '../import-definition.js';

export const assetCategoriesImport: ImportDefinition = {
  kind: 'asset-categories',
  model: 'AssetCategory',
  table: 'asset_categories',
  sheetName: 'Categorías',
  key: ['code'],
  touchesUpdatedAt: false,
  columns: [
    { field: 'code', aliases: ['codigo categoria', 'category code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'BOM' },
    { field: 'name', aliases: ['categoria', 'nombre categoria', 'category'], type: 'text', required: true, maxLength: 120, sqlColumn: 'name', sqlType: 'text', example: 'Bombas' },
    { field: 'description', type: 'text', maxLength: 2_000, sqlColumn: 'description', sqlType: 'text', example: 'Bombas centrífugas y de desplazamiento' },
  ],
};
