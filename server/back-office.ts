// Composition of one back-office process: database (embedded or DATABASE_URL), migrations, first
// administrator, storage, queue (+ in-process workers by default) and the HTTP server.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { bootstrapAccessControl, type BootstrapResult } from '../domain/users/bootstrap.js';
import { createErp } from '../integrations/erp-dynamics/index.js';
import { createStorage } from '../integrations/storage/index.js';
import type { ObjectStorage } from '../integrations/storage/storage.js';
import { registerSchedules, startQueue, startWorkers, type QueueRuntime } from '../jobs/boss.js';
import type { JobDefinition } from '../jobs/job.js';
import { JOBS } from '../jobs/registry.js';
import { startNotificationDispatcher, type NotificationDispatcher } from '../jobs/notification-dispatcher.js';
import { createMessageChannels } from '../integrations/messaging/index.js';
import { documentServicesOf } from './document-services.js';
import { actAs } from '../prisma/actor.js';
import type { AppConfig } from './config.js';
import { connectReports, connectSessionPool, warmPool, type Database } from './database.js';
import type { WarmUpResult } from '../admin/warm-up.js';
import { openDatabase } from './open-database.js';
import { createHttpApp } from './http.js';
import { startLiveHub } from '../admin/live/live-hub.js';
import { readOrCreateSecrets } from './local-secrets.js';
import { installProcessGuard } from './process-guard.js';

/** Connections of the web process's pool opened before it listens, and kept open while idle (of 20). */
const WARM_CONNECTIONS = 10;

export interface BackOffice {
  url: string;
  database: Database;
  queue: QueueRuntime;
  storage: ObjectStorage;
  bootstrap: BootstrapResult;
  /** Queues pending notification deliveries (where workers run here); null in a web-only process. */
  notificationDispatcher: NotificationDispatcher | null;
  /** What the warm-up before listening asked (admin/warm-up.ts); null without one. */
  warmedUp: WarmUpResult | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  jobs?: JobDefinition<unknown>[];
  /** False in the web processes of a cluster: their primary already migrated and created the first administrator. */
  prepareDatabase?: boolean;
  /** False: listen without first asking each group's landing pages once (admin/warm-up.ts). */
  warmUp?: boolean;
}

export async function startBackOffice(
  config: AppConfig,
  logger: Logger,
  options: StartOptions = {},
): Promise<BackOffice> {
  installProcessGuard(logger);
  const prepare = options.prepareDatabase ?? true;
  const { database, embedded } = await openDatabase(config, logger, { migrate: prepare, minConnections: WARM_CONNECTIONS });
  const cleanups: (() => Promise<void>)[] = [async () => database.close(), async () => embedded?.stop()];
  const reports = connectReports(database, config.databaseReplicaUrl);
  cleanups.push(() => reports.close());
  const session = connectSessionPool(database, config.databaseSessionUrl);
  cleanups.push(() => session.close());
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => logger.error({ err: error }, 'shutdown step failed'));
  };
  try {
    const bootstrap = prepare ? await actAs({ label: 'system:first-start' }, () => bootstrapAccessControl(database.prisma, config.initialAdmin)) : {};
    const storage = createStorage(config);
    await storage.check();
    const erp = createErp(config.erp);

    const queue = await startQueue({ databaseUrl: config.databaseSessionUrl ?? database.url, logger, work: config.workersInProcess, monitorSeconds: config.queueMonitorSeconds, instanceName: config.workersInProcess ? 'web+worker' : 'web' });
    cleanups.push(() => queue.stop());
    let notificationDispatcher: NotificationDispatcher | null = null;
    if (config.workersInProcess) {
      const jobs = options.jobs ?? JOBS;
      const messageChannels = createMessageChannels(config.messaging);
      await startWorkers(queue, jobs, { prisma: database.prisma, pool: database.pool, reports: reports.prisma, storage, erp, logger, timeZone: config.timeZone, historyRetentionMonths: config.historyRetentionMonths, importFileRetentionDays: config.imports.fileRetentionDays, jobAlerts: config.jobAlerts, messageChannels, publicUrl: config.publicUrl, workRequestWaitingHours: config.workRequestWaitingHours, sig: config.sig, ...documentServicesOf(config) });
      await registerSchedules(queue, jobs, config.timeZone);
      const dispatcher = await startNotificationDispatcher({ pool: session.pool, prisma: database.prisma, queue, logger, channels: Object.keys(messageChannels) });
      notificationDispatcher = dispatcher;
      cleanups.push(() => dispatcher.stop());
    }

    const sessionSecret = config.sessionSecret ?? (await readOrCreateSecrets(config.dataDir)).sessionSecret;
    const liveHub = await startLiveHub(session.pool, logger);
    cleanups.push(() => liveHub.stop());
    const app = await createHttpApp({ config, logger, prisma: database.prisma, pool: database.pool, reports, queue, storage, sessionSecret, jobs: options.jobs, liveHub, warmUp: options.warmUp ?? true });
    await warmPool(database.pool, WARM_CONNECTIONS);
    const server = await listen(app, config.port, config.host);
    cleanups.push(() => closeServer(server));
    // Open event streams end before the server closes (cleanups run last first), so it need not wait for them.
    cleanups.push(async () => liveHub.closeStreams());
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    logger.info({ url: `${url}/admin`, workersInProcess: config.workersInProcess, timeZone: config.timeZone }, 'back office ready');
    return { url, database, queue, storage, bootstrap, notificationDispatcher, warmedUp: (app.locals.warmedUp as WarmUpResult | undefined) ?? null, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listen(app: import('express').Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  });
}
