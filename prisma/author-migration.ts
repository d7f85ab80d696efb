// Authoring a migration offline: the SQL that takes the database from the last migrated datamodel to the
// schema folder prisma/schema/, written as prisma/migrations/<timestamp>_<name>/migration.sql
// (`npm run db:migration -- <name>`, server/commands/db-migration.ts, gives it a scratch database).
// `prisma migrate dev` is broken with the JS schema engine (shadow database), so we diff datamodels:
// prisma/migrations/schema.snapshot.prisma is the datamodel the migrations produce, and is updated here.
// The snapshot is one file (the folder's files joined): a folder there would pass for a migration.
// Hand-written SQL Prisma cannot express (CHECK constraints, triggers, expression indexes) is appended
// to the generated file by the author; diffing datamodels never tries to drop it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR } from './migrate.js';

const SCHEMA = 'prisma/schema';
const SNAPSHOT = path.join(MIGRATIONS_DIR, 'schema.snapshot.prisma');

export const MIGRATION_NAME = /^[a-z0-9_]+$/;

/**
 * Writes the migration and updates the snapshot; returns its folder, or undefined when the schema matches
 * the last migration. `scratchDatabaseUrl`: the JS schema engine opens a connection even for a
 * datamodel-only diff, so it is given a throwaway database it never writes to.
 */
export async function authorMigration(name: string, scratchDatabaseUrl: string): Promise<string | undefined> {
  if (!MIGRATION_NAME.test(name)) throw new RangeError(`A migration name is snake_case (${MIGRATION_NAME.source}), got "${name}"`);
  const from = existsSync(SNAPSHOT) ? ['--from-schema-datamodel', SNAPSHOT] : ['--from-empty'];
  const sql = execFileSync(
    'prisma',
    ['migrate', 'diff', ...from, '--to-schema-datamodel', SCHEMA, '--script'],
    { env: { ...process.env, DATABASE_URL: scratchDatabaseUrl }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (!/^\s*(CREATE|ALTER|DROP)/m.test(sql)) return undefined;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql);
  await writeFile(SNAPSHOT, await joinedSchema(SCHEMA));
  return dir;
}

/** The schema folder as one datamodel file, its files in name order, each under a line naming it. */
async function joinedSchema(folder: string): Promise<string> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.prisma')).sort();
  const parts = await Promise.all(names.map(async (n) => `// ==== ${n}\n\n${await readFile(path.join(folder, n), 'utf8')}`));
  return parts.join('\n');
}
