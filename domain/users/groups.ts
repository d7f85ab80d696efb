// The five user groups of ../shared/DOMAIN.md. Their rules live in admin/abilities (issue 4).
export const GROUP_CODES = ['ADMINISTRATORS', 'SUPERVISORS', 'TECHNICIANS', 'CONSULTANTS', 'OPERATORS'] as const;
export type GroupCode = (typeof GROUP_CODES)[number];

export const GROUPS: Record<GroupCode, { name: string; description: string }> = {
  ADMINISTRATORS: { name: 'Administradores', description: 'Todo, incluidos usuarios, roles y configuración.' },
  SUPERVISORS: {
    name: 'Supervisores',
    description: 'Crean y editan órdenes, asignan técnicos, aprueban hasta su límite, ejecutan importaciones.',
  },
  TECHNICIANS: { name: 'Técnicos', description: 'Ven y ejecutan las órdenes de trabajo asignadas a ellos.' },
  CONSULTANTS: { name: 'Consultores', description: 'Solo lectura de todo salvo usuarios y secretos; reportes.' },
  OPERATORS: { name: 'Operadores', description: 'Tickets del call center y avisos; lectura de activos.' },
};
