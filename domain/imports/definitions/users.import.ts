import type { ImportDefinition } from '../import-definition.js';

// People of the old system, without passwords: an imported account cannot sign in until an
// administrator sets its password in the user's form (and gives it its groups). No password, hash or
// group is ever read from a sheet.
export const usersImport: ImportDefinition = {
  kind: 'users',
  model: 'User',
  table: 'users',
  sheetName: 'Usuarios',
  key: ['email'],
  touchesUpdatedAt: true,
  columns: [
    { field: 'email', aliases: ['correo', 'correo electronico', 'e-mail', 'usuario', 'email'], type: 'email', required: true, sqlColumn: 'email', sqlType: 'text', example: 'tomas.tecnico@planta.hn' },
    { field: 'name', aliases: ['nombre', 'nombre completo', 'full name'], type: 'text', required: true, maxLength: 150, sqlColumn: 'name', sqlType: 'text', example: 'Tomás Técnico' },
    { field: 'isActive', aliases: ['activo', 'active'], type: 'boolean', defaultValue: true, sqlColumn: 'is_active', sqlType: 'boolean', example: 'Sí' },
    { field: 'locale', aliases: ['idioma', 'language'], type: 'choice', defaultValue: 'es', sqlColumn: 'locale', sqlType: 'text', example: 'es' },
  ],
};
