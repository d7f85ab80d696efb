// Behind PgBouncer in transaction mode (issue 26), what holds session state goes through DATABASE_SESSION_URL:
// the LISTEN connections of live pages and of the notification outbox, the queue (pg-boss LISTENs for new
// jobs) and the migrations' session lock. Here that address signs in as a role of its own, so
// pg_stat_activity tells which connections took it.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeKpisJob } from '../jobs/compute-kpis.job.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const ROLE = `cmms_session_${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let office: TestBackOffice;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(`CREATE ROLE ${ROLE} LOGIN SUPERUSER PASSWORD 'session-only'`);
  const sessionUrl = new URL(db.url);
  sessionUrl.username = ROLE;
  sessionUrl.password = 'session-only';
  office = await startTestBackOffice({ database: db, env: { DATABASE_SESSION_URL: sessionUrl.toString() } });
}, 120_000);
afterAll(async () => {
  await office?.close();
  const cleanup = await createTestDatabase();
  await cleanup.pool.query(`DROP ROLE IF EXISTS ${ROLE}`);
  await cleanup.drop();
});

describe('DATABASE_SESSION_URL', () => {
  it('carries the LISTEN connections and the queue; requests keep to DATABASE_URL', async () => {
    const activity = async (user: string) =>
      (await db.pool.query<{ application_name: string; query: string }>(`SELECT application_name, query FROM pg_stat_activity WHERE datname = $1 AND usename = $2`, [db.name, user])).rows;
    const mine = await activity(ROLE);
    expect(mine.filter((c) => c.application_name === 'energy-cmms-listen').map((c) => c.query).sort()).toEqual(['LISTEN cmms_live', 'LISTEN cmms_outbox']);
    expect(mine.some((c) => c.application_name === 'energy-cmms-queue')).toBe(true);
    // The request pool (energy-cmms) signs in as DATABASE_URL's user only.
    expect(mine.some((c) => c.application_name === 'energy-cmms')).toBe(false);

    // The queue works through it: a job sent is run.
    await office.queue.send(computeKpisJob, {});
    for (let waited = 0; waited < 30_000 && (await db.prisma.kpiSnapshot.count()) === 0; waited += 200) await new Promise((r) => setTimeout(r, 200));
    expect(await db.prisma.kpiSnapshot.count()).toBeGreaterThan(0);
  });
});
