// The database side every process starts from: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR
// (started here), then the migrations. Kept apart from back-office.ts so a cluster's primary can prepare
// the database without loading the web stack.
import type { Logger } from 'pino';
import { applyMigrations } from '../prisma/migrate.js';
import type { AppConfig } from './config.js';
import { connectDatabase } from './database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

/** Starts the database side shared by web and worker processes: connection, migrations, groups. */
export async function openDatabase(config: AppConfig, logger: Logger, options: { migrate?: boolean; maxConnections?: number; minConnections?: number } = {}) {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, logger, maxConnections: options.maxConnections });
    url = embedded.url;
    logger.info({ dataDir: config.dataDir, port: config.embeddedPgPort }, 'embedded PostgreSQL started');
  }
  const database = connectDatabase(url, { min: options.minConnections });
  try {
    if (options.migrate === false) return { database, embedded };
    // Migrations hold a session lock: through DATABASE_SESSION_URL when a PgBouncer is in between.
    const session = config.databaseSessionUrl ? connectDatabase(config.databaseSessionUrl, { max: 1, applicationName: 'energy-cmms-migrate' }) : database;
    const migrations = await applyMigrations(session.pool, (message) => logger.info(message)).finally(() => (session === database ? undefined : session.close()));
    logger.info({ applied: migrations.applied.length, alreadyApplied: migrations.alreadyApplied }, 'database migrated');
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
  return { database, embedded };
}
