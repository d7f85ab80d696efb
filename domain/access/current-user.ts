// The signed-in user as kept in the session and handed to AdminJS as `currentAdmin`.
import type { GroupCode } from '../users/groups.js';

export interface CurrentUser {
  id: string;
  email: string;
  title: string;
  groups: GroupCode[];
  locale: 'es' | 'en';
}

export function isAdministrator(user: unknown): boolean {
  const groups = (user as { groups?: unknown } | null | undefined)?.groups;
  return Array.isArray(groups) && groups.includes('ADMINISTRATORS');
}
