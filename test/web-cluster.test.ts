// `WEB_CONCURRENCY=2 npm start` on a fresh machine: the real entry point as a child process, a primary
// holding the embedded PostgreSQL and two web processes sharing its port.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client.js';
import { aFreePort, startMain, stopWithCtrlC } from './support/process.js';

const dataDirs: string[] = [];
const primaries: ChildProcess[] = [];
afterAll(async () => {
  // The primary stops its web processes and the database (also when an assertion failed midway).
  for (const child of primaries) await stopWithCtrlC(child);
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

/** A request on a connection of its own (the primary deals connections to its web processes in turn). */
function getOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/** The pids of the web processes that logged "web process listening", in order. */
function listeningPids(output: string): number[] {
  return [...output.matchAll(/"childPid":(\d+),"msg":"web process listening"/g)].map((m) => Number(m[1]));
}

async function until<T>(what: string, read: () => T | undefined, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('WEB_CONCURRENCY=2 npm start', () => {
  it('prepares the database once, serves from two processes, replaces one that dies, and stops cleanly', { timeout: 300_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-web-cluster-'));
    dataDirs.push(dataDir);
    const started = await startMain(
      { WEB_CONCURRENCY: '2', DATA_DIR: dataDir, LOG_LEVEL: 'info', PORT: await aFreePort(), EMBEDDED_PG_PORT: await aFreePort() },
      180_000,
    );
    primaries.push(started.child);
    const output = started.output;

    // The primary migrated and created the first administrator; the web processes did neither.
    expect(output().match(/First administrator created:/g)).toHaveLength(1);
    expect(output().match(/"msg":"database migrated"/g)).toHaveLength(1);
    expect(output()).toContain('"process":"primary"');
    const password = /password:\s+(\S+)/.exec(output())![1]!;
    const [first, second] = listeningPids(output());
    expect(first).not.toBe(second);
    // Each web process warmed up before listening, every request of it served by itself (admin/warm-up.ts).
    const warmed = [...output().matchAll(/"process":"(web-\d+)","pid":\d+,"requests":(\d+),"failed":(\d+),"ms":\d+,"msg":"warmed up"/g)];
    expect(warmed.map((m) => m[1]).sort()).toEqual(['web-1', 'web-2']);
    expect(warmed.every((m) => Number(m[2]) > 0 && m[3] === '0')).toBe(true);
    expect(output()).not.toContain('warm-up request failed');

    // Connections go to both; each web process names itself in its request logs.
    for (let i = 0; i < 6; i++) expect(await getOnNewConnection(`${started.url}/admin/login`)).toBe(200);
    const served = new Set([...output().matchAll(/"process":"(web-\d+)","pid":\d+,"req":/g)].map((m) => m[1]));
    expect([...served].sort()).toEqual(['web-1', 'web-2']);

    const client = new HttpClient(started.url);
    await client.signIn('admin@cmms.local', password);

    // A web process killed outright is replaced; the signed-in person keeps working meanwhile.
    process.kill(first!, 'SIGKILL');
    await until('the primary reports it', () => (output().includes('a web process stopped: starting another') ? true : undefined));
    const replacement = await until('a replacement listens', () => listeningPids(output())[2]);
    expect([first, second]).not.toContain(replacement);
    const groups = await client.json<{ records: unknown[] }>('/admin/api/resources/Group/actions/list?perPage=20');
    expect(groups.status).toBe(200);
    expect(groups.body.records).toHaveLength(5);

    expect(await stopWithCtrlC(started.child)).toBe(0);
    // Both web processes closed their own server, queue and pool, then the primary stopped the database.
    expect(output().match(/"msg":"stopped cleanly"/g)).toHaveLength(3);
    expect(() => process.kill(second!, 0)).toThrow();
    expect(() => process.kill(replacement, 0)).toThrow();
  });
});
