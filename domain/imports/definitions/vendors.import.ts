import type { ImportDefinition } from '../import-definition.js';

export const vendorsImport: ImportDefinition = {
  kind: 'vendors',
  model: 'Vendor',
  table: 'vendors',
  sheetName: 'Proveedores',
  key: ['code'],
  touchesUpdatedAt: true,
  columns: [
    { field: 'code', aliases: ['codigo proveedor', 'vendor code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'code', sqlType: 'text', example: 'PROV-001' },
    { field: 'name', aliases: ['proveedor', 'razon social', 'vendor'], type: 'text', required: true, maxLength: 150, sqlColumn: 'name', sqlType: 'text', example: 'Rodamientos del Norte S. A.' },
    { field: 'taxId', aliases: ['rtn', 'nif', 'nit'], type: 'text', maxLength: 40, sqlColumn: 'tax_id', sqlType: 'text', example: '08019000123456' },
    { field: 'contactName', aliases: ['contacto'], type: 'text', maxLength: 150, sqlColumn: 'contact_name', sqlType: 'text', example: 'Ana Rivera' },
    { field: 'email', aliases: ['correo', 'e-mail'], type: 'email', maxLength: 200, sqlColumn: 'email', sqlType: 'text', example: 'ventas@rodamientos.hn' },
    { field: 'phone', aliases: ['telefono'], type: 'text', maxLength: 40, sqlColumn: 'phone', sqlType: 'text', example: '+504 2550-0000' },
  ],
};
