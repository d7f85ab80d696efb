// What a backup records of the database and a restore checks again: the server's version, the rows of
// every table, and how far the migrations went.
import type pg from 'pg';
import { BackupError } from './backup-error.js';

export async function serverVersion(client: pg.ClientBase): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ version: string; num: string }>(`SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num`);
  return { version: rows[0]!.version.split(' ')[0]!, major: Math.floor(Number(rows[0]!.num) / 10_000) };
}

/** Every ordinary and partitioned table outside the system schemas (ours, pg-boss's), quoted as schema.table. */
export async function listTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT format('%I.%I', n.nspname, c.relname) AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
     ORDER BY 1`);
  return rows.map((r) => r.name);
}

/** Exact row counts (count(*), as seen by the client's current transaction). */
export async function countRows(client: pg.ClientBase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  // Names come from the catalogue, already quoted by format('%I.%I').
  for (const table of await listTables(client)) counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  return counts;
}

export async function migrationLevel(client: pg.ClientBase): Promise<{ applied: number; latest: string | null }> {
  const present = await client.query<{ present: boolean }>(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`);
  if (!present.rows[0]!.present)
    throw new BackupError(
      'This database has no _prisma_migrations table: it is not an Energy CMMS database, or it was never migrated.',
      'Check DATABASE_URL: it must name the database the application uses.',
    );
  const { rows } = await client.query<{ applied: number; latest: string | null }>(`
    SELECT count(*)::int AS applied, max(migration_name) AS latest FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
  return rows[0]!;
}

/** A few of the relations a database already holds outside the system schemas (none: it is empty). */
export async function existingRelations(client: pg.ClientBase): Promise<{ count: number; examples: string[] }> {
  const { rows } = await client.query<{ name: string; total: string }>(`
    SELECT format('%I.%I', n.nspname, c.relname) AS name, count(*) OVER () AS total
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
     ORDER BY c.relkind <> 'r', 1
     LIMIT 5`);
  return { count: Number(rows[0]?.total ?? 0), examples: rows.map((r) => r.name) };
}
