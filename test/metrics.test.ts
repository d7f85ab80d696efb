// GET /metrics: Prometheus text for a scraper with METRICS_TOKEN, refused without it, absent when unset;
// requests labelled by route pattern (bounded), queues, jobs, schedules, workers and pools from the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineJob, type JobDefinition } from '../jobs/job.js';
import { JOBS } from '../jobs/registry.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';

const TOKEN = 'metrics-token-for-the-scraper-0123456789';
const failing = defineJob({ name: 'test-metrics-fails', queue: 'sync', retry: { limit: 0, delaySeconds: 0, backoff: false }, parse: (d) => d, handle: async () => { throw new Error('down'); } });
const quick = defineJob({ name: 'test-metrics-quick', queue: 'sync', retry: { limit: 0, delaySeconds: 0, backoff: false }, parse: (d) => d, handle: async () => ({}) });

let office: TestBackOffice;
beforeAll(async () => {
  office = await startTestBackOffice({ env: { METRICS_TOKEN: TOKEN }, jobs: [...JOBS, failing, quick] as JobDefinition<unknown>[] });
});
afterAll(() => office?.close());

const scrape = (token?: string) => fetch(`${office.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('GET /metrics', () => {
  it('is refused without the token or with a wrong one', async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect((await scrape('metrics-token-for-the-scraper-012345678X')).status).toBe(401);
    expect((await scrape(`${TOKEN}x`)).status).toBe(401);
    expect((await fetch(`${office.url}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);
  });

  it('labels requests by route pattern, never by the raw URL', async () => {
    const admin = new HttpClient(office.url);
    await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await fetch(`${office.url}/health`);
    for (const resource of ['WorkOrder', 'Asset']) expect((await admin.request(`/admin/api/resources/${resource}/actions/list`)).status).toBe(200);
    await fetch(`${office.url}/no-such-page-${Date.now()}`);
    const body = await (await scrape(TOKEN)).text();
    expect(body).toMatch(/^cmms_http_request_duration_seconds_count\{route="\/health",method="GET",status="2xx"\} [1-9]/m);
    expect(body).toMatch(/^cmms_http_request_duration_seconds_count\{route="\/admin\/api\/resources\/:resourceId\/actions\/:action",method="GET",status="2xx"\} ([2-9]|\d\d)/m);
    expect(body).toMatch(/^cmms_http_request_duration_seconds_count\{route="unmatched",method="GET",status="4xx"\} [1-9]/m);
    expect(body).toMatch(/^cmms_http_request_duration_seconds_bucket\{le="0.1",route="\/health",method="GET",status="2xx"\} \d+/m);
    expect(body).not.toContain('WorkOrder');
    expect(body).not.toContain('no-such-page');
  });

  it('gives queue depth and failures by queue, job durations, schedules, workers and pool use', async () => {
    const failedId = await office.queue.send(failing, {});
    const doneId = await office.queue.send(quick, {});
    await office.queue.send(quick, {}, { startAfterSeconds: 3600 });
    await eventually(async () => [(await office.queue.boss.getJobById('sync', failedId!))?.state, (await office.queue.boss.getJobById('sync', doneId!))?.state], (s) => s.join() === 'failed,completed');
    const response = await scrape(TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const body = await response.text();
    expect(body).toContain('cmms_queue_jobs{queue="sync",state="created"} 1');
    expect(body).toContain('cmms_queue_jobs{queue="sync",state="failed"} 1');
    expect(body).toContain('cmms_queue_jobs{queue="sync",state="completed"} 1');
    expect(body).toContain('cmms_queue_failed_last_hour{queue="sync"} 1');
    expect(body).toContain('cmms_queue_completed_last_hour{queue="sync"} 1');
    expect(body).toContain('cmms_job_runs_last_hour{queue="sync",job="test-metrics-quick"} 1');
    expect(body).toMatch(/^cmms_job_duration_seconds\{queue="sync",job="test-metrics-quick",quantile="0.95"\} \d/m);
    expect(body).toContain('cmms_schedule_late{job="generate-preventive-orders"} 0');
    expect(body).toMatch(/^cmms_schedule_seconds_since_last_run\{job="compute-kpis"\} \d+/m);
    expect(body).toMatch(/^cmms_queue_workers_alive [1-9]/m);
    // The back office's own pool (server/database.ts: 20 connections).
    expect(body).toContain('cmms_db_pool_connections{state="max"} 20');
    expect(body).toMatch(/^cmms_db_pool_connections\{state="total"\} [1-9]/m);
    expect(body).toMatch(/^cmms_queue_pool_connections\{instance="web\+worker@[^"]+",state="max"\} 4/m);
    expect(body).toMatch(/^cmms_process_resident_memory_bytes \d+/m);
  });
});

describe('without METRICS_TOKEN', () => {
  it('has no /metrics at all', async () => {
    const plain = await startTestBackOffice();
    try {
      expect((await fetch(`${plain.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
