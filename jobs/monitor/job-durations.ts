// How long each of our jobs took, over the jobs it completed in the last hour: for /metrics, which reads
// them from pg-boss's rows so one scrape of the web process covers every worker process.
import type pg from 'pg';
import { QUEUE_CLASSES } from '../queues.js';
import { PGBOSS_SCHEMA } from './pgboss-tables.js';

export interface JobDurations {
  queue: string;
  job: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

export async function readJobDurations(pool: pg.Pool, now: Date = new Date()): Promise<JobDurations[]> {
  const { rows } = await pool.query<JobDurations>(
    `WITH done AS (
       SELECT name AS queue, coalesce(data->>'job', '') AS job, extract(epoch FROM completed_on - started_on)::float8 AS seconds
         FROM ${PGBOSS_SCHEMA}.job
        WHERE name = ANY($1) AND state = 'completed' AND started_on IS NOT NULL
          AND completed_on > $2::timestamptz - interval '1 hour' AND completed_on <= $2
     )
     SELECT queue, job, count(*)::int AS runs,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY seconds) AS p95,
            max(seconds) AS max
       FROM done GROUP BY queue, job ORDER BY queue, job`,
    [[...QUEUE_CLASSES], now],
  );
  return rows;
}

/** pg-boss's own connection pools, per live process, as each counted them at its last heartbeat. */
export async function readQueuePools(pool: pg.Pool): Promise<{ instance: string; total: number; idle: number; waiting: number; max: number }[]> {
  const { rows } = await pool.query<{ instance: string; total: number; idle: number; waiting: number; max: number }>(
    `SELECT coalesce(name, '') || '@' || host || ':' || pid AS instance,
            coalesce(pool_total, 0) AS total, coalesce(pool_idle, 0) AS idle, coalesce(pool_waiting, 0) AS waiting, coalesce(pool_max, 0) AS max
       FROM ${PGBOSS_SCHEMA}.instance
      WHERE stopped_on IS NULL AND heartbeat_on > now() - make_interval(secs => 3 * heartbeat_seconds)`,
  );
  return rows;
}
