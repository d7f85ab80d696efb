// Who may be told about a record: the people named by a trigger, kept only where their own role rules
// (abilities.ts, read afresh from the database) let them `rule` the record, exactly as a list or a show
// page would. People whose rules come to the same SQL condition share one query, so an event for 1 000
// supervisors costs a handful of queries, not 1 000.
import type { Prisma } from '@prisma/client';
import { accessibleWhere, defineAbilitiesFor, type Action, type AppAbility } from '../access/abilities.js';
import { CURRENT_USER_COLUMNS, currentUserOf, type CurrentUserRow } from '../access/current-user.js';
import type { GroupCode } from '../../prisma/groups.js';
import type { NotifyDb } from './notify-db.js';

export interface Recipient {
  userId: number;
  name: string;
  email: string;
  locale: 'es' | 'en';
  groups: GroupCode[];
  ability: AppAbility;
}

/** Active people among `userIds`, with their rules: the columns of the signed-in user's (current-user.ts), for many. */
export async function recipientsOf(db: NotifyDb, userIds: number[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  // The SQL is a constant; the ids are a parameter.
  const rows = await db.$queryRawUnsafe<(CurrentUserRow & { id: number })[]>(
    `SELECT u.id, ${CURRENT_USER_COLUMNS} FROM users u WHERE u.id = ANY($1::int[]) AND u.is_active`,
    [...new Set(userIds)],
  );
  return rows.map((row) => {
    const { access, groups, locale } = currentUserOf(row.id, row);
    return { userId: row.id, name: row.name, email: row.email, locale, groups, ability: defineAbilitiesFor(access) };
  });
}

/** The ids of active users in any of these groups (the candidates of a kind sent to a role). */
export async function membersOf(db: NotifyDb, groups: GroupCode[]): Promise<number[]> {
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT DISTINCT u.id FROM users u JOIN user_groups ug ON ug.user_id = u.id JOIN groups g ON g.id = ug.group_id
      WHERE g.code = ANY($1::text[]) AND u.is_active ORDER BY u.id`,
    groups,
  );
  return rows.map((r) => r.id);
}

type CountingDelegate = { findMany(args: { where: unknown; select: { id: true } }): Promise<{ id: number }[]> };

/** The model's Prisma delegate by model name ('WorkOrder' → db.workOrder). */
export function delegateOf(db: NotifyDb, model: Prisma.ModelName): CountingDelegate {
  return (db as unknown as Record<string, CountingDelegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
}

/** Those of `people` allowed `rule` on the record `model`/`recordId` (or, without a record, on any row of the model). */
export async function allowedOn<P extends { ability: AppAbility }>(
  db: NotifyDb,
  people: P[],
  model: Prisma.ModelName,
  rule: Action,
  recordId: number | null,
): Promise<P[]> {
  const byCondition = new Map<string, { where: Record<string, unknown>; people: P[] }>();
  for (const person of people) {
    const where = accessibleWhere(person.ability, rule, model);
    if (!where) continue;
    const key = JSON.stringify(where);
    const entry = byCondition.get(key) ?? { where, people: [] };
    entry.people.push(person);
    byCondition.set(key, entry);
  }
  if (recordId === null) return [...byCondition.values()].flatMap((entry) => entry.people);
  const allowed: P[] = [];
  for (const { where, people: sharing } of byCondition.values()) {
    const found = await delegateOf(db, model).findMany({ where: { AND: [where, { id: recordId }] }, select: { id: true } });
    if (found.length > 0) allowed.push(...sharing);
  }
  return allowed;
}
