import type { ImportDefinition } from '../import-definition.js';

export const frequenciesImport: ImportDefinition = {
  kind: 'frequencies',
  model: 'Frequency',
  table: 'frequencies',
  sheetName: 'Frecuencias',
  key: ['code'],
  touchesUpdatedAt: false,
  columns: [
    { field: 'code', aliases: ['codigo frecuencia', 'frequency code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'M1' },
    { field: 'name', aliases: ['frecuencia', 'frequency'], type: 'text', required: true, maxLength: 120, sqlColumn: 'name', sqlType: 'text', example: 'Mensual' },
    { field: 'calendarInterval', aliases: ['cada', 'intervalo', 'every', 'interval'], type: 'integer', sqlColumn: 'calendar_interval', sqlType: 'int', example: 1 },
    { field: 'calendarUnit', aliases: ['unidad', 'unit', 'periodo'], type: 'choice', sqlColumn: 'calendar_unit', sqlType: 'text', example: 'Meses' },
    { field: 'meterInterval', aliases: ['cada contador', 'intervalo contador', 'meter interval'], type: 'decimal', sqlColumn: 'meter_interval', sqlType: 'numeric', example: null },
  ],
  // The database's rule (frequencies_interval_check), said to the clerk before it refuses the row.
  check: (row) => {
    // null: the cell is empty; undefined: it did not parse (already reported on its own).
    const { calendarInterval: interval, calendarUnit: unit, meterInterval: meter } = row;
    if (interval === null && unit !== null && unit !== undefined) return { field: 'calendarInterval', reason: 'Falta cada cuánto: el intervalo de calendario y su unidad van juntos.' };
    if (unit === null && interval !== null && interval !== undefined) return { field: 'calendarUnit', reason: 'Falta la unidad (días, semanas o meses): el intervalo y su unidad van juntos.' };
    if (interval === null && meter === null) return { field: 'calendarInterval', reason: 'Indique cada cuánto (días, semanas o meses) o cada cuántas unidades de contador.' };
    if (typeof interval === 'number' && interval <= 0) return { field: 'calendarInterval', reason: 'El intervalo debe ser mayor que cero.' };
    if (typeof meter === 'number' && meter <= 0) return { field: 'meterInterval', reason: 'El intervalo de contador debe ser mayor que cero.' };
    return null;
  },
};
