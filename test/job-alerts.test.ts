// The administrators' alerts about jobs, each firing exactly when it should: a job out of retries, a queue
// deeper than its threshold for longer than M minutes, a schedule that has not run for twice its period.
// Real pg-boss jobs where the state can be had quickly, backdated rows and a controlled clock for time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineJob, type JobDefinition } from '../jobs/job.js';
import { JOBS } from '../jobs/registry.js';
import { detectJobAlerts } from '../jobs/monitor/detect-job-alerts.js';
import { scheduleStatus } from '../jobs/monitor/schedule-status.js';
import { administratorIds } from '../domain/jobs-monitor/job-alerts.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { aPerson } from './support/people.js';
import { notifyJobAlerts } from '../domain/notifications/triggers/job-alerts.js';

const givesUp = defineJob({ name: 'test-gives-up', queue: 'default', retry: { limit: 0, delaySeconds: 0, backoff: false }, parse: (d) => d, handle: async () => { throw new Error('the SIG site is down'); } });
const triesLater = defineJob({ name: 'test-tries-later', queue: 'default', retry: { limit: 3, delaySeconds: 3600, backoff: false }, parse: (d) => d, handle: async () => { throw new Error('busy'); } });

let office: TestBackOffice;
let admins: number[];
const settings = { queueDepth: 5, queueMinutes: 15 };

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  office = await startTestBackOffice({ jobs: [...JOBS, givesUp, triesLater] as JobDefinition<unknown>[] });
  const { prisma } = office.database;
  const second = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Segundo Administrador');
  const gone = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Administrador Retirado');
  await prisma.user.update({ where: { id: gone.userId }, data: { isActive: false } });
  await aPerson(prisma, office.url, ['SUPERVISORS'], 'Supervisor Sin Alertas');
  const first = await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } });
  admins = [first.id, second.userId].sort((a, b) => a - b);
});
afterAll(() => office?.close());

describe('who is told', () => {
  it('the active administrators, and nobody else', async () => {
    expect(await administratorIds(office.database.prisma)).toEqual(admins);
  });
});

describe('a job that exhausted its retries', () => {
  it('is told once per job (its event key), and a job still retrying is not', async () => {
    const { prisma, pool } = office.database;
    const failedId = await office.queue.send(givesUp, { ticket: 'T-1' });
    const retryingId = await office.queue.send(triesLater, {});
    await eventually(async () => [(await office.queue.boss.getJobById('default', failedId!))?.state, (await office.queue.boss.getJobById('default', retryingId!))?.state], (s) => s.join() === 'failed,retry');

    const alerts = (await detectJobAlerts(prisma, pool, settings)).filter((alert) => alert.kind === 'jobExhaustedRetries');
    expect(alerts).toEqual([
      { kind: 'jobExhaustedRetries', eventKey: `job-exhausted:${failedId}`, recipients: admins, messageKey: 'jobAlert_jobExhaustedRetries', values: { job: 'test-gives-up', queue: 'default', attempts: 1, error: 'the SIG site is down' } },
    ]);
    // A day later it is no longer news.
    const dayAfter = new Date(Date.now() + 25 * 3_600_000);
    expect((await detectJobAlerts(prisma, pool, settings, dayAfter)).filter((alert) => alert.kind === 'jobExhaustedRetries')).toEqual([]);
  });
});

describe('a queue deeper than its threshold for longer than M minutes', () => {
  // Six jobs waited in "sync" from T0-20 min until T0+1 min (backdated rows, long finished).
  const t0 = new Date(Date.now() - 86_400_000);
  const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
  beforeAll(async () => {
    for (let i = 0; i < 6; i++)
      await office.database.pool.query(
        `INSERT INTO pgboss.job (name, data, state, created_on, start_after, started_on, completed_on)
         VALUES ('sync', '{"job": "backdated"}', 'completed', $1, $1, $2, $3)`,
        [minutes(-20), minutes(1), minutes(2)],
      );
  });
  const deepAlerts = async (now: Date, queueDepth = settings.queueDepth) =>
    (await detectJobAlerts(office.database.prisma, office.database.pool, { ...settings, queueDepth }, now)).filter((alert) => alert.kind === 'queueTooDeep');

  it('fires when the queue held more than the threshold throughout the last M minutes', async () => {
    expect(await deepAlerts(t0)).toEqual([
      { kind: 'queueTooDeep', eventKey: `queue-deep:sync:${t0.toISOString().slice(0, 13)}`, recipients: admins, messageKey: 'jobAlert_queueTooDeep', values: { queue: 'sync', depth: 6, threshold: 5, minutes: 15 } },
    ]);
  });

  it('does not fire at the threshold itself, nor when the queue emptied within the window', async () => {
    expect(await deepAlerts(t0, 6)).toEqual([]);
    expect(await deepAlerts(minutes(3))).toEqual([]);
    // Only 10 of the 15 minutes deep yet.
    expect(await deepAlerts(minutes(-10))).toEqual([]);
  });
});

