// The five user groups of ../shared/DOMAIN.md, as the database knows them: the codes its CHECK accepts
// (migration *_init) and the names and descriptions they are created with, at first start
// (domain/users/bootstrap.ts) or by the demo seed. Here, in prisma/, so the seed needs nothing from
// domain/; their rules live in domain/access/abilities.ts.
export const GROUP_CODES = ['ADMINISTRATORS', 'SUPERVISORS', 'TECHNICIANS', 'CONSULTANTS', 'OPERATORS'] as const;
export type GroupCode = (typeof GROUP_CODES)[number];

// canReadHistory: the right to browse the change history each group starts with (administrators only; any
// group can be granted it later). One definition for the first start and the demo seed alike.
export const GROUPS: Record<GroupCode, { name: string; description: string; canReadHistory: boolean }> = {
  ADMINISTRATORS: { name: 'Administradores', description: 'Todo, incluidos usuarios, roles y configuración.', canReadHistory: true },
  SUPERVISORS: {
    name: 'Supervisores',
    description: 'Crean y editan órdenes, asignan técnicos, aprueban hasta su límite, ejecutan importaciones.',
    canReadHistory: false,
  },
  TECHNICIANS: { name: 'Técnicos', description: 'Ven y ejecutan las órdenes de trabajo asignadas a ellos.', canReadHistory: false },
  CONSULTANTS: { name: 'Consultores', description: 'Solo lectura de todo salvo usuarios y secretos; reportes.', canReadHistory: false },
  OPERATORS: { name: 'Operadores', description: 'Tickets del call center y avisos; lectura de activos.', canReadHistory: false },
};
