// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
// SQL that takes the database from the last migrated datamodel to the schema folder prisma/schema/.
// `prisma migrate dev` is broken with the JS schema engine (shadow database), so we diff datamodels:
// prisma/migrations/schema.snapshot.prisma is the datamodel the migrations produce, and is updated here.
// The snapshot is one file (the folder's files joined): a folder there would pass for a migration.
// Hand-written SQL Prisma cannot express (CHECK constraints, triggers, expression indexes) is appended
// to the generated file by the author; diffing datamodels never tries to drop it.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';
import { MIGRATIONS_DIR } from './migrate.js';

const SCHEMA = 'prisma/schema';
const SNAPSHOT = path.join(MIGRATIONS_DIR, 'schema.snapshot.prisma');

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <snake_case_name>');
  process.exit(1);
}

// The JS schema engine opens a connection even for a datamodel-only diff: give it a throwaway database.
const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-migration-'));
const scratch = await startEmbeddedPostgres({ dataDir: scratchDir, port: await freePort() });
try {
  const from = existsSync(SNAPSHOT) ? ['--from-schema-datamodel', SNAPSHOT] : ['--from-empty'];
  const sql = execFileSync(
    'prisma',
    ['migrate', 'diff', ...from, '--to-schema-datamodel', SCHEMA, '--script'],
    { env: { ...process.env, DATABASE_URL: scratch.url }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (!/^\s*(CREATE|ALTER|DROP)/m.test(sql)) {
    console.log('The schema matches the last migration: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql);
    await writeFile(SNAPSHOT, await joinedSchema(SCHEMA));
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql; add hand-written constraints below the generated SQL.`);
  }
} finally {
  await scratch.stop();
  await rm(scratchDir, { recursive: true, force: true });
}

/** The schema folder as one datamodel file, its files in name order, each under a line naming it. */
async function joinedSchema(folder: string): Promise<string> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.prisma')).sort();
  const parts = await Promise.all(names.map(async (n) => `// ==== ${n}\n\n${await readFile(path.join(folder, n), 'utf8')}`));
  return parts.join('\n');
}
