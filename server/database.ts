// One pg pool per process, shared by Prisma (through the driver adapter), pg-boss, sessions and raw SQL.
import pg from 'pg';
import { createPrismaClient, type Db } from '../prisma/client.js';
import { loadConfig } from './config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface Database {
  url: string;
  pool: pg.Pool;
  prisma: Db;
  close(): Promise<void>;
}

/** Idle connections above the pool's `min` are closed after this long (pg's default, 10 s, closed them
 * between two bursts of clicks, and each reopening costs a PostgreSQL backend and a SCRAM exchange). */
const IDLE_CONNECTION_MS = 60_000;

export function connectDatabase(url: string, options: { max?: number; min?: number; applicationName?: string } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 20,
    min: options.min ?? 0,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    application_name: options.applicationName ?? 'energy-cmms',
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its server (database restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const prisma = createPrismaClient(pool);
  return {
    url,
    pool,
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Opens `count` connections of the pool now, so the first requests after start-up do not each wait
 * for a connection to be established (the cold burst at shift change). */
export async function warmPool(pool: pg.Pool, count: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: Math.min(count, pool.options.max ?? 10) }, () => pool.connect()));
  for (const client of clients) client.release();
}

/** Where reports read (the KPI job, Excel exports, the dashboard): the read replica of DATABASE_REPLICA_URL,
 * under the same row rules (it is only another connection), or the primary itself when none is set. */
export function connectReports(primary: Database, replicaUrl: string | undefined, applicationName = 'energy-cmms-reports'): Database {
  if (!replicaUrl) return { ...primary, close: async () => {} };
  return connectDatabase(replicaUrl, { max: 10, applicationName });
}

/** The connections that hold session state (LISTEN of live pages and of the notification outbox): through
 * DATABASE_SESSION_URL past a PgBouncer in transaction mode (README, "PgBouncer"), else the primary's pool. */
export function connectSessionPool(primary: Database, sessionUrl: string | undefined): Database {
  if (!sessionUrl) return { ...primary, close: async () => {} };
  return connectDatabase(sessionUrl, { max: 3, applicationName: 'energy-cmms-listen' });
}

/** For command-line scripts: DATABASE_URL, or the embedded database under DATA_DIR (started for the run). */
export async function openDatabaseForCli(): Promise<Database> {
  const config = loadConfig();
  if (config.databaseUrl) return connectDatabase(config.databaseUrl, { max: 4 });
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
  const database = connectDatabase(embedded.url, { max: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await embedded.stop();
    },
  };
}
