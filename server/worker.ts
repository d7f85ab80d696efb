// `npm run worker`: a separate process that works the queues and keeps the schedules.
// It needs DATABASE_URL (production), or an embedded database already started by `npm start`.
import { JOBS } from '../jobs/registry.js';
import { registerSchedules, startQueue, startWorkers } from '../jobs/boss.js';
import { createErp } from '../integrations/erp-dynamics/index.js';
import { createStorage } from '../integrations/storage/index.js';
import { createMessageChannels } from '../integrations/messaging/index.js';
import { documentServicesOf } from './document-services.js';
import { startNotificationDispatcher } from '../jobs/notification-dispatcher.js';
import { applyMigrations } from '../prisma/migrate.js';
import { loadConfigOrExit } from './config.js';
import { connectDatabase, connectReports, connectSessionPool } from './database.js';
import { readOrCreateSecrets } from './local-secrets.js';
import { createLogger } from './logger.js';
import { installProcessGuard } from './process-guard.js';
import { onShutdown } from './shutdown.js';

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel).child({ process: 'worker' });
installProcessGuard(logger);

const url =
  config.databaseUrl ??
  `postgresql://postgres:${encodeURIComponent((await readOrCreateSecrets(config.dataDir)).postgresPassword)}@127.0.0.1:${config.embeddedPgPort}/cmms`;
const database = connectDatabase(url, { max: 10, applicationName: 'energy-cmms-worker' });
const reports = connectReports(database, config.databaseReplicaUrl, 'energy-cmms-worker-reports');
const session = connectSessionPool(database, config.databaseSessionUrl);
try {
  // Migrations hold a session lock (DATABASE_SESSION_URL past a PgBouncer in transaction mode).
  await applyMigrations(session.pool, (message) => logger.info(message));
  const storage = createStorage(config);
  await storage.check();
  const erp = createErp(config.erp);
  const queue = await startQueue({ databaseUrl: config.databaseSessionUrl ?? url, logger, work: true, monitorSeconds: config.queueMonitorSeconds, instanceName: 'worker' });
  const messageChannels = createMessageChannels(config.messaging);
  await startWorkers(queue, JOBS, { prisma: database.prisma, pool: database.pool, reports: reports.prisma, storage, erp, logger, timeZone: config.timeZone, historyRetentionMonths: config.historyRetentionMonths, importFileRetentionDays: config.imports.fileRetentionDays, jobAlerts: config.jobAlerts, messageChannels, publicUrl: config.publicUrl, workRequestWaitingHours: config.workRequestWaitingHours, sig: config.sig, ...documentServicesOf(config) });
  await registerSchedules(queue, JOBS, config.timeZone);
  const dispatcher = await startNotificationDispatcher({ pool: session.pool, prisma: database.prisma, queue, logger, channels: Object.keys(messageChannels) });
  logger.info({ jobs: JOBS.map((j) => j.name), timeZone: config.timeZone }, 'worker ready');
  onShutdown(logger, async () => {
    await dispatcher.stop();
    await queue.stop();
    await reports.close();
    await session.close();
    await database.close();
  });
} catch (error) {
  logger.fatal({ err: error }, 'the worker could not start');
  await reports.close();
  await session.close();
  await database.close();
  process.exit(1);
}
