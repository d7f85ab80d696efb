// pg-boss wiring: PostgreSQL is the only queue. Web processes send; worker processes (or the web
// process itself in the embedded default) also work the class queues and keep the schedules.
import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { actAs } from '../prisma/actor.js';
import type { JobContext, JobDefinition, JobEnvelope } from './job.js';
import { DEAD_LETTER_QUEUE, QUEUE_CLASSES, QUEUE_SETTINGS } from './queues.js';

/** A connection in the caller's transaction: a job sent through it exists only if that transaction commits. */
export interface QueueConnection {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface QueueRuntime {
  boss: PgBoss;
  send<P>(job: JobDefinition<P>, payload: P, options?: { singletonKey?: string; startAfterSeconds?: number; id?: string; db?: QueueConnection }): Promise<string | null>;
  stop(): Promise<void>;
}

export async function startQueue(options: {
  databaseUrl: string;
  logger: Logger;
  /** Workers and schedules run here (false: only send, e.g. a web process beside a worker process). */
  work: boolean;
  /** How often the queue's monitor looks for expired jobs and missed heartbeats (pg-boss default 60 s). */
  monitorSeconds?: number;
  /** The name this process has in the jobs monitor's list of workers. */
  instanceName?: string;
}): Promise<QueueRuntime> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 4,
    application_name: 'energy-cmms-queue',
    // pg-boss's instance registry is the workers' heartbeat the jobs monitor shows: one row per process,
    // refreshed every 30 s, named for what the process does.
    instanceName: options.instanceName ?? (options.work ? 'worker' : 'web'),
    supervise: options.work,
    schedule: options.work,
    // A worker hears a job the moment it is sent (a queue's `notify`), instead of at its next poll.
    useListenNotify: options.work,
    ...(options.monitorSeconds && { superviseIntervalSeconds: options.monitorSeconds, monitorIntervalSeconds: options.monitorSeconds }),
  });
  // pg errors carry their whole client object: log what a person can act on.
  boss.on('error', (error: Error & { code?: string }) => {
    // 57P01: the server is shutting down (e.g. Ctrl-C reached the embedded PostgreSQL first).
    const level = error.code === '57P01' ? 'info' : 'error';
    options.logger[level]({ error: error.message, code: error.code }, 'queue connection error');
  });
  await boss.start();
  await ensureQueues(boss);
  return {
    boss,
    send: (job, payload, sendOptions = {}) =>
      boss.send(job.queue, { job: job.name, payload } satisfies JobEnvelope, {
        retryLimit: job.retry.limit,
        retryDelay: job.retry.delaySeconds,
        retryBackoff: job.retry.backoff,
        singletonKey: sendOptions.singletonKey,
        startAfter: sendOptions.startAfterSeconds,
        ...(sendOptions.id && { id: sendOptions.id }),
        ...(sendOptions.db && { db: sendOptions.db as { executeSql(text: string, values?: unknown[]): Promise<{ rows: never[] }> } }),
        // pg-boss refuses the key itself when it is undefined.
        ...(job.heartbeatSeconds !== undefined && { heartbeatSeconds: job.heartbeatSeconds }),
      }),
    stop: () => boss.stop({ graceful: true, timeout: 20_000 }),
  };
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  if (!(await boss.getQueue(DEAD_LETTER_QUEUE))) await boss.createQueue(DEAD_LETTER_QUEUE, { retentionSeconds: 30 * 86_400 });
  for (const name of QUEUE_CLASSES) {
    const existing = await boss.getQueue(name);
    // Sending a job raises a NOTIFY that wakes the workers (an import starts at once, not up to a poll later).
    if (existing && !existing.notify) await boss.updateQueue(name, { notify: true });
    if (existing) continue;
    await boss.createQueue(name, {
      deadLetter: DEAD_LETTER_QUEUE,
      expireInSeconds: QUEUE_SETTINGS[name].expireInSeconds,
      retryLimit: 2,
      retryBackoff: true,
      notify: true,
    });
  }
}

/** Subscribes one worker per queue class that dispatches to the job named in the envelope. */
export async function startWorkers(
  runtime: QueueRuntime,
  jobs: JobDefinition<unknown>[],
  context: Omit<JobContext, 'jobId' | 'logger' | 'retryCount'> & { logger: Logger },
): Promise<void> {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  for (const queue of QUEUE_CLASSES) {
    await runtime.boss.work<JobEnvelope>(
      queue,
      {
        batchSize: 1,
        localConcurrency: QUEUE_SETTINGS[queue].concurrency,
        pollingIntervalSeconds: QUEUE_SETTINGS[queue].pollingSeconds,
        // Polling stays as often as without NOTIFY: a retry's delayed start raises no NOTIFY when it comes due.
        notifyPollingIntervalSeconds: QUEUE_SETTINGS[queue].pollingSeconds,
        // pg-boss waits a polling interval after every fetch, even one that found a job: a queue drained at
        // its concurrency per second (2 notification deliveries a second, whatever the backlog). While the
        // queue's counts (refreshed by the monitor, QUEUE_MONITOR_SECONDS) show jobs waiting, each worker
        // fetches the next job as soon as it is done with one, until a fetch finds none.
        burstWhenReadyExceeds: 1,
      },
      async ([received]) => {
        if (!received) return;
        const definition = byName.get(received.data.job);
        if (!definition || definition.queue !== queue)
          throw new Error(`No job "${received.data.job}" is registered on queue "${queue}"`);
        const logger = context.logger.child({ job: definition.name, jobId: received.id, queue });
        const started = Date.now();
        try {
          // The job is the author of what it writes (change history).
          const result = await actAs({ label: `job:${definition.name}`, requestId: received.id }, () =>
            definition.handle(definition.parse(received.data.payload), { ...context, logger, jobId: received.id, retryCount: received.retryCount }),
          );
          logger.info({ ms: Date.now() - started }, 'job completed');
          return result;
        } catch (error) {
          logger.error({ err: error, ms: Date.now() - started }, 'job failed');
          throw error;
        }
      },
    );
  }
}

/** Schedules are stored in PostgreSQL; pg-boss evaluates the cron in the plant's time zone. */
export async function registerSchedules(runtime: QueueRuntime, jobs: JobDefinition<unknown>[], timeZone: string): Promise<void> {
  for (const job of jobs) {
    if (!job.schedule) continue;
    await runtime.boss.schedule(job.queue, job.schedule, { job: job.name, payload: {} } satisfies JobEnvelope, {
      tz: timeZone,
      key: job.name,
      retryLimit: job.retry.limit,
      retryDelay: job.retry.delaySeconds,
      retryBackoff: job.retry.backoff,
    });
  }
}

