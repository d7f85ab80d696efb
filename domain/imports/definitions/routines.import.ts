import type { ImportDefinition } from '../import-definition.js';

export const routinesImport: ImportDefinition = {
  kind: 'routines',
  model: 'Routine',
  table: 'routines',
  sheetName: 'Rutinas',
  key: ['code'],
  touchesUpdatedAt: false,
  columns: [
    { field: 'code', aliases: ['codigo rutina', 'routine code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'RUT-LUB-M' },
    { field: 'name', aliases: ['rutina', 'routine'], type: 'text', required: true, maxLength: 150, sqlColumn: 'name', sqlType: 'text', example: 'Lubricación mensual' },
    {
      field: 'maintenanceType', aliases: ['tipo de mantenimiento', 'maintenance type', 'codigo tipo'], type: 'reference', required: true, sqlColumn: 'maintenance_type_id', sqlType: 'int',
      example: 'Lubricación',
      reference: { table: 'maintenance_types', by: ['code', 'name'], noun: 'el tipo de mantenimiento', createMissing: { codeColumn: 'code', nameColumn: 'name', codeLength: 40 } },
    },
    {
      field: 'frequency', aliases: ['codigo frecuencia', 'frequency code'], type: 'reference', required: true, sqlColumn: 'frequency_id', sqlType: 'int', example: 'M1',
      reference: { table: 'frequencies', by: ['code', 'name'], noun: 'la frecuencia' },
    },
    {
      field: 'procedure', aliases: ['codigo procedimiento', 'procedure code'], type: 'reference', sqlColumn: 'procedure_id', sqlType: 'int', example: 'PR-LUB-01',
      reference: { table: 'procedures', by: ['code'], noun: 'el procedimiento' },
    },
    { field: 'estimatedHours', aliases: ['horas', 'duracion', 'hours', 'estimated hours'], type: 'decimal', sqlColumn: 'estimated_hours', sqlType: 'numeric', example: 1.5 },
  ],
  check: (row) => (typeof row.estimatedHours === 'number' && row.estimatedHours < 0 ? { field: 'estimatedHours', reason: 'Las horas estimadas no pueden ser negativas.' } : null),
};
