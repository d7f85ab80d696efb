// `npm run worker`: a separate process works the queues while the web process only sends.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startQueue } from '../jobs/boss.js';
import { cleanTemporaryExportsJob } from '../jobs/clean-temporary-exports.job.js';
import { readSchedules } from '../jobs/monitor/schedule-status.js';
import { readWorkers } from '../jobs/monitor/workers.js';
import { createLocalDiskStorage } from '../integrations/storage/local-disk.storage.js';
import { createTestDatabase } from './support/database.js';
import { ROOT, stopWithCtrlC } from './support/process.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

describe('the separate worker process', () => {
  it('runs a job that another process sent, and stops cleanly on SIGTERM', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-worker-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const storage = createLocalDiskStorage(path.join(dataDir, 'files'));
    await storage.put('tmp/exports/informe.xlsx', Buffer.from('x'));
    const old = new Date(Date.now() - 72 * 3_600_000);
    const file = path.join(dataDir, 'files/tmp/exports/informe.xlsx');
    await utimes(file, old, old);

    const worker = spawn(process.execPath, ['--import', 'tsx', 'server/worker.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: db.url, DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout!.on('data', (chunk) => (output += chunk));
    worker.stderr!.on('data', (chunk) => (output += chunk));
    cleanups.push(() => stopWithCtrlC(worker));

    // The sending side works nothing itself, like a web process with WORKERS_IN_PROCESS=false.
    const sender = await startQueue({ databaseUrl: db.url, logger: pino({ level: 'silent' }), work: false });
    cleanups.push(() => sender.stop());
    await sender.send(cleanTemporaryExportsJob, { olderThanHours: 24 });

    const deadline = Date.now() + 45_000;
    while (existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    // The job goes on after the file (import files are cleaned too): wait for its log and the worker's.
    const logged = () => output.includes('"msg":"job completed"') && output.includes('"msg":"worker ready"');
    while (!logged() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(existsSync(file)).toBe(false);
    expect(output).toContain('"msg":"worker ready"');
    expect(output).toContain('"job":"clean-temporary-exports"');
    // The jobs monitor (issue 18) sees the separate process by its heartbeat, and the schedules it keeps.
    expect((await readWorkers(db.pool)).find((w) => w.pid === worker.pid)).toMatchObject({ name: 'worker', alive: true });
    expect((await readSchedules(db.pool)).find((s) => s.job === 'generate-preventive-orders')).toMatchObject({ queue: 'critical', late: false });

    const exitCode = await new Promise((resolve) => {
      worker.once('exit', resolve);
      worker.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
    // Stopped gracefully: no longer counted alive.
    expect((await readWorkers(db.pool)).find((w) => w.pid === worker.pid)?.alive).toBe(false);
    expect(output).toContain('stopped cleanly');
  });
});
