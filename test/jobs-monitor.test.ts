// The jobs monitor over real HTTP, a real pg-boss and PostgreSQL: what it shows for jobs in every state,
// and retry, cancel and "ejecutar ahora" changing real jobs, for administrators only, by POST only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../jobs/job.js';
import { DEAD_LETTER_QUEUE } from '../jobs/queues.js';
import { JOBS } from '../jobs/registry.js';
import type { MonitorSnapshot } from '../jobs/monitor/monitor-snapshot.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import { aPerson, type Person } from './support/people.js';

let erpUp = false;
let releaseBlocking: () => void = () => {};
const blockingReleased = new Promise<void>((resolve) => (releaseBlocking = resolve));

const erpSync = defineJob({
  name: 'test-erp-sync',
  queue: 'notifications',
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  parse: (data) => z.object({ orderId: z.number(), apiToken: z.string() }).parse(data),
  handle: async () => {
    if (!erpUp) throw new Error('the ERP is down');
    return { sent: true };
  },
});
const retriesLater = defineJob({
  name: 'test-retries-later',
  queue: 'notifications',
  retry: { limit: 3, delaySeconds: 3600, backoff: false },
  parse: (data) => data,
  handle: async () => {
    throw new Error('try again in an hour');
  },
});
const quick = defineJob({ name: 'test-quick', queue: 'notifications', retry: { limit: 0, delaySeconds: 0, backoff: false }, parse: (data) => data, handle: async () => ({ ok: true }) });
const blocking = defineJob({ name: 'test-blocking', queue: 'sync', retry: { limit: 0, delaySeconds: 0, backoff: false }, parse: (data) => data, handle: () => blockingReleased });

let office: TestBackOffice;
let admin: HttpClient;
let supervisor: Person;
const ids: Record<string, string> = {};

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}
const stateOf = async (queue: string, id: string) => (await office.queue.boss.getJobById(queue, id))?.state;
const snapshot = async () => (await admin.json<MonitorSnapshot>('/admin/jobs-monitor/data')).body;

