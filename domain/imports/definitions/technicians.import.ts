import type { ImportDefinition } from '../import-definition.js';

// Technicians by their user's e-mail (import users first); the name follows the user (trigger).
export const techniciansImport: ImportDefinition = {
  kind: 'technicians',
  model: 'Technician',
  table: 'technicians',
  sheetName: 'Técnicos',
  key: ['user'],
  touchesUpdatedAt: false,
  columns: [
    {
      field: 'user', aliases: ['correo', 'email', 'usuario', 'user email'], type: 'reference', required: true, sqlColumn: 'user_id', sqlType: 'int', example: 'tomas.tecnico@planta.hn',
      reference: { table: 'users', by: ['email'], noun: 'el usuario' },
    },
    { field: 'craft', aliases: ['oficio', 'puesto', 'cargo', 'craft', 'position'], type: 'text', required: true, maxLength: 80, sqlColumn: 'craft', sqlType: 'text', example: 'Mecánico' },
    { field: 'hourlyCost', aliases: ['costo hora', 'tarifa', 'hourly cost'], type: 'decimal', defaultValue: 0, sqlColumn: 'hourly_cost', sqlType: 'numeric', example: 180 },
    { field: 'isActive', aliases: ['activo', 'active'], type: 'boolean', defaultValue: true, sqlColumn: 'is_active', sqlType: 'boolean', example: 'Sí' },
  ],
  check: (row) => (typeof row.hourlyCost === 'number' && row.hourlyCost < 0 ? { field: 'hourlyCost', reason: 'El costo por hora no puede ser negativo.' } : null),
};
