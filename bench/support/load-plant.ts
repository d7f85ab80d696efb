// The people and records of the load benchmark, on the demo plant: signed-in users of all five groups (the
// demo's technicians, who hold assigned orders, and bench accounts for the other groups), and the ids
// their requests pick from.
import type pg from 'pg';
import { hashPassword } from '../../domain/users/password.js';
import type { GroupCode } from '../../prisma/groups.js';

export interface LoadUser {
  email: string;
  group: GroupCode;
  /** Technicians: their orders in progress with procedure steps (step recording). */
  ordersInProgress: number[];
  /** Supervisors: completed orders only they close (each closed once per plant: a pool that shrinks). */
  ordersToClose: number[];
}

export interface LoadPlant {
  users: LoadUser[];
  assetIds: number[];
  workOrderIds: number[];
  workRequestIds: number[];
  locationIds: number[];
  password: string;
}

/** How 100 users of a plant split across the groups at shift change; scaled to BENCH_USERS. */
const MIX: [GroupCode, number][] = [['TECHNICIANS', 0.45], ['SUPERVISORS', 0.2], ['OPERATORS', 0.15], ['CONSULTANTS', 0.15], ['ADMINISTRATORS', 0.05]];

/** `keepPasswords`: accounts that have a password keep it (and so their sessions: a password change ends them). */
export async function prepareLoadPlant(pool: pg.Pool, userCount: number, password: string, keepPasswords = false): Promise<LoadPlant> {
  const hash = await hashPassword(password);
  const counts = MIX.map(([group, share]) => [group, Math.max(1, Math.round(share * userCount))] as const);
  const users: LoadUser[] = [];
  const technicians = (
    await pool.query<{ email: string; technician_id: number }>(
      `SELECT u.email, t.id AS technician_id FROM users u JOIN technicians t ON t.user_id = u.id
        WHERE u.email LIKE 'tecnico%@planta.demo' AND u.is_active AND t.is_active ORDER BY u.email`,
    )
  ).rows;
  for (const [group, count] of counts) {
    for (let i = 0; i < count; i++) {
      if (group === 'TECHNICIANS' && i < technicians.length) {
        users.push({ email: technicians[i]!.email, group, ordersInProgress: [], ordersToClose: [] });
        continue;
      }
      const email = `carga-${group.toLowerCase()}-${String(i + 1).padStart(3, '0')}@planta.demo`;
      users.push({ email, group, ordersInProgress: [], ordersToClose: [] });
    }
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('cmms.actor_label', 'bench:load', true)`);
    await client.query(
      `INSERT INTO users (email, name, locale) SELECT r.email, 'Carga ' || r.email, 'es' FROM jsonb_to_recordset($1::jsonb) AS r(email text)
       ON CONFLICT (email) DO NOTHING`,
      [JSON.stringify(users.map((u) => ({ email: u.email })))],
    );
    await client.query(`UPDATE users SET password_hash = $2, is_active = true WHERE email = ANY($1::text[]) AND NOT ($3 AND password_hash IS NOT NULL AND is_active)`, [users.map((u) => u.email), hash, keepPasswords]);
    await client.query(
      `INSERT INTO user_groups (user_id, group_id)
       SELECT u.id, g.id FROM jsonb_to_recordset($1::jsonb) AS r(email text, grp text) JOIN users u ON u.email = r.email JOIN groups g ON g.code = r.grp
       ON CONFLICT (user_id, group_id) DO NOTHING`,
      [JSON.stringify(users.map((u) => ({ email: u.email, grp: u.group })))],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }

  // Each technician records steps on up to three of his preventive orders in progress.
  const inProgress = await pool.query<{ email: string; ids: number[] }>(
    `SELECT u.email, (array_agg(o.id ORDER BY o.id))[1:3] AS ids
       FROM work_orders o JOIN technicians t ON t.id = o.technician_id JOIN users u ON u.id = t.user_id
      WHERE o.state = 'IN_PROGRESS' AND o.kind = 'PREVENTIVE' AND u.email = ANY($1::text[])
      GROUP BY u.email`,
    [users.filter((u) => u.group === 'TECHNICIANS').map((u) => u.email)],
  );
  const byEmail = new Map(inProgress.rows.map((r) => [r.email, r.ids]));
  for (const user of users) user.ordersInProgress = byEmail.get(user.email) ?? [];
  // Supervisors close completed preventive orders, 50 each at most (a run closes a few per supervisor).
  const supervisors = users.filter((u) => u.group === 'SUPERVISORS');
  const completed = (
    await pool.query<{ id: number }>(`SELECT id FROM work_orders WHERE state = 'COMPLETED' AND kind = 'PREVENTIVE' ORDER BY id DESC LIMIT $1`, [supervisors.length * 50])
  ).rows.map((r) => r.id);
  supervisors.forEach((s, i) => (s.ordersToClose = completed.filter((_, j) => j % supervisors.length === i)));

  const sample = async (table: string) =>
    (await pool.query<{ id: number }>(`SELECT id FROM ${table} TABLESAMPLE SYSTEM (5) LIMIT 300`)).rows.map((r) => r.id);
  return {
    users,
    assetIds: await sample('assets'),
    workOrderIds: await sample('work_orders'),
    workRequestIds: await sample('work_requests'),
    locationIds: (await pool.query<{ id: number }>(`SELECT id FROM locations WHERE depth <= 2 ORDER BY id`)).rows.map((r) => r.id),
    password,
  };
}
