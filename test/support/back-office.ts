// Starts a real back office (HTTP on 127.0.0.1, queue, storage) on a fresh test database.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig, type AppConfig } from '../../server/config.js';
import { startBackOffice, type BackOffice } from '../../server/back-office.js';
import type { JobDefinition } from '../../jobs/job.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_ADMIN = { email: 'admin@planta.test', password: 'clave-de-prueba-segura-123' };
/** The session secret of every back office a test starts (in process or as a child process). */
export const TEST_SESSION_SECRET = 'a-test-only-session-secret-of-enough-length';

export interface TestBackOffice extends BackOffice {
  config: AppConfig;
  db: TestDatabase;
  close(): Promise<void>;
}

export async function startTestBackOffice(
  options: { env?: Record<string, string>; jobs?: JobDefinition<unknown>[]; database?: TestDatabase; warmUp?: boolean } = {},
): Promise<TestBackOffice> {
  const db = options.database ?? (await createTestDatabase());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    SESSION_SECRET: TEST_SESSION_SECRET,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  // No warm-up unless asked (admin/warm-up.ts): a test's back office serves a few requests, and its start is paid per file.
  const backOffice = await startBackOffice(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), { jobs: options.jobs, warmUp: options.warmUp ?? false });
  return {
    ...backOffice,
    config,
    db,
    close: async () => {
      await backOffice.stop();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
