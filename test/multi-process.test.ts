// Past one machine (issue 26): two web processes (`npm start`, as two web containers behind a load
// balancer) and two worker processes (`npm run worker`) against one PostgreSQL and one S3 bucket, each
// process with a DATA_DIR of its own, so nothing but the database and the bucket is shared. A person moves
// between the web processes as a balancer without sticky sessions would send him; the queue runs each job
// and each schedule's occurrence once, whichever worker takes it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEnvelope } from '../jobs/job.js';
import { hashPassword } from '../domain/users/password.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { aPdf, uploadRevision } from './support/documents.js';
import * as make from './support/factories.js';
import { openEventStream } from './support/event-stream.js';
import { HttpClient } from './support/http-client.js';
import { startS3Server, type TestS3Server } from './support/s3-server.js';
import { TEST_SESSION_SECRET } from './support/back-office.js';
import { aFreePort, startMain, startWorker, stopWithCtrlC, type StartedProcess } from './support/process.js';

const ADMIN = { email: 'admin@planta.test', password: 'clave-de-prueba-segura-123' };

let db: TestDatabase;
let s3: TestS3Server;
let webA: StartedProcess;
let webB: StartedProcess;
let workers: Omit<StartedProcess, 'url'>[];
let boss: PgBoss;
const dataDirs: string[] = [];
const startedProcesses: Omit<StartedProcess, 'url'>[] = [];

async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** KPI snapshot runs since `after`: each run of compute-kpis writes one batch of rows with one taken_at. */
async function kpiRuns(after: Date): Promise<{ takenAt: Date; rows: number }[]> {
  const { rows } = await db.pool.query<{ taken_at: Date; rows: number }>(
    `SELECT taken_at, count(*)::int AS rows FROM kpi_snapshots WHERE taken_at > $1 GROUP BY taken_at ORDER BY taken_at`,
    [after],
  );
  return rows.map((r) => ({ takenAt: r.taken_at, rows: r.rows }));
}

/** "job completed" lines of compute-kpis in each worker's log. */
function completedKpiJobs(): number[] {
  return workers.map((w) => [...w.output().matchAll(/"job":"compute-kpis"[^\n]*"msg":"job completed"/g)].length);
}

