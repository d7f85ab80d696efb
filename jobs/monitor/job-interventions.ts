// What an administrator may do to a job from the monitor: retry a failed or cancelled one, cancel one
// still waiting or running, or run a scheduled job now. Each is refused to anyone else, refused with a
// reason when the job's state does not allow it, and recorded (job_interventions is in the change
// history, which names who did it).
import { AccessDeniedError, type AppAbility } from '../../domain/access/abilities.js';
import { Refusal } from '../../domain/refusal.js';
import type { Db } from '../../prisma/client.js';
import type { QueueRuntime } from '../boss.js';
import type { JobDefinition } from '../job.js';
import { DEAD_LETTER_QUEUE } from '../queues.js';
import { isMonitoredQueue, PGBOSS_SCHEMA, type JobState } from './pgboss-tables.js';

export type InterventionAction = 'RETRY' | 'CANCEL' | 'RUN_NOW';

const ALLOWED_FROM: Record<'RETRY' | 'CANCEL', JobState[]> = {
  RETRY: ['failed', 'cancelled'],
  CANCEL: ['created', 'retry', 'active'],
};

export interface InterventionDeps {
  prisma: Db;
  queue: QueueRuntime;
  jobs: JobDefinition<unknown>[];
}

function assertMayManageJobs(ability: AppAbility): void {
  if (!ability.can('manage', 'Jobs')) throw new AccessDeniedError('manage', 'Jobs');
}

/** Retry (failed, cancelled) or cancel (waiting, retrying, running) one job of a queue. */
export async function changeJob(deps: InterventionDeps, ability: AppAbility, userId: number, action: 'RETRY' | 'CANCEL', queue: string, id: string): Promise<void> {
  assertMayManageJobs(ability);
  const notFound = new Refusal('jobsMonitorJobNotFound', { id }, { kind: 'notFound' });
  if (!isMonitoredQueue(queue) || !/^[0-9a-f-]{36}$/i.test(id)) throw notFound;
  const job = await readJob(deps.prisma, queue, id);
  if (!job) throw notFound;
  if (!ALLOWED_FROM[action].includes(job.state)) throw new Refusal(`jobsMonitorRefused_${action}`, { state: job.state }, { kind: 'invalid' });
  const done = action === 'RETRY' ? await deps.queue.boss.retry(queue, id) : await deps.queue.boss.cancel(queue, id);
  // Changed in between (a worker finished it): say so rather than claim it was done. (pg-boss answers
  // { affected } at run time; its CommandResponse type declares no field.)
  if (!(done as { affected?: number }).affected) throw new Refusal(`jobsMonitorRefused_${action}`, { state: (await readJob(deps.prisma, queue, id))?.state ?? job.state }, { kind: 'invalid' });
  // A retried job's dead letters are dealt with: they leave the list of those waiting for a person.
  if (action === 'RETRY' && queue !== DEAD_LETTER_QUEUE) {
    const letters = await deps.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND source_id = $2::uuid AND state IN ('created', 'retry')`,
      DEAD_LETTER_QUEUE,
      id,
    );
    if (letters.length) await deps.queue.boss.cancel(DEAD_LETTER_QUEUE, letters.map((letter) => letter.id));
  }
  await deps.prisma.jobIntervention.create({ data: { action, queue, jobId: id, jobName: job.jobName, userId } });
}

/** "Ejecutar ahora": one run of a scheduled job, as its schedule would send it. */
export async function runScheduledJobNow(deps: InterventionDeps, ability: AppAbility, userId: number, jobName: string): Promise<string> {
  assertMayManageJobs(ability);
  const job = deps.jobs.find((candidate) => candidate.name === jobName && candidate.schedule);
  if (!job) throw new Refusal('jobsMonitorScheduleNotFound', { job: jobName }, { kind: 'notFound' });
  const id = await deps.queue.send(job, job.parse({}));
  if (!id) throw new Refusal('jobsMonitorRunNowNotSent', { job: jobName }, { kind: 'invalid' });
  await deps.prisma.jobIntervention.create({ data: { action: 'RUN_NOW', queue: job.queue, jobId: id, jobName: job.name, userId } });
  return id;
}

async function readJob(prisma: Db, queue: string, id: string): Promise<{ state: JobState; jobName: string } | null> {
  const rows = await prisma.$queryRawUnsafe<{ state: JobState; job_name: string | null }[]>(
    `SELECT state::text AS state, data->>'job' AS job_name FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND id = $2::uuid`,
    queue,
    id,
  );
  const row = rows[0];
  return row ? { state: row.state, jobName: row.job_name ?? '' } : null;
}
