import type { ImportDefinition } from '../import-definition.js';

// Work calendars; their holidays come in their own sheet (calendar-holidays), imported after.
export const workCalendarsImport: ImportDefinition = {
  kind: 'work-calendars',
  model: 'WorkCalendar',
  table: 'work_calendars',
  sheetName: 'Horarios',
  key: ['code'],
  touchesUpdatedAt: false,
  columns: [
    { field: 'code', aliases: ['codigo horario', 'calendar code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'L-V' },
    { field: 'name', aliases: ['horario', 'calendar'], type: 'text', required: true, maxLength: 120, sqlColumn: 'name', sqlType: 'text', example: 'Lunes a viernes' },
    { field: 'workingDays', aliases: ['dias', 'dias laborables', 'working days'], type: 'weekdays', defaultValue: [1, 2, 3, 4, 5], sqlColumn: 'working_days', sqlType: 'int[]', example: 'L-V' },
    { field: 'dayStart', aliases: ['inicio', 'hora inicio', 'start'], type: 'time', defaultValue: '07:00', sqlColumn: 'day_start', sqlType: 'text', example: '07:00' },
    { field: 'dayEnd', aliases: ['fin', 'hora fin', 'end'], type: 'time', defaultValue: '16:00', sqlColumn: 'day_end', sqlType: 'text', example: '16:00' },
  ],
  check: (row) =>
    typeof row.dayStart === 'string' && typeof row.dayEnd === 'string' && row.dayStart >= row.dayEnd
      ? { field: 'dayEnd', reason: `La jornada termina (${row.dayEnd}) antes de empezar (${row.dayStart}).` }
      : null,
};
