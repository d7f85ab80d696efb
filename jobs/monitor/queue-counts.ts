// Each queue's jobs by state, and what it finished in the hour before `now` (its throughput).
import type pg from 'pg';
import { QUEUE_CLASSES } from '../queues.js';
import { JOB_STATES, MONITORED_QUEUES, PGBOSS_SCHEMA, type JobState } from './pgboss-tables.js';

export interface QueueCounts {
  queue: string;
  counts: Record<JobState, number>;
  completedLastHour: number;
  failedLastHour: number;
}

export async function readQueueCounts(pool: pg.Pool, now: Date = new Date()): Promise<QueueCounts[]> {
  const { rows } = await pool.query<{ queue: string; state: JobState; n: number; completed: number; failed: number }>(
    `SELECT name AS queue, state::text AS state, count(*)::int AS n,
            count(*) FILTER (WHERE state = 'completed' AND completed_on > $2::timestamptz - interval '1 hour' AND completed_on <= $2)::int AS completed,
            count(*) FILTER (WHERE state = 'failed' AND completed_on > $2::timestamptz - interval '1 hour' AND completed_on <= $2)::int AS failed
       FROM ${PGBOSS_SCHEMA}.job
      WHERE name = ANY($1)
      GROUP BY 1, 2`,
    [MONITORED_QUEUES, now],
  );
  return MONITORED_QUEUES.map((queue) => {
    const mine = rows.filter((row) => row.queue === queue);
    return {
      queue,
      counts: Object.fromEntries(JOB_STATES.map((state) => [state, mine.find((row) => row.state === state)?.n ?? 0])) as Record<JobState, number>,
      completedLastHour: mine.reduce((sum, row) => sum + row.completed, 0),
      failedLastHour: mine.reduce((sum, row) => sum + row.failed, 0),
    };
  });
}

/** Jobs waiting at instant `at` (created, available and not yet started or ended), per queue. Derived from
 * the job rows' own timestamps, so a queue's depth over the last minutes needs no sampling table. */
export async function readQueueDepthHeld(pool: pg.Pool, minutes: number, now: Date = new Date()): Promise<{ queue: string; lowest: number; current: number }[]> {
  const { rows } = await pool.query<{ queue: string; lowest: number; current: number }>(
    `WITH instants AS (
       SELECT generate_series($3::timestamptz - make_interval(mins => $2), $3::timestamptz, interval '1 minute') AS at
     ), depth AS (
       SELECT q.queue, i.at,
              (SELECT count(*) FROM ${PGBOSS_SCHEMA}.job j
                WHERE j.name = q.queue AND j.created_on <= i.at AND j.start_after <= i.at
                  AND (j.started_on IS NULL OR j.started_on > i.at)
                  AND (j.completed_on IS NULL OR j.completed_on > i.at))::int AS n
         FROM unnest($1::text[]) AS q(queue) CROSS JOIN instants i
     )
     SELECT queue, min(n)::int AS lowest, (array_agg(n ORDER BY at DESC))[1] AS current FROM depth GROUP BY queue`,
    [[...QUEUE_CLASSES], minutes, now],
  );
  return rows;
}
