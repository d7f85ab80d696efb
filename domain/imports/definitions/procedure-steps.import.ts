import type { ImportDefinition } from '../import-definition.js';

// The steps of procedures, one row per step, by procedure code and position.
export const procedureStepsImport: ImportDefinition = {
  kind: 'procedure-steps',
  model: 'ProcedureStep',
  table: 'procedure_steps',
  sheetName: 'Pasos',
  key: ['procedure', 'position'],
  touchesUpdatedAt: false,
  columns: [
    {
      field: 'procedure', aliases: ['codigo procedimiento', 'procedure code'], type: 'reference', required: true, sqlColumn: 'procedure_id', sqlType: 'int', example: 'PR-LUB-01',
      reference: { table: 'procedures', by: ['code'], noun: 'el procedimiento' },
    },
    { field: 'position', aliases: ['paso', 'n paso', 'numero', 'step', 'position'], type: 'integer', required: true, sqlColumn: 'position', sqlType: 'int', example: 1 },
    { field: 'instruction', aliases: ['descripcion', 'actividad', 'instruccion'], type: 'text', required: true, maxLength: 500, sqlColumn: 'instruction', sqlType: 'text', example: 'Medir la temperatura del cojinete' },
    { field: 'valueType', aliases: ['tipo valor', 'tipo', 'value type'], type: 'choice', defaultValue: 'BOOLEAN', sqlColumn: 'value_type', sqlType: 'text', example: 'Número' },
    { field: 'unit', aliases: ['unidad de medida'], type: 'text', maxLength: 20, sqlColumn: 'unit', sqlType: 'text', example: '°C' },
    { field: 'minValue', aliases: ['minimo', 'min', 'limite inferior'], type: 'decimal', sqlColumn: 'min_value', sqlType: 'numeric', example: 10 },
    { field: 'maxValue', aliases: ['maximo', 'max', 'limite superior'], type: 'decimal', sqlColumn: 'max_value', sqlType: 'numeric', example: 80 },
  ],
  check: (row) => {
    if (typeof row.position === 'number' && row.position <= 0) return { field: 'position', reason: 'El orden del paso empieza en 1.' };
    if (typeof row.minValue === 'number' && typeof row.maxValue === 'number' && row.minValue > row.maxValue)
      return { field: 'maxValue', reason: `El máximo (${row.maxValue}) es menor que el mínimo (${row.minValue}).` };
    return null;
  },
};
