// `npm run db:migration -- <name>`: authors a migration offline (prisma/author-migration.ts) against a
// throwaway embedded PostgreSQL, started and removed here.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { authorMigration, MIGRATION_NAME } from '../../prisma/author-migration.js';
import { freePort, startEmbeddedPostgres } from '../embedded-postgres.js';

const name = process.argv[2];
if (!name || !MIGRATION_NAME.test(name)) {
  console.error('usage: npm run db:migration -- <snake_case_name>');
  process.exit(1);
}

const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-migration-'));
const scratch = await startEmbeddedPostgres({ dataDir: scratchDir, port: await freePort() });
try {
  const dir = await authorMigration(name, scratch.url);
  console.log(
    dir
      ? `Wrote ${path.relative(process.cwd(), dir)}/migration.sql; add hand-written constraints below the generated SQL.`
      : 'The schema matches the last migration: nothing to write.',
  );
} finally {
  await scratch.stop();
  await rm(scratchDir, { recursive: true, force: true });
}
