import type { ImportDefinition } from '../import-definition.js';

export const measurementPointsImport: ImportDefinition = {
  kind: 'measurement-points',
  model: 'MeasurementPoint',
  table: 'measurement_points',
  sheetName: 'Puntos de medición',
  key: ['code'],
  touchesUpdatedAt: true,
  columns: [
    { field: 'code', aliases: ['codigo punto', 'point code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'PM-BOM-0001-T' },
    {
      field: 'asset', aliases: ['codigo activo', 'asset code'], type: 'reference', required: true, sqlColumn: 'asset_id', sqlType: 'int', example: 'BOM-0001',
      reference: { table: 'assets', by: ['code'], noun: 'el activo' },
    },
    { field: 'variable', type: 'text', required: true, maxLength: 80, sqlColumn: 'variable', sqlType: 'text', example: 'Temperatura de cojinete' },
    { field: 'unit', aliases: ['unidad de medida'], type: 'text', required: true, maxLength: 20, sqlColumn: 'unit', sqlType: 'text', example: '°C' },
    { field: 'minValue', aliases: ['minimo', 'min', 'limite inferior'], type: 'decimal', sqlColumn: 'min_value', sqlType: 'numeric', example: 10 },
    { field: 'maxValue', aliases: ['maximo', 'max', 'limite superior'], type: 'decimal', sqlColumn: 'max_value', sqlType: 'numeric', example: 85.5 },
    { field: 'isMeter', aliases: ['contador', 'meter'], type: 'boolean', defaultValue: false, sqlColumn: 'is_meter', sqlType: 'boolean', example: 'No' },
    // energy (issue 25): a consumption meter's carrier and the value its register wraps to zero at
    { field: 'energyCarrier', aliases: ['energia', 'energy', 'energy carrier'], type: 'choice', sqlColumn: 'energy_carrier', sqlType: 'text', example: '' },
    { field: 'rolloverValue', aliases: ['vuelta a cero', 'rollover'], type: 'decimal', sqlColumn: 'rollover_value', sqlType: 'numeric', example: '' },
  ],
  check: (row) => {
    if (typeof row.minValue === 'number' && typeof row.maxValue === 'number' && row.minValue > row.maxValue)
      return { field: 'maxValue', reason: `El máximo (${row.maxValue}) es menor que el mínimo (${row.minValue}).` };
    if ((row.energyCarrier ?? null) !== null && row.isMeter !== true)
      return { field: 'energyCarrier', reason: 'Solo un contador mide energía: marque «Es contador» o deje vacía la energía.' };
    if ((row.rolloverValue ?? null) !== null && (row.isMeter !== true || !(Number(row.rolloverValue) > 0)))
      return { field: 'rolloverValue', reason: 'La vuelta a cero es un número mayor que cero, y solo de un contador.' };
    return null;
  },
};
