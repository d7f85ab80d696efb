import type { ImportDefinition } from '../import-definition.js';

// Readings are upserted by (measurement point, taken at): importing the same log twice changes nothing.
export const readingsImport: ImportDefinition = {
  kind: 'readings',
  model: 'Reading',
  table: 'readings',
  sheetName: 'Lecturas',
  key: ['measurementPoint', 'takenAt'],
  touchesUpdatedAt: false,
  columns: [
    {
      field: 'measurementPoint', aliases: ['punto', 'codigo punto', 'point', 'point code'], type: 'reference', required: true, sqlColumn: 'measurement_point_id', sqlType: 'int',
      example: 'PM-BOM-0001-T', reference: { table: 'measurement_points', by: ['code'], noun: 'el punto de medición' },
    },
    { field: 'takenAt', aliases: ['fecha', 'fecha hora', 'fecha y hora', 'date', 'timestamp'], type: 'instant', required: true, sqlColumn: 'taken_at', sqlType: 'timestamptz', example: '21/11/2026 08:30' },
    { field: 'value', aliases: ['lectura', 'reading'], type: 'decimal', required: true, sqlColumn: 'value', sqlType: 'numeric', example: 61.5 },
    { field: 'source', aliases: ['fuente'], type: 'choice', defaultValue: 'IMPORT', sqlColumn: 'source', sqlType: 'text', example: 'Importación' },
  ],
};
