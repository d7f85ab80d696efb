// The jobs monitor's routes, inside the /admin router (session, CSRF, rights read afresh), for
// administrators only (the rule `manage Jobs`, checked here on every route and again by the operations):
//   GET  /jobs-monitor/data                       queues, schedules, failures, dead letters, workers
//   POST /jobs-monitor/jobs/:queue/:id/retry      a failed or cancelled job, again
//   POST /jobs-monitor/jobs/:queue/:id/cancel     a waiting or running job, cancelled
//   POST /jobs-monitor/schedules/:job/run         "Ejecutar ahora": a scheduled job, once, now
// Any other method on the three actions answers 405: state changes by POST only.
import express, { type NextFunction, type Request, type Response } from 'express';
import { AccessDeniedError } from '../../domain/access/abilities.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import type { QueueRuntime } from '../../jobs/boss.js';
import type { JobDefinition } from '../../jobs/job.js';
import { changeJob, runScheduledJobNow } from '../../jobs/monitor/job-interventions.js';
import { readMonitorSnapshot } from '../../jobs/monitor/monitor-snapshot.js';
import type { Db } from '../../prisma/client.js';
import type pg from 'pg';
import { abilityOf } from '../access.js';

export interface JobsMonitorRoutesOptions {
  prisma: Db;
  pool: pg.Pool;
  queue: QueueRuntime;
  jobs: JobDefinition<unknown>[];
  timeZone: string;
}

export function jobsMonitorRoutes(options: JobsMonitorRoutesOptions): express.Router {
  const router = express.Router();
  const user = (req: Request) => req.session.adminUser as CurrentUser;
  const deps = { prisma: options.prisma, queue: options.queue, jobs: options.jobs };

  router.use('/jobs-monitor', (req: Request, res: Response, next: NextFunction) => {
    if (!abilityOf(user(req)).can('manage', 'Jobs')) return next(new AccessDeniedError('manage', 'Jobs', 'jobsMonitorAdministratorsOnly'));
    const isAction = req.path !== '/data';
    if (isAction && req.method !== 'POST') return res.status(405).set('Allow', 'POST').json({ error: 'method not allowed', message: 'postRequired' });
    next();
  });

  router.get('/jobs-monitor/data', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await readMonitorSnapshot(options.pool, options.jobs, options.timeZone));
  });

  for (const [path, action] of [['retry', 'RETRY'], ['cancel', 'CANCEL']] as const)
    router.post(`/jobs-monitor/jobs/:queue/:id/${path}`, async (req, res) => {
      await changeJob(deps, abilityOf(user(req)), user(req).access.userId, action, req.params.queue!, req.params.id!);
      res.json({ ok: true });
    });

  router.post('/jobs-monitor/schedules/:job/run', async (req, res) => {
    const id = await runScheduledJobNow(deps, abilityOf(user(req)), user(req).access.userId, req.params.job!);
    res.status(202).json({ ok: true, id });
  });

  return router;
}
