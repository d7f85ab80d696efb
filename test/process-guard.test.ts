// No request can end the process. First our error handling alone, around handlers whose errors escape
// in each way Express 4 cannot see; then the real back office (`npm start`'s entry point) given the
// requests that used to stop it (web, queue and embedded database with it), still serving after them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client.js';
import { createTestDatabase } from './support/database.js';
import { aFreePort, ROOT, startMain, stopWithCtrlC } from './support/process.js';
import { leakIn } from './support/fuzz.js';

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) await stopWithCtrlC(child);
});

describe('an error that escapes its handler', () => {
  it('is logged with its request id, answered 500 without internals, and the process keeps serving', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/escaping-app.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let log = '';
    child.stderr!.on('data', (chunk) => (log += chunk));
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk) => {
        const match = /listening on (\d+)/.exec(String(chunk));
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${log}`)));
    });
    const base = `http://127.0.0.1:${port}`;

    for (const route of ['/rejects', '/throws-in-a-timer', '/rejects-unawaited']) {
      const response = await fetch(`${base}${route}`, { headers: { accept: 'application/json', 'x-request-id': `req${route.replaceAll('/', '-')}` } });
      const body = await response.text();
      expect(response.status, route).toBe(500);
      expect(leakIn(body), `${route}: ${body}`).toBeUndefined();
      expect(JSON.parse(body)).toMatchObject({ error: 'internal', requestId: `req${route.replaceAll('/', '-')}` });
      expect((await fetch(`${base}/health`)).status).toBe(200);
    }
    expect(child.exitCode).toBeNull();
    // Each one is in the log, with the request it belongs to (the child's stderr reaches us a moment later).
    for (const id of ['req-rejects', 'req-throws-in-a-timer', 'req-rejects-unawaited']) await expect.poll(() => log, { timeout: 10_000 }).toContain(`"${id}"`);
  });
});

describe('the back office given the requests that used to stop it', () => {
  it('answers them with refusals and is still serving, with its queue and database', { timeout: 180_000 }, async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-guard-'));
    try {
      const started = await startMain({
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        PORT: await aFreePort(),
        SESSION_SECRET: 'a-test-only-session-secret-of-enough-length',
        ADMIN_EMAIL: 'admin@planta.test',
        ADMIN_PASSWORD: 'clave-de-prueba-segura-123',
        LOG_LEVEL: 'error',
      });
      children.push(started.child);
      const client = new HttpClient(started.url);
      await client.signIn('admin@planta.test', 'clave-de-prueba-segura-123');
      const worst: [string, number][] = [
        ['/admin/imports/runs/99999999999999999999/status', 404],
        ['/admin/exports/WorkOrder.xlsx?filters.plannedOn~~from=garbage', 400],
        ['/admin/api/resources/WorkOrder/actions/list?filters.plannedOn~~from=garbage', 400],
        ['/admin/api/resources/WorkOrder/actions/list?page=-1', 400],
        ['/admin/api/resources/WorkOrder/actions/list?perPage=abc', 400],
        ['/admin/api/resources/Asset/records/0x1/show', 404],
        ['/admin/api/resources/Asset/actions/list?filters.code=a%00b', 400],
        ['/admin/history/export.xlsx?filters.changedAt~~to=2026-13-45', 400],
      ];
      for (const [url, status] of worst) {
        const response = await client.request(url);
        const body = await response.text();
        expect(response.status, url).toBe(status);
        expect(leakIn(body), body).toBeUndefined();
      }
      const sign = await client.request('/admin/documents/revisions/1/sign', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"password":' });
      expect(sign.status).toBe(400);
      const health = await fetch(`${started.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'up' });
      expect(started.child.exitCode).toBeNull();
      expect(await stopWithCtrlC(started.child)).toBe(0);
    } finally {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
