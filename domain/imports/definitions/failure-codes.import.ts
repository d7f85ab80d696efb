import type { ImportDefinition } from '../import-definition.js';

// Problems, causes under a problem and remedies under a cause, in one sheet (parents first).
export const failureCodesImport: ImportDefinition = {
  kind: 'failure-codes',
  model: 'FailureCode',
  table: 'failure_codes',
  sheetName: 'Fallas',
  key: ['code'],
  touchesUpdatedAt: false,
  columns: [
    { field: 'code', aliases: ['codigo falla', 'failure code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'P-VIB' },
    { field: 'name', aliases: ['falla', 'descripcion'], type: 'text', required: true, maxLength: 150, sqlColumn: 'name', sqlType: 'text', example: 'Vibración excesiva' },
    { field: 'kind', aliases: ['clase', 'tipo', 'type'], type: 'choice', required: true, sqlColumn: 'kind', sqlType: 'text', example: 'Problema' },
    {
      field: 'parent', aliases: ['padre', 'codigo padre', 'parent code'], type: 'reference', sqlColumn: 'parent_id', sqlType: 'int', example: null,
      reference: { table: 'failure_codes', by: ['code'], noun: 'la falla de la que depende', self: true },
    },
  ],
  check: (row) => {
    if (row.kind === 'PROBLEM' && row.parent != null) return { field: 'parent', reason: 'Un problema no depende de otra falla: deje vacía la columna.' };
    if ((row.kind === 'CAUSE' || row.kind === 'REMEDY') && row.parent === null)
      return { field: 'parent', reason: row.kind === 'CAUSE' ? 'Una causa depende de un problema: indique su código.' : 'Una solución depende de una causa: indique su código.' };
    return null;
  },
};
