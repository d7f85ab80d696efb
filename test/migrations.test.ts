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
    const { rows } = await pool.query(`SELECT action, changes FROM change_history_entries WHERE table_name = 'locations' AND record_id = $1 ORDER BY id`, [String(location.id)]);
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
    const { rows } = await pool.query(`SELECT action, changes FROM change_history_entries WHERE table_name = 'wide_history_probe' ORDER BY id`);
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0].changes.after)).toHaveLength(63);
    expect(rows[0].changes.after).toMatchObject({ id: 1, c0: 1, c1: null, c59: 59 });
    expect(rows[1].changes).toEqual({ before: { c30: null, c59: 59 }, after: { c30: 30, c59: 60 } });
    expect(rows[2].changes).toEqual({ before: { extra: null, spot: null }, after: { extra: { a: 1 }, spot: '(1,2)' } });
  });

  it('store values as text and read them back as the JSON of their types, whatever the writer\'s date style, and after the table changes', async () => {
    await pool.query(`CREATE TABLE typed_history_probe (id serial PRIMARY KEY, flag boolean, amount numeric(12,2), ratio double precision,
      big bigint, day date, at timestamptz(3), local_at timestamp, tags integer[], names text[], doc jsonb, note text, grade char(1))`);
    await pool.query(`SELECT cmms_record_history_of(ARRAY['typed_history_probe'])`);
    const writer = await pool.connect();
    try {
      // A session that would print dates day-first in another time zone: the entry must not depend on it.
      await writer.query(`SET datestyle = 'SQL, DMY'; SET timezone = 'America/Mexico_City'; SET intervalstyle = 'sql_standard'`);
      await writer.query(`INSERT INTO typed_history_probe (flag, amount, ratio, big, day, at, local_at, tags, names, doc, note, grade)
        VALUES (true, 1234.50, 'NaN', 42, '2026-03-04', '2026-03-04 05:06:07.891+00', '2026-03-04 05:06:07', '{1,2}', '{"a b",c,NULL}',
                '{"k": [1, "x"]}', E'línea "1"\\nlínea 2', 'A')`);
      await writer.query(`UPDATE typed_history_probe SET day = '2026-12-31', flag = false, tags = '{}', amount = NULL`);
    } finally {
      await writer.query('RESET ALL');
      writer.release();
    }
    // What json_build_object would have written, read in this session: the entries must say the same.
    const { rows: [{ direct }] } = await pool.query(`SELECT to_json(t) AS direct FROM typed_history_probe t`);
    const entries = async () =>
      (await pool.query(`SELECT action, changes FROM change_history_entries WHERE table_name = 'typed_history_probe' ORDER BY id`)).rows;
    const written = await entries();
    expect(written[0].changes.after).toEqual({ ...direct, day: '2026-03-04', flag: true, tags: [1, 2], amount: 1234.5 });
    expect(written[0].changes.after).toMatchObject({ ratio: 'NaN', names: ['a b', 'c', null], doc: { k: [1, 'x'] }, note: 'línea "1"\nlínea 2' });
    expect(new Date(written[0].changes.after.at).toISOString()).toBe('2026-03-04T05:06:07.891Z');
    expect(written[1].changes).toEqual({
      before: { flag: true, amount: 1234.5, day: '2026-03-04', tags: [1, 2] },
      after: { flag: false, amount: null, day: '2026-12-31', tags: [] },
    });

    // The table loses a column and retypes another: earlier entries read as they were written.
    await pool.query(`ALTER TABLE typed_history_probe DROP COLUMN note, ALTER COLUMN big TYPE text`);
    await pool.query(`SELECT cmms_refresh_history_captures()`);
    await pool.query(`UPDATE typed_history_probe SET big = 'cuarenta y dos'`);
    const after = await entries();
    expect(after.slice(0, 2)).toEqual(written);
    expect(after[2].changes).toEqual({ before: { big: '42' }, after: { big: 'cuarenta y dos' } });
  });

  it('read entries written before the compact format as they were written', async () => {
    await pool.query(`INSERT INTO change_history (table_name, record_id, action, actor_label, legacy_changes)
                      VALUES ('locations', '999999', 'UPDATE', 'system:test', '{"before": {"name": "Antes"}, "after": {"name": "Después"}}')`);
    const { rows } = await pool.query(`SELECT changes FROM change_history_entries WHERE table_name = 'locations' AND record_id = '999999'`);
    expect(rows).toEqual([{ changes: { before: { name: 'Antes' }, after: { name: 'Después' } } }]);
    // An entry must carry its values one way or the other.
    await expect(pool.query(`INSERT INTO change_history (table_name, record_id, action, actor_label) VALUES ('locations', '1', 'UPDATE', 'system:test')`))
      .rejects.toThrow(/change_history_values/);
  });
});
