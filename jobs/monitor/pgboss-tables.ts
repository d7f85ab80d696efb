// The jobs monitor reads pg-boss's own tables with SQL (its API answers one queue or one job at a time,
// and a job handler holds a pool, not a PgBoss object). startQueue keeps pg-boss's default schema.
import { DEAD_LETTER_QUEUE, QUEUE_CLASSES } from '../queues.js';

export const PGBOSS_SCHEMA = 'pgboss';

/** The queues the monitor shows: every class queue, then the dead letters. */
export const MONITORED_QUEUES: string[] = [...QUEUE_CLASSES, DEAD_LETTER_QUEUE];

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export function isMonitoredQueue(name: string): boolean {
  return MONITORED_QUEUES.includes(name);
}
