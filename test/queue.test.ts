import { utimes } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../jobs/job.js';
import { DEAD_LETTER_QUEUE, QUEUE_CLASSES } from '../jobs/queues.js';
import { cleanTemporaryExportsJob } from '../jobs/clean-temporary-exports.job.js';
import { JOBS } from '../jobs/registry.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import path from 'node:path';

// One probe job per queue class: each writes a row, so the test sees which worker ran what.
const probes = QUEUE_CLASSES.map((queue) =>
  defineJob({
    name: `probe-${queue}`,
    queue,
    retry: { limit: 0, delaySeconds: 0, backoff: false },
    parse: (data) => z.object({ marker: z.string() }).parse(data),
    handle: async ({ marker }, { pool }) => {
      await pool.query(`INSERT INTO job_probe (queue, marker) VALUES ($1, $2)`, [queue, marker]);
    },
  }),
);
const failing = defineJob({
  name: 'always-fails',
  queue: 'default',
  retry: { limit: 1, delaySeconds: 0, backoff: false },
  parse: (data) => data,
  handle: async () => {
    throw new Error('the ERP is down');
  },
});

let office: TestBackOffice;
beforeAll(async () => {
  office = await startTestBackOffice({ jobs: [...JOBS, ...probes, failing] as JobDefinition<unknown>[] });
  await office.database.pool.query(`CREATE TABLE job_probe (queue text, marker text, at timestamptz DEFAULT now())`);
});
afterAll(() => office?.close());

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('background work on pg-boss (PostgreSQL is the only queue)', () => {
  it('creates the five queue classes and the dead-letter queue at start', async () => {
    // pg-boss keeps internal queues of its own (named __pgboss__*) beside ours.
    const queues = (await office.queue.boss.getQueues()).filter((q) => !q.name.startsWith('__pgboss__'));
    expect(queues.map((q) => q.name).sort()).toEqual([...QUEUE_CLASSES, DEAD_LETTER_QUEUE].sort());
    expect(queues.filter((q) => q.name !== DEAD_LETTER_QUEUE).every((q) => q.deadLetter === DEAD_LETTER_QUEUE)).toBe(true);
  });

  it('processes a job sent to each queue class with the in-process worker', async () => {
    for (const probe of probes) await office.queue.send(probe, { marker: `m-${probe.queue}` });
    const rows = await eventually(
      async () => (await office.database.pool.query(`SELECT queue, marker FROM job_probe ORDER BY queue`)).rows,
      (r) => r.length >= QUEUE_CLASSES.length,
    );
    expect(rows).toEqual([...QUEUE_CLASSES].sort().map((queue) => ({ queue, marker: `m-${queue}` })));
  });

  it('retries a failing job per its policy, then moves it to the dead letters', async () => {
    const id = await office.queue.send(failing, {});
    const job = await eventually(
      async () => office.queue.boss.getJobById('default', id!),
      (j) => j?.state === 'failed',
    );
    expect(job?.state).toBe('failed');
    expect(job?.retryCount).toBe(1);
    const dead = await eventually(
      async () => (await office.database.pool.query(`SELECT data FROM pgboss.job WHERE name = $1`, [DEAD_LETTER_QUEUE])).rows,
      (rows) => rows.length > 0,
    );
    expect(dead[0].data).toMatchObject({ job: 'always-fails' });
  });

  it('keeps the schedules in the plant time zone', async () => {
    const schedules = await office.queue.boss.getSchedules();
    expect(schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'default', key: 'clean-temporary-exports', cron: '30 2 * * *', timezone: 'America/Tegucigalpa' }),
        expect.objectContaining({ name: 'critical', key: 'generate-preventive-orders', cron: '0 6 * * *', timezone: 'America/Tegucigalpa' }),
        expect.objectContaining({ name: 'reports', key: 'compute-kpis', cron: '*/10 * * * *', timezone: 'America/Tegucigalpa' }),
      ]),
    );
  });

  it('runs the clean-up of temporary exports: old ones go, recent ones stay', async () => {
    await office.storage.put('tmp/exports/viejo.xlsx', Buffer.from('old'));
    await office.storage.put('tmp/exports/nuevo.xlsx', Buffer.from('new'));
    await office.storage.put('docs/2026/11/DOC-2026-0001/rev-1.pdf', Buffer.from('%PDF'));
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    await utimes(path.join(office.config.dataDir, 'files/tmp/exports/viejo.xlsx'), twoDaysAgo, twoDaysAgo);

    await office.queue.send(cleanTemporaryExportsJob, { olderThanHours: 24 });
    const keys = await eventually(
      async () => {
        const found: string[] = [];
        for await (const object of office.storage.list('')) found.push(object.key);
        return found.sort();
      },
      (found) => !found.includes('tmp/exports/viejo.xlsx'),
    );
    expect(keys).toEqual(['docs/2026/11/DOC-2026-0001/rev-1.pdf', 'tmp/exports/nuevo.xlsx']);
  });
});
