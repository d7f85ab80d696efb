// Starts one real PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL), migrates a template
// database once, and hands its URL to the test files; each file clones its own database from it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../server/embedded-postgres.js';
import { applyMigrations } from '../prisma/migrate.js';

export const TEMPLATE_DATABASE = 'cmms_test_template';

// embedded-postgres registers async-exit-hook when imported, whose 'beforeExit' handler calls
// process.exit(0): a failed run (vitest sets process.exitCode = 1 and lets the loop drain) would exit 0
// and CI would pass it. Keep the code vitest set.
let exitCodeOfTheRun: number | undefined;
process.on('beforeExit', () => {
  exitCodeOfTheRun ??= Number(process.exitCode ?? 0);
});
process.on('exit', () => {
  if (exitCodeOfTheRun) process.exitCode = exitCodeOfTheRun;
});

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-test-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    serverUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  const template = new pg.Pool({ connectionString: withDatabase(serverUrl, TEMPLATE_DATABASE), max: 1 });
  await applyMigrations(template);
  await template.end();
  project.provide('serverUrl', serverUrl);
}

export async function teardown() {
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
