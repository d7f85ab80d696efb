// Applies pending migrations from prisma/migrations, recording them in Prisma's own
// `_prisma_migrations` table so `prisma migrate status` keeps understanding the database.
// We run this ourselves instead of `prisma migrate deploy` because the CLI's schema engine needs a
// catalog-type workaround and ~10 s of WASM start-up; this takes milliseconds and holds an advisory
// lock, so a web and a worker process starting together never apply the same migration twice.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK_KEY = 72_707_369; // arbitrary, constant: "our migrations" advisory lock

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export async function applyMigrations(
  pool: pg.Pool,
  log: (message: string) => void = () => {},
  migrationsDir = MIGRATIONS_DIR,
): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const name of await listMigrations(migrationsDir)) {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      if (done.has(name)) {
        if (done.get(name) !== checksum) log(`migration ${name} was edited after it was applied; not re-applied`);
        continue;
      }
      log(`applying migration ${name}`);
      try {
        await client.query('BEGIN');
        await client.query(sql);
        // Change-history capture functions are generated per table from its columns; a migration that
        // altered an audited table regenerates them here, in its own transaction (migration
        // *_history_capture_per_table). Earlier migrations run before the generator exists.
        const generator = await client.query(`SELECT to_regprocedure('cmms_refresh_history_captures()') IS NOT NULL AS present`);
        if (generator.rows[0].present) await client.query('SELECT cmms_refresh_history_captures()');
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
      }
      applied.push(name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

async function listMigrations(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}
