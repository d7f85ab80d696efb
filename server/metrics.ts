// GET /metrics in Prometheus's format (prom-client), for a scraper holding METRICS_TOKEN; without the
// setting the route does not exist (404). What it says:
// - requests by route pattern (never the raw URL, so the series stay few), method and status class, with
//   their latency: this process's;
// - queues, jobs, schedules and workers: read from pg-boss's tables at each scrape, so the web process's one
//   endpoint covers the separate worker processes too (they expose no port of their own to scrape, secure
//   and keep up; their work is in the database anyway);
// - database pools: this process's pool, and each live queue process's pool at its last heartbeat.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type pg from 'pg';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { readJobDurations, readQueuePools } from '../jobs/monitor/job-durations.js';
import { readQueueCounts } from '../jobs/monitor/queue-counts.js';
import { readSchedules } from '../jobs/monitor/schedule-status.js';
import { readWorkers } from '../jobs/monitor/workers.js';

export interface HttpMetrics {
  /** Times every request and labels it with the route pattern that answered it. */
  recordRequests: RequestHandler;
  /** GET /metrics; undefined when no token is configured. */
  endpoint: RequestHandler | undefined;
}

export function createMetrics(options: { pool: pg.Pool; token: string | undefined }): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cmms_' });
  const requests = new Histogram({
    name: 'cmms_http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status class, and how long they took',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const queueJobs = gauge('cmms_queue_jobs', 'Jobs stored per queue and state', ['queue', 'state']);
  const queueCompleted = gauge('cmms_queue_completed_last_hour', 'Jobs completed in the last hour per queue', ['queue']);
  const queueFailed = gauge('cmms_queue_failed_last_hour', 'Jobs failed for good in the last hour per queue', ['queue']);
  const jobSeconds = gauge('cmms_job_duration_seconds', 'Duration of the jobs completed in the last hour (quantile 0.5, 0.95, 1 = max)', ['queue', 'job', 'quantile']);
  const jobRuns = gauge('cmms_job_runs_last_hour', 'Jobs completed in the last hour per job', ['queue', 'job']);
  const scheduleLate = gauge('cmms_schedule_late', '1 when a schedule has not run for twice its period', ['job']);
  const scheduleAge = gauge('cmms_schedule_seconds_since_last_run', 'Seconds since a schedule last ran (or was written, if it never ran)', ['job']);
  const workersAlive = gauge('cmms_queue_workers_alive', 'Queue processes heard from within three heartbeats');
  const dbPool = gauge('cmms_db_pool_connections', "This process's database pool: connections by state (total, idle, waiting) and its max", ['state']);
  const queuePools = gauge('cmms_queue_pool_connections', "Each live queue process's pg-boss pool at its last heartbeat", ['instance', 'state']);

  const refresh = async () => {
    const now = new Date();
    const [queues, durations, schedules, workers, pools] = await Promise.all([
      readQueueCounts(options.pool, now),
      readJobDurations(options.pool, now),
      readSchedules(options.pool, now),
      readWorkers(options.pool, now),
      readQueuePools(options.pool),
    ]);
    for (const metric of [queueJobs, queueCompleted, queueFailed, jobSeconds, jobRuns, scheduleLate, scheduleAge, queuePools]) metric.reset();
    for (const queue of queues) {
      for (const [state, count] of Object.entries(queue.counts)) queueJobs.set({ queue: queue.queue, state }, count);
      queueCompleted.set({ queue: queue.queue }, queue.completedLastHour);
      queueFailed.set({ queue: queue.queue }, queue.failedLastHour);
    }
    for (const d of durations) {
      jobRuns.set({ queue: d.queue, job: d.job }, d.runs);
      jobSeconds.set({ queue: d.queue, job: d.job, quantile: '0.5' }, d.p50);
      jobSeconds.set({ queue: d.queue, job: d.job, quantile: '0.95' }, d.p95);
      jobSeconds.set({ queue: d.queue, job: d.job, quantile: '1' }, d.max);
    }
    for (const schedule of schedules) {
      scheduleLate.set({ job: schedule.job }, schedule.late ? 1 : 0);
      scheduleAge.set({ job: schedule.job }, Math.round((now.getTime() - schedule.since.getTime()) / 1000));
    }
    workersAlive.set(workers.filter((worker) => worker.alive).length);
    dbPool.set({ state: 'total' }, options.pool.totalCount);
    dbPool.set({ state: 'idle' }, options.pool.idleCount);
    dbPool.set({ state: 'waiting' }, options.pool.waitingCount);
    dbPool.set({ state: 'max' }, options.pool.options.max ?? 10);
    for (const p of pools) for (const state of ['total', 'idle', 'waiting', 'max'] as const) queuePools.set({ instance: p.instance, state }, p[state]);
  };

  const recordRequests: RequestHandler = (req, res, next) => {
    const end = requests.startTimer();
    res.once('finish', () => end({ route: routeOf(req), method: req.method, status: `${Math.floor(res.statusCode / 100)}xx` }));
    next();
  };

  const expected = options.token ? digest(options.token) : undefined;
  const endpoint: RequestHandler | undefined =
    expected &&
    (async (req: Request, res: Response, next: NextFunction) => {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      // Compared as digests: equal lengths, constant time, nothing learnt from how fast a guess fails.
      if (!given || !timingSafeEqual(digest(given), expected)) {
        res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text').send('A valid METRICS_TOKEN is required: Authorization: Bearer <token>\n');
        return;
      }
      try {
        await refresh();
        res.set({ 'Cache-Control': 'no-store', 'Content-Type': registry.contentType }).send(await registry.metrics());
      } catch (error) {
        next(error);
      }
    });
  return { recordRequests, endpoint };
}

/** The pattern of the route that answered ("/admin/api/resources/:resourceId/actions/:action"), or one
 * label for everything no route answered (404s, static files), so no URL becomes a series of its own. */
function routeOf(req: Request): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  return typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched';
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
