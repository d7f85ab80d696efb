import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { applyMigrations } from '../prisma/migrate.js';
import { withDatabase } from './global-setup.js';

const name = `cmms_empty_${randomBytes(5).toString('hex')}`;
const server = () => new pg.Client({ connectionString: inject('serverUrl') });
let pool: pg.Pool;

beforeAll(async () => {
  const client = server();
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  pool = new pg.Pool({ connectionString: withDatabase(inject('serverUrl'), name), max: 4 });
});

afterAll(async () => {
  await pool.end();
  const client = server();
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
});

describe('migrations on an empty database', () => {
  it('apply once even when two processes start together, and record themselves as Prisma does', async () => {
    const [first, second] = await Promise.all([applyMigrations(pool), applyMigrations(pool)]);
    expect(first.applied.length + second.applied.length).toBeGreaterThan(0);
    expect(first.applied.length === 0 || second.applied.length === 0).toBe(true);

    const recorded = await pool.query(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    expect(recorded.rowCount).toBe(first.applied.length + second.applied.length);
    expect(recorded.rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);

    const again = await applyMigrations(pool);
    expect(again.applied).toEqual([]);
  });

  it('leave the tables of the first model set, with their invariants as constraints', async () => {
    const tables = await pool.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['users', 'groups', 'user_groups', 'user_profiles', 'session', 'login_throttle']),
    );
    await expect(pool.query(`INSERT INTO groups (code, name) VALUES ('JEFES', 'Jefes')`)).rejects.toThrow(/groups_code_check/);
    await expect(pool.query(`INSERT INTO users (email, name, updated_at) VALUES ('Mayus@Planta.test', 'X', now())`)).rejects.toThrow(
      /users_email_lowercase_check/,
    );
  });
});
