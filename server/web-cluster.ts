// WEB_CONCURRENCY > 1: `npm start` becomes a primary and that many web processes (node:cluster). The
// primary prepares the database once (the embedded PostgreSQL it keeps running, the migrations, the first
// administrator), then forks the web processes, which share its port and nothing else but PostgreSQL:
// sessions, CSRF tokens, sign-in throttles, live events and files all live there or in the storage. The
// primary serves no request; a web process that dies is started again, later after each quick failure.
import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import type { Logger } from 'pino';
import { COMPONENT_BUNDLE_DIR } from '../admin/component-bundle.js';
import { bootstrapAccessControl, type BootstrapResult } from '../domain/users/bootstrap.js';
import { actAs } from '../prisma/actor.js';
import type { AppConfig } from './config.js';
import { readOrCreateSecrets } from './local-secrets.js';
import { openDatabase } from './open-database.js';
import { installProcessGuard } from './process-guard.js';
import { onShutdown } from './shutdown.js';
import { addressOf, printAddress, printFirstAdministrator } from './start-output.js';

const FIRST_RESTART_MS = 1_000;
const LONGEST_RESTART_MS = 30_000;
/** A web process that served this long before dying was healthy: the next restart waits the shortest. */
const HEALTHY_AFTER_MS = 60_000;
/** Each web process closes its server, queue and pool itself; the primary's deadline (shutdown.ts) is 45 s. */
const STOP_WAIT_MS = 40_000;
/** Connections one web process may open: its pool (20), the queue (4), LISTEN connections, a margin. */
const CONNECTIONS_PER_PROCESS = 30;

export function webProcessName(worker: Worker): string {
  return `web-${worker.id}`;
}

/** One web process of the cluster: the whole back office but the database preparation. */
export async function runClusterWebProcess(config: AppConfig, baseLogger: Logger): Promise<void> {
  const logger = baseLogger.child({ process: webProcessName(cluster.worker!), pid: process.pid });
  const { startBackOffice } = await import('./back-office.js');
  try {
    const backOffice = await startBackOffice(config, logger, { prepareDatabase: false });
    onShutdown(logger, () => backOffice.stop());
  } catch (error) {
    logger.fatal({ err: error }, 'this web process could not start');
    process.exit(1);
  }
}

interface Slot {
  /** Which web process this is (1..N): its component bundle folder. */
  index: number;
  worker: Worker;
  startedAt: number;
  quickFailures: number;
}

export async function runWebPrimary(config: AppConfig, baseLogger: Logger): Promise<void> {
  const logger = baseLogger.child({ process: 'primary', pid: process.pid });
  installProcessGuard(logger);
  const count = config.webConcurrency;

  let prepared: Awaited<ReturnType<typeof openDatabase>>;
  let createdAdmin: BootstrapResult['createdAdmin'];
  try {
    prepared = await openDatabase(config, logger, { maxConnections: Math.max(100, CONNECTIONS_PER_PROCESS * (count + 2)) });
    createdAdmin = (await actAs({ label: 'system:first-start' }, () => bootstrapAccessControl(prepared.database.prisma, config.initialAdmin))).createdAdmin;
    // Written once here, so the web processes do not race to create it.
    if (!config.sessionSecret) await readOrCreateSecrets(config.dataDir);
    await prepared.database.close();
  } catch (error) {
    logger.fatal({ err: error }, 'the back office could not start');
    process.exit(1);
  }
  const { database, embedded } = prepared;

  // Each web process builds AdminJS's component bundle at start: one folder each, so none reads a file
  // another is writing.
  const slots: Slot[] = [];
  let stopping = false;
  let ready = false;

  const fork = (index: number, quickFailures: number): Slot => {
    const worker = cluster.fork({ DATABASE_URL: database.url, ADMIN_JS_TMP_DIR: path.join(COMPONENT_BUNDLE_DIR, `web-${index}`) });
    const slot: Slot = { index, worker, startedAt: Date.now(), quickFailures };
    slots[index - 1] = slot;
    worker.once('listening', () => logger.info({ web: webProcessName(worker), childPid: worker.process.pid }, 'web process listening'));
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      if (!ready) {
        logger.fatal({ web: webProcessName(worker), code, signal }, 'a web process could not start: stopping');
        void stopAll().then(() => process.exit(1));
        return;
      }
      const healthy = Date.now() - slot.startedAt >= HEALTHY_AFTER_MS;
      const failures = healthy ? 0 : slot.quickFailures + 1;
      const waitMs = Math.min(LONGEST_RESTART_MS, FIRST_RESTART_MS * 2 ** failures);
      logger.error({ web: webProcessName(worker), childPid: worker.process.pid, code, signal, restartInSeconds: waitMs / 1000 }, 'a web process stopped: starting another');
      setTimeout(() => {
        if (!stopping) fork(index, failures);
      }, waitMs).unref();
    });
    return slot;
  };

  const stopAll = async () => {
    stopping = true;
    await Promise.all(slots.map(({ worker }) => stopWorker(worker)));
    await embedded?.stop();
  };
  onShutdown(logger, stopAll);

  const listening = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const { worker } = fork(i + 1, 0);
      return new Promise<number>((resolve) => worker.once('listening', (address) => resolve(address.port)));
    }),
  );
  ready = true;
  printFirstAdministrator(createdAdmin);
  printAddress(addressOf(config.host, listening[0]!), count);
}

function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.isDead()) return resolve();
    const force = setTimeout(() => worker.process.kill('SIGKILL'), STOP_WAIT_MS);
    worker.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    worker.process.kill('SIGTERM');
  });
}
