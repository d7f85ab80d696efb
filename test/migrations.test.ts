import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { AUDITED_TABLES } from '../domain/history/audited-tables.js';
import { applyMigrations, MIGRATIONS_DIR } from '../prisma/migrate.js';
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

  it('give every audited table its own change-history capture, regenerated when a later migration alters the table', async () => {
    const audited = await pool.query<{ table: string }>(`SELECT cmms_history_audited_tables() AS table`);
    expect(audited.rows.map((r) => r.table).sort()).toEqual([...AUDITED_TABLES].sort());
    expect((await pool.query(`SELECT cmms_stale_history_captures()`)).rows).toEqual([]);

    // A column added outside the migration runner leaves the capture stale, and the check says so.
    await pool.query(`ALTER TABLE asset_categories ADD COLUMN colour text`);
    expect((await pool.query(`SELECT cmms_stale_history_captures() AS t`)).rows).toEqual([{ t: 'asset_categories' }]);
    await pool.query(`SELECT cmms_refresh_history_captures()`);
    expect((await pool.query(`SELECT cmms_stale_history_captures()`)).rows).toEqual([]);

    // A migration that adds a column to an audited table: the runner regenerates the capture, so the
    // new column's changes are recorded from the first write.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cmms-migrations-'));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await mkdir(path.join(dir, '29991231000000_warranty'));
      await writeFile(path.join(dir, '29991231000000_warranty', 'migration.sql'), 'ALTER TABLE locations ADD COLUMN warranty_until date;');
      expect((await applyMigrations(pool, () => {}, dir)).applied).toEqual(['29991231000000_warranty']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect((await pool.query(`SELECT cmms_stale_history_captures()`)).rows).toEqual([]);
    const { rows: [location] } = await pool.query(`INSERT INTO locations (code, name) VALUES ('MIG-1', 'Sala') RETURNING id`);
    await pool.query(`UPDATE locations SET warranty_until = '2030-01-31' WHERE id = $1`, [location.id]);
    await pool.query(`UPDATE locations SET name = name WHERE id = $1`, [location.id]); // no change: no entry
    const { rows } = await pool.query(`SELECT action, changes FROM change_history WHERE table_name = 'locations' AND record_id = $1 ORDER BY id`, [String(location.id)]);
    expect(rows).toEqual([
      { action: 'INSERT', changes: { after: expect.objectContaining({ code: 'MIG-1', name: 'Sala', warranty_until: null }) } },
      { action: 'UPDATE', changes: { before: { warranty_until: null }, after: { warranty_until: '2030-01-31' } } },
    ]);
  });

  it('record every column of a wide table (63 columns), json and geometric ones included', async () => {
    const columns = Array.from({ length: 60 }, (_, i) => `c${i} integer`).join(', ');
    await pool.query(`CREATE TABLE wide_history_probe (id serial PRIMARY KEY, ${columns}, extra json, spot point)`);
    await pool.query(`SELECT cmms_record_history_of(ARRAY['wide_history_probe'])`);
    await pool.query(`INSERT INTO wide_history_probe (c0, c59) VALUES (1, 59)`);
    await pool.query(`UPDATE wide_history_probe SET c59 = 60, c30 = 30`);
    // Columns without an equality operator (json, point) are compared as jsonb or text.
    await pool.query(`UPDATE wide_history_probe SET extra = '{"a": 1}', spot = '(1,2)'`);
    await pool.query(`UPDATE wide_history_probe SET extra = '{"a":1}', spot = '(1,2)'`); // the same values: no entry
    const { rows } = await pool.query(`SELECT action, changes FROM change_history WHERE table_name = 'wide_history_probe' ORDER BY id`);
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0].changes.after)).toHaveLength(63);
    expect(rows[0].changes.after).toMatchObject({ id: 1, c0: 1, c1: null, c59: 59 });
    expect(rows[1].changes).toEqual({ before: { c30: null, c59: 59 }, after: { c30: 30, c59: 60 } });
    expect(rows[2].changes).toEqual({ before: { extra: null, spot: null }, after: { extra: { a: 1 }, spot: '(1,2)' } });
  });
});
