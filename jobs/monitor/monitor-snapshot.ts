// Everything the jobs monitor page shows, read in one go.
import type pg from 'pg';
import type { JobDefinition } from '../job.js';
import { readDeadLetters, readOpenJobs, readRecentFailures, type DeadLetter, type FailedJob } from './failed-jobs.js';
import { JOB_STATES } from './pgboss-tables.js';
import { readQueueCounts, type QueueCounts } from './queue-counts.js';
import { readSchedules, type ScheduleStatus } from './schedule-status.js';
import { readWorkers, type WorkerProcess } from './workers.js';

export interface MonitorSnapshot {
  now: Date;
  timeZone: string;
  states: readonly string[];
  queues: QueueCounts[];
  /** Each schedule, with whether "ejecutar ahora" may run its job (it is one of ours). */
  schedules: (ScheduleStatus & { canRunNow: boolean })[];
  failures: FailedJob[];
  deadLetters: DeadLetter[];
  /** Waiting, due for a retry or running (newest first). */
  open: (FailedJob & { state: string; startAfter: Date })[];
  workers: WorkerProcess[];
}

export async function readMonitorSnapshot(pool: pg.Pool, jobs: JobDefinition<unknown>[], timeZone: string, now: Date = new Date()): Promise<MonitorSnapshot> {
  const [queues, schedules, failures, deadLetters, open, workers] = await Promise.all([
    readQueueCounts(pool, now),
    readSchedules(pool, now),
    readRecentFailures(pool, { limit: 50 }),
    readDeadLetters(pool, 50),
    readOpenJobs(pool, 50),
    readWorkers(pool, now),
  ]);
  const scheduled = new Set(jobs.filter((job) => job.schedule).map((job) => job.name));
  return {
    now,
    timeZone,
    states: JOB_STATES,
    queues,
    schedules: schedules.map((schedule) => ({ ...schedule, canRunNow: scheduled.has(schedule.job) })),
    failures,
    deadLetters,
    open,
    workers,
  };
}