describe('a schedule that has not run for twice its period', () => {
  const daily = { job: 'generate-preventive-orders', queue: 'critical', cron: '0 6 * * *', timeZone: 'America/Tegucigalpa', createdOn: new Date('2026-11-01T00:00:00Z') };

  it('is late only once two of its runs came and went (06:00 in Tegucigalpa is 12:00 UTC)', () => {
    const lastRun = new Date('2026-11-28T12:00:30Z');
    // Missed the 29th; the 30th's run may still come within the grace of pg-boss's cron pass.
    expect(scheduleStatus({ ...daily, lastRun }, new Date('2026-11-30T12:01:00Z')).late).toBe(false);
    expect(scheduleStatus({ ...daily, lastRun }, new Date('2026-11-30T12:03:00Z')).late).toBe(true);
    // Ran yesterday: on time.
    expect(scheduleStatus({ ...daily, lastRun: new Date('2026-11-29T12:00:20Z') }, new Date('2026-11-30T12:03:00Z')).late).toBe(false);
    const status = scheduleStatus({ ...daily, lastRun }, new Date('2026-11-30T13:00:00Z'));
    expect(status.nextRun?.toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });

  it('a schedule that never ran counts from when it was written', () => {
    const tenMinutes = { ...daily, job: 'compute-kpis', cron: '*/10 * * * *', createdOn: new Date('2026-11-30T09:37:12Z'), lastRun: null };
    expect(scheduleStatus(tenMinutes, new Date('2026-11-30T09:51:00Z')).late).toBe(false);
    expect(scheduleStatus(tenMinutes, new Date('2026-11-30T09:52:30Z')).late).toBe(true);
  });

  it('fires for each stalled schedule of the database, once per stall', async () => {
    const { prisma, pool } = office.database;
    expect((await detectJobAlerts(prisma, pool, settings)).filter((alert) => alert.kind === 'scheduleLate')).toEqual([]);
    // Three days with no worker keeping the schedules.
    const later = new Date(Date.now() + 3 * 86_400_000);
    const alerts = (await detectJobAlerts(prisma, pool, settings, later)).filter((alert) => alert.kind === 'scheduleLate');
    expect(alerts.map((alert) => alert.values.job).sort()).toEqual(JOBS.filter((job) => job.schedule).map((job) => job.name).sort());
    const preventive = alerts.find((alert) => alert.values.job === 'generate-preventive-orders')!;
    expect(preventive).toMatchObject({ recipients: admins, messageKey: 'jobAlert_scheduleLate', values: { queue: 'critical' } });
    expect(preventive.eventKey).toBe(`schedule-late:generate-preventive-orders:${preventive.values.since}`);
  });
});

describe('telling the administrators', () => {
  it('each finding reaches every active administrator once, in plant time, and a second pass tells nobody', async () => {
    const { prisma, pool } = office.database;
    const later = new Date(Date.now() + 3 * 86_400_000);
    const alerts = (await detectJobAlerts(prisma, pool, settings, later)).filter((alert) => alert.values.job === 'generate-preventive-orders');
    expect(alerts).toHaveLength(1);
    expect(await notifyJobAlerts(prisma, alerts, 'America/Tegucigalpa')).toBe(admins.length);
    const told = await prisma.notification.findMany({ where: { kind: 'schedule-late' }, orderBy: { userId: 'asc' } });
    expect(told.map((notification) => notification.userId)).toEqual(admins);
    const since = new Date(String(alerts[0]!.values.since));
    const local = new Date(since.getTime() - 6 * 3_600_000).toISOString(); // Tegucigalpa is UTC-6, no summer time
    const shown = `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
    expect(told[0]!.values).toMatchObject({ job: 'generate-preventive-orders', since: shown });
    expect(await notifyJobAlerts(prisma, alerts, 'America/Tegucigalpa')).toBe(0);
  });
});