beforeAll(async () => {
  [db, s3] = await Promise.all([createTestDatabase(), startS3Server()]);
  const common = {
    DATABASE_URL: db.url,
    SESSION_SECRET: TEST_SESSION_SECRET,
    LOG_LEVEL: 'info',
    APP_TIMEZONE: 'America/Tegucigalpa',
    ...s3.env,
  };
  const dataDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cmms-multi-'));
    dataDirs.push(dir);
    return dir;
  };
  const web = async () =>
    startMain({ ...common, DATA_DIR: await dataDir(), PORT: await aFreePort(), WORKERS_IN_PROCESS: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, 180_000);
  const worker = async () => startWorker({ ...common, DATA_DIR: await dataDir() }, 180_000);
  // Whatever started is stopped after, even when another process failed to start.
  const started = await Promise.allSettled([web(), web(), worker(), worker()]);
  for (const outcome of started) if (outcome.status === 'fulfilled') startedProcesses.push(outcome.value);
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  const [a, b, ...w] = started as PromiseFulfilledResult<StartedProcess>[];
  [webA, webB, workers] = [a!.value, b!.value, w.map((outcome) => outcome.value)];
  boss = new PgBoss({ connectionString: db.url, max: 2, supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
}, 300_000);

afterAll(async () => {
  await boss?.stop({ graceful: false });
  for (const started of startedProcesses) await stopWithCtrlC(started.child);
  await s3?.stop();
  await db?.drop();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

describe('two web processes behind a balancer without sticky sessions', () => {
  it('a person signed in on A works on B with the same session and CSRF token; a forged request is refused on B', async () => {
    const onA = new HttpClient(webA.url);
    await onA.signIn(ADMIN.email, ADMIN.password);
    const onB = onA.onto(webB.url);

    expect((await onB.request('/admin/api/resources/User/actions/list')).status).toBe(200);
    const form = new FormData();
    form.set('email', 'jefa.turno@planta.test');
    form.set('name', 'Jefa de turno');
    form.set('newPassword', 'una-clave-larga-de-jefa');
    expect((await onB.request('/admin/api/resources/User/actions/new', { method: 'POST', body: form, csrf: false })).status).toBe(403);
    const created = await onB.json<{ record: { params: Record<string, unknown> } }>('/admin/api/resources/User/actions/new', { method: 'POST', body: form });
    expect(created.status).toBe(200);
    expect(await db.prisma.user.count({ where: { email: 'jefa.turno@planta.test' } })).toBe(1);
    // A stranger at B with no session is sent to the login page.
    expect((await new HttpClient(webB.url).request('/admin/api/resources/User/actions/list')).status).toBe(401);
  });

  it('counts failed sign-ins on both processes together', async () => {
    const email = 'tecnico.bloqueado@planta.test';
    await db.prisma.user.create({ data: { email, name: 'Técnico', passwordHash: await hashPassword('la-clave-correcta-1') } });
    const [onA, onB] = [new HttpClient(webA.url), new HttpClient(webB.url)];
    // The limit is 5 a account: 3 here and 2 there block it, though neither process saw 5.
    for (let i = 0; i < 3; i++) expect((await onA.submitLogin(email, `mala-${i}`)).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await onB.submitLogin(email, `mala-b-${i}`)).status).toBe(401);
    expect((await onA.submitLogin(email, 'la-clave-correcta-1')).status).toBe(429);
    expect((await onB.submitLogin(email, 'la-clave-correcta-1')).status).toBe(429);
  });

  it('a change made on A reaches the event stream a person holds open on B', async () => {
    const onA = new HttpClient(webA.url);
    await onA.signIn(ADMIN.email, ADMIN.password);
    const onB = onA.onto(webB.url);
    const order = await make.aWorkOrder(db.prisma, { description: 'Revisar fuga en bomba 2' });
    const stream = await openEventStream(onB);
    expect(stream.response.status).toBe(200);
    await until('the unread count on B', async () => (stream.events.some((e) => e.event === 'unread') ? true : undefined));

    const form = new FormData();
    form.set('description', 'Revisar fuga en bomba 2: sello cambiado');
    expect((await onA.request(`/admin/api/resources/WorkOrder/records/${order.id}/edit`, { method: 'POST', body: form })).status).toBe(200);
    expect((await db.prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).description).toBe('Revisar fuga en bomba 2: sello cambiado');
    const seen = await until('the change on B', async () => stream.events.find((e) => e.event === 'rows' && (e.data.ids as number[]).includes(order.id)), 10_000);
    expect(seen.data).toMatchObject({ model: 'WorkOrder', ids: [order.id], many: false });
    stream.close();
  });

  it('a file uploaded through A is downloaded through B (the bucket, not a disk of A)', async () => {
    const onA = new HttpClient(webA.url);
    await onA.signIn(ADMIN.email, ADMIN.password);
    const document = await db.prisma.document.create({ data: { title: 'Plano de la bomba 2', kind: 'DRAWING' } });
    const pdf = aPdf('Plano bomba 2');
    const upload = await uploadRevision(onA, document.id, pdf, 'plano-bomba-2.pdf');
    expect(upload.status).toBe(201);
    const download = await onA.onto(webB.url).request(`/admin/documents/revisions/${upload.body.revision!.id}/download`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
  });
});

describe('two worker processes on one queue', () => {
  it('run each of 20 jobs sent at once exactly once', { timeout: 120_000 }, async () => {
    // The KPI schedules the workers registered would add runs of their own meanwhile.
    await boss.unschedule('reports', 'compute-kpis');
    const before = completedKpiJobs().reduce((a, b) => a + b, 0);
    const since = new Date();
    const ids = await boss.insert('reports', Array.from({ length: 20 }, () => ({ data: { job: 'compute-kpis', payload: {} } satisfies JobEnvelope })), { returnId: true });
    expect(ids).toHaveLength(20);
    // Two runs in two processes may take the same millisecond, so runs are told apart by their jobs, not by
    // their snapshots' time: every job completed once, and the snapshots written since are exactly what
    // the 20 jobs said they wrote (a job run twice would have written its batch twice).
    const jobs = async () =>
      (await db.pool.query<{ state: string; retry_count: number; output: { snapshots?: number } | null }>(
        `SELECT state, retry_count, output FROM pgboss.job WHERE id = ANY($1::uuid[])`, [ids])).rows;
    await until('20 runs', async () => ((await jobs()).filter((j) => j.state === 'completed').length === 20 ? true : undefined), 90_000).catch(async (error: Error) => {
      const failures = workers.map((w) => w.output().split('\n').filter((l) => l.includes('"level":50')).slice(0, 3));
      throw new Error(`${error.message}: jobs ${JSON.stringify(await jobs())}; errors ${JSON.stringify(failures)}`);
    });
    // A little longer, so a job run twice would have had its second run.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const done = await jobs();
    expect(done.every((j) => j.state === 'completed' && j.retry_count === 0)).toBe(true);
    // Every run wrote the same batch (the plant's figures): none was cut short or doubled.
    const batches = done.map((j) => j.output?.snapshots);
    expect(new Set(batches).size).toBe(1);
    expect(batches[0]).toBeGreaterThan(0);
    const written = (await kpiRuns(since)).reduce((sum, run) => sum + run.rows, 0);
    expect(written).toBe(20 * batches[0]!);
    const byWorker = completedKpiJobs();
    expect(byWorker.reduce((a, b) => a + b, 0) - before).toBe(20);
    console.log(`20 jobs: ${byWorker.join(' + ')} completed by the two workers`);
  });

  it("run a schedule's occurrence once, though both keep the schedules", { timeout: 240_000 }, async () => {
    const since = new Date();
    await boss.schedule('reports', '* * * * *', { job: 'compute-kpis', payload: { from: 'every-minute' } } satisfies JobEnvelope, { key: 'every-minute', tz: 'America/Tegucigalpa' });
    // Three occurrences: each worker's clock had a pass at every one of them.
    await until('three minutes of runs', async () => ((await kpiRuns(since)).length >= 3 ? true : undefined), 200_000);
    await boss.unschedule('reports', 'every-minute');
    // Each occurrence is forwarded under its minute's slot (pg-boss's send-it queue): one forward per
    // slot, one job per forward, one run per job.
    const forwards = await db.pool.query<{ slot: Date }>(
      `SELECT singleton_on AS slot FROM pgboss.job WHERE name = '__pgboss__send-it' AND singleton_key = 'reports__every-minute'`,
    );
    const jobs = await until('its jobs finished', async () => {
      const { rows } = await db.pool.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = 'reports' AND data->'payload'->>'from' = 'every-minute'`);
      return rows.length >= forwards.rowCount! && rows.every((r) => r.state === 'completed') ? rows : undefined;
    }, 60_000);
    expect(forwards.rowCount).toBeGreaterThanOrEqual(3);
    expect(new Set(forwards.rows.map((f) => f.slot.getTime())).size).toBe(forwards.rowCount);
    expect(jobs).toHaveLength(forwards.rowCount!);
    expect(await kpiRuns(since)).toHaveLength(jobs.length);
    console.log(`every-minute schedule: ${jobs.length} occurrences, ${jobs.length} jobs, ${jobs.length} runs`);
  });
});
