// Recent failures (jobs out of retries) and dead letters, each with its error and a summary of its
// payload a person can read: scalar values only, secrets never.
import type pg from 'pg';
import { DEAD_LETTER_QUEUE, QUEUE_CLASSES } from '../queues.js';
import { PGBOSS_SCHEMA } from './pgboss-tables.js';

export interface FailedJob {
  id: string;
  queue: string;
  /** Our job's name from the envelope (jobs/job.ts). */
  job: string;
  payload: string;
  error: string;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  failedOn: Date | null;
}

export interface DeadLetter extends FailedJob {
  /** The failed job it is a copy of, in its own queue. */
  sourceQueue: string | null;
  sourceId: string | null;
}

const SECRET_KEY = /pass|secret|token|key|auth|cookie|credential|signature/i;
const MAX_VALUE = 60;
const MAX_SUMMARY = 200;

/** "importRunId=12, maxRows=500000": the envelope's payload, nested and secret values left out. */
export function payloadSummary(data: unknown): string {
  const payload = (data as { payload?: unknown } | null)?.payload ?? data;
  if (payload === null || typeof payload !== 'object') return payload === undefined || payload === null ? '' : clip(String(payload));
  const parts = Object.entries(payload as Record<string, unknown>).map(([key, value]) => {
    if (SECRET_KEY.test(key)) return `${key}=***`;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return `${key}=${clip(String(value))}`;
    return `${key}=${Array.isArray(value) ? `[${value.length}]` : '{…}'}`;
  });
  const text = parts.join(', ');
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY)}…` : text;
}

/** The error a failed job stored (pg-boss keeps the thrown error, serialised, as its output). */
export function errorOf(output: unknown): string {
  if (output === null || output === undefined) return '';
  if (typeof output === 'string') return output;
  const message = (output as { message?: unknown }).message;
  return typeof message === 'string' ? message : JSON.stringify(output).slice(0, 500);
}

function clip(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

const jobName = (data: unknown): string => String((data as { job?: unknown } | null)?.job ?? '');

type Row = { id: string; queue: string; data: unknown; output: unknown; retry_count: number; retry_limit: number; created_on: Date; completed_on: Date | null };

const failedJob = (row: Row, output: unknown = row.output): FailedJob => ({
  id: row.id,
  queue: row.queue,
  job: jobName(row.data),
  payload: payloadSummary(row.data),
  error: errorOf(output),
  retryCount: row.retry_count,
  retryLimit: row.retry_limit,
  createdOn: row.created_on,
  failedOn: row.completed_on,
});

export async function readRecentFailures(pool: pg.Pool, options: { limit?: number; since?: Date } = {}): Promise<FailedJob[]> {
  const { rows } = await pool.query<Row>(
    `SELECT id, name AS queue, data, output, retry_count, retry_limit, created_on, completed_on
       FROM ${PGBOSS_SCHEMA}.job
      WHERE name = ANY($1) AND state = 'failed' AND ($3::timestamptz IS NULL OR completed_on > $3)
      ORDER BY completed_on DESC NULLS LAST
      LIMIT $2`,
    [[...QUEUE_CLASSES], options.limit ?? 50, options.since ?? null],
  );
  return rows.map((row) => failedJob(row));
}

/** Dead letters nobody has dealt with yet (no worker takes that queue: they wait for a person). */
export async function readDeadLetters(pool: pg.Pool, limit = 50): Promise<DeadLetter[]> {
  const { rows } = await pool.query<Row & { source_name: string | null; source_id: string | null; source_output: unknown }>(
    `SELECT id, name AS queue, data, output, retry_count, retry_limit, created_on, completed_on, source_name, source_id, source_output
       FROM ${PGBOSS_SCHEMA}.job
      WHERE name = $1 AND state IN ('created', 'retry')
      ORDER BY created_on DESC
      LIMIT $2`,
    [DEAD_LETTER_QUEUE, limit],
  );
  return rows.map((row) => ({ ...failedJob(row, row.source_output ?? row.output), sourceQueue: row.source_name, sourceId: row.source_id }));
}

/** Jobs waiting, due for a retry or running: what "Cancelar" acts on. */
export async function readOpenJobs(pool: pg.Pool, limit = 50): Promise<(FailedJob & { state: string; startAfter: Date })[]> {
  const { rows } = await pool.query<Row & { state: string; start_after: Date }>(
    `SELECT id, name AS queue, data, output, retry_count, retry_limit, created_on, completed_on, state::text AS state, start_after
       FROM ${PGBOSS_SCHEMA}.job
      WHERE name = ANY($1) AND state IN ('created', 'retry', 'active')
      ORDER BY created_on DESC
      LIMIT $2`,
    [[...QUEUE_CLASSES], limit],
  );
  return rows.map((row) => ({ ...failedJob(row), state: row.state, startAfter: row.start_after }));
}
