// Lists whose rows leave as Excel: every model but people, groups, sessions and the change history
// (which has its own export, with before/after columns).
import { Prisma } from '@prisma/client';

const NOT_EXPORTED: readonly string[] = ['User', 'Group', 'UserGroup', 'UserProfile', 'Session', 'LoginThrottle', 'ChangeHistory'];

export const EXPORTABLE_MODELS: readonly Prisma.ModelName[] = Object.values(Prisma.ModelName).filter((name) => !NOT_EXPORTED.includes(name));

export function isExportable(name: string): name is Prisma.ModelName {
  return (EXPORTABLE_MODELS as readonly string[]).includes(name);
}
