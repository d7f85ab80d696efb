// The processes working the queues, from pg-boss's instance registry: each PgBoss object refreshes its
// row every 30 s (its heartbeat); pg-boss counts one quiet for three heartbeats as gone.
import type pg from 'pg';
import { PGBOSS_SCHEMA } from './pgboss-tables.js';

export interface WorkerProcess {
  id: string;
  name: string;
  host: string;
  pid: number;
  queues: string[];
  startedOn: Date;
  heartbeatOn: Date;
  alive: boolean;
}

export async function readWorkers(pool: pg.Pool, now: Date = new Date()): Promise<WorkerProcess[]> {
  const { rows } = await pool.query<{ id: string; name: string | null; host: string; pid: number; queues: string[] | null; started_on: Date; heartbeat_on: Date; alive: boolean }>(
    `SELECT id, name, host, pid, started_on, heartbeat_on,
            (SELECT array_agg(DISTINCT w->>'queue' ORDER BY w->>'queue') FROM jsonb_array_elements(workers) w) AS queues,
            stopped_on IS NULL AND heartbeat_on > $1::timestamptz - make_interval(secs => 3 * heartbeat_seconds) AS alive
       FROM ${PGBOSS_SCHEMA}.instance
      WHERE stopped_on IS NULL OR stopped_on > $1::timestamptz - interval '1 day'
      ORDER BY alive DESC, heartbeat_on DESC
      LIMIT 50`,
    [now],
  );
  return rows.map((row) => ({ id: row.id, name: row.name ?? '', host: row.host, pid: row.pid, queues: row.queues ?? [], startedOn: row.started_on, heartbeatOn: row.heartbeat_on, alive: row.alive }));
}
