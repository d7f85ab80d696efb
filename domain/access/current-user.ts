// The signed-in user as kept in the session and handed to AdminJS as `currentAdmin`.
import type { Db } from '../../prisma/client.js';
import type { AccessProfile } from './abilities.js';
import type { GroupCode } from '../../prisma/groups.js';

export interface CurrentUser {
  id: string;
  email: string;
  title: string;
  groups: GroupCode[];
  locale: 'es' | 'en';
  access: AccessProfile;
}

/** The columns of a person's rights, for `FROM users u`: read here, and with his session in the same round
 * trip on every request (admin/session.ts). */
export const CURRENT_USER_COLUMNS = `
    u.email, u.name, u.locale,
    (SELECT array_agg(g.code ORDER BY g.code) FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = u.id) AS groups,
    EXISTS (SELECT 1 FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = u.id AND g.can_read_history) AS can_read_history,
    EXISTS (SELECT 1 FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = u.id AND g.can_manage_store) AS can_manage_store,
    EXISTS (SELECT 1 FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = u.id AND g.can_approve_overdraft) AS can_approve_overdraft,
    (SELECT p.direct_manager_id FROM user_profiles p WHERE p.user_id = u.id) AS direct_manager_id,
    EXISTS (SELECT 1 FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = u.id AND g.can_manage_safety) AS can_manage_safety,
    (SELECT t.id FROM technicians t WHERE t.user_id = u.id AND t.is_active) AS technician_id,
    (SELECT array_agg(s.work_order_id ORDER BY s.work_order_id) FROM technicians t JOIN work_order_shares s ON s.technician_id = t.id WHERE t.user_id = u.id AND t.is_active) AS shared_order_ids,
    (SELECT p.approval_limit::text FROM user_profiles p WHERE p.user_id = u.id AND p.can_approve_requisitions) AS approval_limit,
    (SELECT array_agg(l.path ORDER BY l.path) FROM user_sites s JOIN locations l ON l.id = s.location_id WHERE s.user_id = u.id) AS site_paths`;

/** A row of CURRENT_USER_COLUMNS. */
export interface CurrentUserRow {
  email: string; name: string; locale: string; groups: GroupCode[] | null; can_read_history: boolean; can_manage_store: boolean; can_approve_overdraft: boolean;
  can_manage_safety: boolean; direct_manager_id: number | null; technician_id: number | null; shared_order_ids: number[] | null; approval_limit: string | null; site_paths: string[] | null;
}

/** The user's current rights from the database; null when the account is gone or deactivated.
 * Read on every request, so it is one round trip (raw SQL) rather than four ORM queries. */
export async function loadCurrentUser(prisma: Db, userId: number): Promise<CurrentUser | null> {
  // The SQL is a constant; the id is a parameter.
  const rows = await prisma.$queryRawUnsafe<CurrentUserRow[]>(`SELECT ${CURRENT_USER_COLUMNS} FROM users u WHERE u.id = $1 AND u.is_active`, userId);
  return rows[0] ? currentUserOf(userId, rows[0]) : null;
}

export function currentUserOf(userId: number, user: CurrentUserRow): CurrentUser {
  const groups = user.groups ?? [];
  return {
    id: String(userId),
    email: user.email,
    title: user.name,
    groups,
    locale: user.locale === 'en' ? 'en' : 'es',
    access: {
      userId,
      groups,
      technicianId: user.technician_id,
      sharedOrderIds: user.shared_order_ids ?? [],
      canReadHistory: user.can_read_history,
      canManageStore: user.can_manage_store,
      canApproveOverdraft: user.can_approve_overdraft,
      directManagerId: user.direct_manager_id,
      canManageSafety: user.can_manage_safety,
      approvalLimit: user.approval_limit === null ? null : Number(user.approval_limit),
      sitePaths: user.site_paths ?? [],
    },
  };
}

export function isAdministrator(user: unknown): boolean {
  const groups = (user as { groups?: unknown } | null | undefined)?.groups;
  return Array.isArray(groups) && groups.includes('ADMINISTRATORS');
}
