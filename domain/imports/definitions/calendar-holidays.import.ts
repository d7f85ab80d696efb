import type { ImportDefinition } from '../import-definition.js';

export const calendarHolidaysImport: ImportDefinition = {
  kind: 'calendar-holidays',
  model: 'CalendarHoliday',
  table: 'calendar_holidays',
  sheetName: 'Feriados',
  key: ['calendar', 'date'],
  touchesUpdatedAt: false,
  columns: [
    {
      field: 'calendar', aliases: ['codigo horario', 'calendar code'], type: 'reference', required: true, sqlColumn: 'calendar_id', sqlType: 'int', example: 'L-V',
      reference: { table: 'work_calendars', by: ['code'], noun: 'el horario' },
    },
    { field: 'date', aliases: ['dia', 'feriado', 'holiday'], type: 'date', required: true, sqlColumn: 'date', sqlType: 'date', example: '15/09/2027' },
    { field: 'name', aliases: ['motivo', 'descripcion'], type: 'text', required: true, maxLength: 120, sqlColumn: 'name', sqlType: 'text', example: 'Día de la Independencia' },
  ],
};
