import type { ImportDefinition } from '../import-definition.js';

// Procedures by code; their steps come in their own sheet (procedure-steps), imported after.
export const proceduresImport: ImportDefinition = {
  kind: 'procedures',
  model: 'Procedure',
  table: 'procedures',
  sheetName: 'Procedimientos',
  key: ['code'],
  touchesUpdatedAt: false,
  columns: [
    { field: 'code', aliases: ['codigo procedimiento', 'procedure code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'PR-LUB-01' },
    { field: 'name', aliases: ['procedimiento', 'procedure'], type: 'text', required: true, maxLength: 150, sqlColumn: 'name', sqlType: 'text', example: 'Lubricación de cojinetes' },
    { field: 'description', type: 'text', maxLength: 5_000, sqlColumn: 'description', sqlType: 'text', example: null },
  ],
};