beforeAll(async () => {
  office = await startTestBackOffice({ jobs: [...JOBS, erpSync, retriesLater, quick, blocking] as JobDefinition<unknown>[] });
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  supervisor = await aPerson(office.database.prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');

  ids.completed = (await office.queue.send(quick, {}))!;
  ids.failed = (await office.queue.send(erpSync, { orderId: 7, apiToken: 'tok-secreto-123' }))!;
  ids.retry = (await office.queue.send(retriesLater, {}))!;
  ids.created = (await office.queue.send(quick, { later: true }, { startAfterSeconds: 3600 }))!;
  ids.toCancel = (await office.queue.send(quick, { cancelMe: true }, { startAfterSeconds: 3600 }))!;
  ids.active = (await office.queue.send(blocking, {}))!;
  await eventually(
    async () => [await stateOf('notifications', ids.completed!), await stateOf('notifications', ids.failed!), await stateOf('notifications', ids.retry!), await stateOf('sync', ids.active!)],
    (states) => states.join() === 'completed,failed,retry,active',
  );
});
afterAll(async () => {
  releaseBlocking();
  await office?.close();
});

describe('the jobs monitor shows every queue, schedule, failure and worker', () => {
  it('cancels a waiting job for an administrator, and records who did it', async () => {
    const response = await admin.json(`/admin/jobs-monitor/jobs/notifications/${ids.toCancel}/cancel`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await stateOf('notifications', ids.toCancel!)).toBe('cancelled');
    const [entry] = (await office.database.pool.query(
      `SELECT h.actor_label, h.changes->'after'->>'action' AS action, h.changes->'after'->>'job_id' AS job_id
         FROM change_history_entries h WHERE h.table_name = 'job_interventions' ORDER BY h.id DESC LIMIT 1`,
    )).rows;
    expect(entry).toEqual({ actor_label: `user:${TEST_ADMIN.email}`, action: 'CANCEL', job_id: ids.toCancel });
  });

  it('counts each queue by state, with its last hour', async () => {
    const data = await snapshot();
    const notifications = data.queues.find((queue) => queue.queue === 'notifications')!;
    expect(notifications.counts).toEqual({ created: 1, retry: 1, active: 0, completed: 1, failed: 1, cancelled: 1 });
    expect(notifications.completedLastHour).toBe(1);
    expect(notifications.failedLastHour).toBe(1);
    expect(data.queues.find((queue) => queue.queue === 'sync')!.counts.active).toBe(1);
    expect(data.queues.map((queue) => queue.queue)).toEqual(['critical', 'default', 'notifications', 'reports', 'sync', DEAD_LETTER_QUEUE]);
  });

  it('lists the failure with its error and a payload summary without secrets, and its dead letter', async () => {
    const data = await snapshot();
    const failure = data.failures.find((f) => f.id === ids.failed);
    expect(failure).toMatchObject({ queue: 'notifications', job: 'test-erp-sync', error: 'the ERP is down', payload: 'orderId=7, apiToken=***', retryCount: 0, retryLimit: 0 });
    expect(JSON.stringify(data)).not.toContain('tok-secreto-123');
    const letter = await eventually(async () => (await snapshot()).deadLetters.find((d) => d.sourceId === ids.failed), Boolean);
    expect(letter).toMatchObject({ sourceQueue: 'notifications', job: 'test-erp-sync', error: 'the ERP is down', payload: 'orderId=7, apiToken=***' });
  });

  it('shows every schedule with its cron, time zone and next run, and the live worker process', async () => {
    const data = await snapshot();
    const preventive = data.schedules.find((s) => s.job === 'generate-preventive-orders')!;
    expect(preventive).toMatchObject({ queue: 'critical', cron: '0 6 * * *', timeZone: 'America/Tegucigalpa', late: false, canRunNow: true, lastRun: null });
    // 06:00 in Tegucigalpa (UTC-6) is 12:00 UTC.
    expect(new Date(preventive.nextRun!).toISOString()).toMatch(/T12:00:00\.000Z$/);
    expect(data.schedules.map((s) => s.job).sort()).toEqual(JOBS.filter((job) => job.schedule).map((job) => job.name).sort());
    const me = data.workers.find((worker) => worker.pid === process.pid && worker.alive);
    expect(me).toMatchObject({ name: 'web+worker' });
    // Its heartbeat: within pg-boss's 30 s (its list of queues is filled at the next one).
    expect(Date.now() - new Date(me!.heartbeatOn).getTime()).toBeLessThan(60_000);
  });
});

describe('retry, cancel and run now: administrators only, by POST only', () => {
  it('refuses a supervisor the page data and the actions, and changes nothing', async () => {
    expect((await supervisor.client.json('/admin/jobs-monitor/data')).status).toBe(403);
    const refused = await supervisor.client.json<{ message: string }>(`/admin/jobs-monitor/jobs/notifications/${ids.failed}/retry`, { method: 'POST' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Solo los administradores pueden ver y operar los trabajos en segundo plano.');
    expect((await supervisor.client.json('/admin/jobs-monitor/schedules/compute-kpis/run', { method: 'POST' })).status).toBe(403);
    expect(await stateOf('notifications', ids.failed!)).toBe('failed');
  });

  it('refuses the actions on GET and without the CSRF token', async () => {
    const onGet = await admin.json(`/admin/jobs-monitor/jobs/notifications/${ids.failed}/retry`);
    expect(onGet.status).toBe(405);
    expect((await admin.json('/admin/jobs-monitor/schedules/compute-kpis/run')).status).toBe(405);
    expect((await admin.json(`/admin/jobs-monitor/jobs/notifications/${ids.failed}/retry`, { method: 'POST', csrf: false })).status).toBe(403);
    expect(await stateOf('notifications', ids.failed!)).toBe('failed');
  });

  it('says why a job in the wrong state is not retried or cancelled, and a missing one is not found', async () => {
    const notRetryable = await admin.json<{ message: string }>(`/admin/jobs-monitor/jobs/notifications/${ids.completed}/retry`, { method: 'POST' });
    expect(notRetryable.status).toBe(422);
    expect(notRetryable.body.message).toBe('Este trabajo no está fallido ni cancelado: solo esos se reintentan. Recargue la página para ver su estado.');
    expect((await admin.json(`/admin/jobs-monitor/jobs/notifications/${ids.completed}/cancel`, { method: 'POST' })).status).toBe(422);
    expect((await admin.json('/admin/jobs-monitor/jobs/notifications/00000000-0000-0000-0000-000000000000/retry', { method: 'POST' })).status).toBe(404);
    expect((await admin.json(`/admin/jobs-monitor/jobs/no-such-queue/${ids.failed}/retry`, { method: 'POST' })).status).toBe(404);
    expect((await admin.json('/admin/jobs-monitor/jobs/notifications/not-a-uuid/retry', { method: 'POST' })).status).toBe(404);
    expect((await admin.json('/admin/jobs-monitor/schedules/test-quick/run', { method: 'POST' })).status).toBe(404);
  });

  it('retries a failed job, which then completes, and its dead letter leaves the list', async () => {
    erpUp = true;
    const response = await admin.json(`/admin/jobs-monitor/jobs/notifications/${ids.failed}/retry`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await eventually(() => stateOf('notifications', ids.failed!), (state) => state === 'completed')).toBe('completed');
    const data = await snapshot();
    expect(data.failures.some((f) => f.id === ids.failed)).toBe(false);
    expect(data.deadLetters.some((d) => d.sourceId === ids.failed)).toBe(false);
    const interventions = await office.database.prisma.jobIntervention.findMany({ where: { jobId: ids.failed } });
    expect(interventions).toMatchObject([{ action: 'RETRY', queue: 'notifications', jobName: 'test-erp-sync' }]);
  });

  it('runs a scheduled job now, once, and records it', async () => {
    const response = await admin.json<{ id: string }>('/admin/jobs-monitor/schedules/compute-kpis/run', { method: 'POST' });
    expect(response.status).toBe(202);
    expect(await eventually(() => stateOf('reports', response.body.id), (state) => state === 'completed')).toBe('completed');
    const job = await office.queue.boss.getJobById('reports', response.body.id);
    expect(job?.data).toEqual({ job: 'compute-kpis', payload: {} });
    const intervention = await office.database.prisma.jobIntervention.findFirst({ where: { action: 'RUN_NOW' } });
    expect(intervention).toMatchObject({ queue: 'reports', jobName: 'compute-kpis', jobId: response.body.id });
    expect((await office.database.pool.query(`SELECT count(*)::int AS n FROM change_history WHERE table_name = 'job_interventions' AND actor_user_id IS NOT NULL`)).rows[0].n).toBe(3);
  });
});
