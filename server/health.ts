// GET /health: the state of each part the back office needs. 200 when all are up, 503 naming the failing ones.
// A stalled scheduler (a schedule that has not run for twice its period) makes the answer "degraded", still
// 200: this web process serves pages fine, and a balancer or orchestrator that took it out of service or
// restarted it would not start the worker that keeps the schedules. Alerting reads `status` (or /metrics).
import type { RequestHandler } from 'express';
import type pg from 'pg';
import type { ObjectStorage } from '../integrations/storage/storage.js';
import type { QueueRuntime } from '../jobs/boss.js';
import { readSchedules } from '../jobs/monitor/schedule-status.js';

type PartState = { status: 'up' } | { status: 'down'; error: string } | { status: 'degraded'; late: string[] };

class Degraded extends Error {
  constructor(readonly late: string[]) {
    super('late schedules');
  }
}
const CHECK_TIMEOUT_MS = 3_000;

export function healthHandler(parts: { pool: pg.Pool; queue: QueueRuntime; storage: ObjectStorage }): RequestHandler {
  const checks: Record<string, () => Promise<unknown>> = {
    database: () => parts.pool.query('SELECT 1'),
    queue: async () => {
      if (!(await parts.queue.boss.getQueue('critical'))) throw new Error('queue "critical" does not exist');
    },
    storage: () => parts.storage.check(),
    scheduler: async () => {
      const late = (await readSchedules(parts.pool)).filter((schedule) => schedule.late).map((schedule) => schedule.job);
      if (late.length) throw new Degraded(late);
    },
  };
  return async (_req, res) => {
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]): Promise<[string, PartState]> => {
        try {
          await withTimeout(check(), CHECK_TIMEOUT_MS);
          return [name, { status: 'up' }];
        } catch (error) {
          if (error instanceof Degraded) return [name, { status: 'degraded', late: error.late }];
          return [name, { status: 'down', error: (error as Error).message || String(error) }];
        }
      }),
    );
    const failing = entries.filter(([, state]) => state.status === 'down').map(([name]) => name);
    const degraded = entries.filter(([, state]) => state.status === 'degraded').map(([name]) => name);
    res
      .status(failing.length ? 503 : 200)
      .set('Cache-Control', 'no-store')
      .json({ status: failing.length ? 'down' : degraded.length ? 'degraded' : 'up', failing, ...(degraded.length && { degraded }), parts: Object.fromEntries(entries) });
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]);
}
