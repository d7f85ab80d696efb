// The signed-in user as kept in the session and handed to AdminJS as `currentAdmin`.
import type { Db } from '../../prisma/client.js';
import type { AccessProfile } from './abilities.js';
import type { GroupCode } from '../users/groups.js';

export interface CurrentUser {
  id: string;
  email: string;
  title: string;
  groups: GroupCode[];
  locale: 'es' | 'en';
  access: AccessProfile;
}

/** The user's current rights from the database; null when the account is gone or deactivated. */
export async function loadCurrentUser(prisma: Db, userId: number): Promise<CurrentUser | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { groups: { include: { group: true } }, technician: { select: { id: true, isActive: true } }, profile: { select: { approvalLimit: true } } },
  });
  if (!user || !user.isActive) return null;
  const groups = user.groups.map((membership) => membership.group.code as GroupCode);
  return {
    id: String(user.id),
    email: user.email,
    title: user.name,
    groups,
    locale: user.locale === 'en' ? 'en' : 'es',
    access: {
      userId: user.id,
      groups,
      technicianId: user.technician?.isActive ? user.technician.id : null,
      canReadHistory: user.groups.some((membership) => membership.group.canReadHistory),
      approvalLimit: Number(user.profile?.approvalLimit ?? 0),
    },
  };
}

export function isAdministrator(user: unknown): boolean {
  const groups = (user as { groups?: unknown } | null | undefined)?.groups;
  return Array.isArray(groups) && groups.includes('ADMINISTRATORS');
}
