import type { ImportDefinition } from '../import-definition.js';

// People of the old system, without passwords: an imported account cannot sign in until an
// administrator sets its password in the user's form. No password or hash is ever read from a sheet.
// Groups may come in one cell ("Supervisores; Técnicos", codes or English names too): a filled cell
// makes them the user's groups exactly; an empty one leaves the user's groups as they are.
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
    {
      field: 'groups', aliases: ['grupos', 'grupo', 'groups', 'group', 'roles', 'rol', 'perfiles'], type: 'choices', vocabularyOf: 'Group', vocabularyField: 'code',
      links: { table: 'user_groups', ownerColumn: 'user_id', targetColumn: 'group_id', targetTable: 'groups', targetBy: 'code' },
      sqlColumn: 'groups', sqlType: 'text', example: 'Técnicos',
    },
    { field: 'locale', aliases: ['idioma', 'language'], type: 'choice', defaultValue: 'es', sqlColumn: 'locale', sqlType: 'text', example: 'es' },
  ],
};
