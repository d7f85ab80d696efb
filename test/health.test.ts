import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';
import { startTestBackOffice } from './support/back-office.js';
import { connectDatabase } from '../server/database.js';

type Health = { status: string; failing: string[]; parts: Record<string, { status: string; error?: string }> };
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

describe('GET /health', () => {
  it('answers 200 with every part up, and 503 naming the database once it is stopped', async () => {
    // A PostgreSQL of its own, so stopping it harms no other test.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-health-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    let postgresRunning = true;
    cleanups.push(async () => postgresRunning && postgres.stop());
    const database = { ...connectDatabase(postgres.url), name: 'own', drop: async () => {} };
    const office = await startTestBackOffice({ database });
    cleanups.push(() => office.stop());

    const healthy = await fetch(`${office.url}/health`);
    expect(healthy.status).toBe(200);
    expect((await healthy.json()) as Health).toEqual({
      status: 'up',
      failing: [],
      parts: { database: { status: 'up' }, queue: { status: 'up' }, storage: { status: 'up' }, scheduler: { status: 'up' } },
    });
    expect(healthy.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    await postgres.stop();
    postgresRunning = false;
    const sick = await fetch(`${office.url}/health`);
    const body = (await sick.json()) as Health;
    expect(sick.status).toBe(503);
    expect(body.status).toBe('down');
    expect(body.failing).toContain('database');
    expect(body.parts.database!.status).toBe('down');
    expect(body.parts.storage!.status).toBe('up');
  });

  it('reports a stalled scheduler as degraded, naming the late schedules, while the rest is up', async () => {
    const office = await startTestBackOffice();
    cleanups.push(() => office.close());
    // The preventive generation was written three days ago and never ran: no worker has kept the schedules.
    await office.database.pool.query(
      `UPDATE pgboss.schedule SET created_on = now() - interval '3 days', last_job_id = NULL WHERE key = 'generate-preventive-orders'`,
    );
    const response = await fetch(`${office.url}/health`);
    expect(response.status).toBe(200);
    expect((await response.json()) as Health).toEqual({
      status: 'degraded',
      failing: [],
      degraded: ['scheduler'],
      parts: { database: { status: 'up' }, queue: { status: 'up' }, storage: { status: 'up' }, scheduler: { status: 'degraded', late: ['generate-preventive-orders'] } },
    });
  });

  it('echoes a caller-supplied request id so logs can be joined across services', async () => {
    const office = await startTestBackOffice();
    cleanups.push(() => office.close());
    const response = await fetch(`${office.url}/health`, { headers: { 'x-request-id': 'proxy-abc.123' } });
    expect(response.headers.get('x-request-id')).toBe('proxy-abc.123');
  });
});
