import type { ImportDefinition } from '../import-definition.js';

export const maintenanceSchedulesImport: ImportDefinition = {
  kind: 'maintenance-schedules',
  model: 'MaintenanceSchedule',
  table: 'maintenance_schedules',
  sheetName: 'Programaciones',
  key: ['routine', 'asset'],
  touchesUpdatedAt: false,
  columns: [
    {
      field: 'routine', aliases: ['codigo rutina', 'routine code'], type: 'reference', required: true, sqlColumn: 'routine_id', sqlType: 'int', example: 'RUT-LUB-M',
      reference: { table: 'routines', by: ['code'], noun: 'la rutina' },
    },
    {
      field: 'asset', aliases: ['codigo activo', 'asset code'], type: 'reference', required: true, sqlColumn: 'asset_id', sqlType: 'int', example: 'BOM-0001',
      reference: { table: 'assets', by: ['code'], noun: 'el activo' },
    },
    {
      field: 'calendar', aliases: ['calendario', 'codigo horario', 'work calendar'], type: 'reference', sqlColumn: 'calendar_id', sqlType: 'int', example: 'L-V',
      reference: { table: 'work_calendars', by: ['code'], noun: 'el horario' },
    },
    {
      field: 'meterPoint', aliases: ['punto contador', 'meter point'], type: 'reference', sqlColumn: 'meter_point_id', sqlType: 'int', example: null,
      reference: { table: 'measurement_points', by: ['code'], noun: 'el punto de medición' },
    },
    { field: 'startsOn', aliases: ['inicio', 'fecha inicio', 'start date', 'starts on'], type: 'date', required: true, sqlColumn: 'starts_on', sqlType: 'date', example: '01/01/2027' },
    { field: 'endsOn', aliases: ['fin', 'fecha fin', 'end date', 'ends on'], type: 'date', sqlColumn: 'ends_on', sqlType: 'date', example: null },
    { field: 'isActive', aliases: ['activo', 'active'], type: 'boolean', defaultValue: true, sqlColumn: 'is_active', sqlType: 'boolean', example: 'Sí' },
  ],
  check: (row) =>
    typeof row.endsOn === 'string' && typeof row.startsOn === 'string' && row.endsOn < row.startsOn
      ? { field: 'endsOn', reason: `La fecha de fin (${row.endsOn}) es anterior a la de inicio (${row.startsOn}).` }
      : null,
};
