// The outbox side of notifications, in every process that works the queues: one LISTEN connection on
// cmms_outbox. "deliveries" (raised by notify() when its transaction commits) queues a delivery job for
// each new delivery; "database" (raised by triggers on work_requests and revision_signers) queues the
// notify-from-database job. A sweep every 30 s catches what was written while no worker listened.
import type pg from 'pg';
import type { Logger } from 'pino';
import { claimPendingDeliveries } from '../domain/notifications/deliver.js';
import { OUTBOX_CHANNEL } from '../domain/notifications/live-channels.js';
import type { Db } from '../prisma/client.js';
import type { QueueRuntime } from './boss.js';
import { deliverNotificationJob } from './deliver-notification.job.js';
import type { JobEnvelope } from './job.js';
import { notifyFromDatabaseJob } from './notify-from-database.job.js';

const BATCH = 500;
const SWEEP_MS = 30_000;

export interface NotificationDispatcher {
  /** Queues every pending delivery now (tests and the sweep). */
  dispatch(): Promise<number>;
  stop(): Promise<void>;
}

/** `channels`: the outside channels configured here (e-mail, Telegram, webhook); deliveries by any other are skipped without a job. */
export async function startNotificationDispatcher(options: { pool: pg.Pool; prisma: Db; queue: QueueRuntime; logger: Logger; channels: readonly string[] }): Promise<NotificationDispatcher> {
  const { prisma, queue, logger } = options;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  const queueClaimed = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const { queued: ids, skipped } = await claimPendingDeliveries(prisma, BATCH, options.channels);
      if (ids.length === 0 && skipped === 0) return total;
      if (ids.length === 0) continue;
      const { retry } = deliverNotificationJob;
      await queue.boss.insert(
        deliverNotificationJob.queue,
        ids.map((deliveryId) => ({
          data: { job: deliverNotificationJob.name, payload: { deliveryId } } satisfies JobEnvelope,
          retryLimit: retry.limit,
          retryDelay: retry.delaySeconds,
          retryBackoff: retry.backoff,
        })),
      );
      total += ids.length;
    }
  };
  // One pass at a time; a wake-up during a pass makes one more pass after it.
  const dispatch = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = queueClaimed()
      .catch((error: Error) => {
        if (!stopped) logger.error({ err: error }, 'notification deliveries could not be queued');
        return 0;
      })
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          void dispatch();
        }
      });
    return running;
  };

  const listener = await options.pool.connect();
  listener.on('notification', (message) => {
    if (message.payload === 'deliveries') void dispatch();
    else if (message.payload === 'database')
      void queue.send(notifyFromDatabaseJob, {}, { singletonKey: 'notify-from-database' }).catch((error: Error) => logger.error({ err: error }, 'notify-from-database could not be queued'));
  });
  listener.on('error', (error) => logger.error({ err: error }, 'notification listener connection lost'));
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  const sweep = setInterval(() => void dispatch(), SWEEP_MS);
  sweep.unref();
  void dispatch();

  return {
    dispatch,
    stop: async () => {
      stopped = true;
      clearInterval(sweep);
      await running;
      await listener.query(`UNLISTEN ${OUTBOX_CHANNEL}`).catch(() => undefined);
      listener.release();
    },
  };
}
