// Lists whose rows leave as Excel: every model but groups, memberships, profiles, sessions and the
// change history (which has its own export, with before/after columns). Users leave in their import
// template's columns (e-mail, name, active, groups, language; never a password), for those who may
// export them (administrators), so the list can be corrected and imported back.
import { Prisma } from '@prisma/client';

const NOT_EXPORTED: readonly string[] = ['Group', 'UserGroup', 'UserProfile', 'Session', 'LoginThrottle', 'ChangeHistory'];

export const EXPORTABLE_MODELS: readonly Prisma.ModelName[] = Object.values(Prisma.ModelName).filter((name) => !NOT_EXPORTED.includes(name));

export function isExportable(name: string): name is Prisma.ModelName {
  return (EXPORTABLE_MODELS as readonly string[]).includes(name);
}
