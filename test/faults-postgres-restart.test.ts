// PostgreSQL restarted while jobs run: a worker process (`npm run worker`) works six imports of 3 000 rows
// when the database server is stopped (fast shutdown: every connection cut, open transactions rolled
// back) and started again on the same data directory and port. The worker must not crash, must
// reconnect, and every job must finish exactly once: each run succeeded, each asset written once and
// recorded once in the history, each run's end logged once, and a job sent after the restart is worked.
// This file runs its own embedded PostgreSQL (the shared one cannot be restarted under other files).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalDiskStorage } from '../integrations/storage/local-disk.storage.js';
import { startQueue, type QueueRuntime } from '../jobs/boss.js';
import { importWorkbookJob } from '../jobs/import-workbook.job.js';
import { connectDatabase, type Database } from '../server/database.js';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../server/embedded-postgres.js';
import { until } from './support/faults.js';
import { ROOT, stopWithCtrlC } from './support/process.js';
import { aWorkbook } from './support/workbooks.js';

const RUNS = 6;
const ROWS = 3_000;

let pgDir: string;
let dataDir: string;
let port: number;
let postgres: EmbeddedDatabase;
let db: Database;
let worker: ChildProcess;
let output = '';
let sender: QueueRuntime | undefined;

async function anImportRun(prefix: string, rows: number): Promise<number> {
  const sheet = [['Código', 'Descripción', 'Ubicación', 'Categoría'], ...Array.from({ length: rows }, (_, i) => [`${prefix}-${i}`, `Bomba ${i}`, 'PLT', 'Bombas'])];
  const key = `imports/test/${prefix}.xlsx`;
  await createLocalDiskStorage(path.join(dataDir, 'files')).put(key, await aWorkbook(sheet));
  const run = await db.prisma.importRun.create({ data: { kind: 'assets', fileName: `${prefix}.xlsx`, fileKey: key, mode: 'VALID_ROWS' } });
  await sender!.send(importWorkbookJob, { importRunId: run.id, maxRows: 100_000 });
  return run.id;
}

const finishedRuns = async () => db.prisma.importRun.findMany({ where: { finishedAt: { not: null } }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  pgDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-faults-pg-'));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-faults-pg-data-'));
  port = await freePort();
  postgres = await startEmbeddedPostgres({ dataDir: pgDir, port });
  worker = spawn(process.execPath, ['--import', 'tsx', 'server/worker.ts'], {
    cwd: ROOT,
    // A dead attempt's job is found by its missed heartbeat within a second of checking (60 s by default).
    env: { PATH: process.env.PATH, DATABASE_URL: postgres.url, DATA_DIR: dataDir, LOG_LEVEL: 'info', QUEUE_MONITOR_SECONDS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout!.on('data', (chunk) => (output += chunk));
  worker.stderr!.on('data', (chunk) => (output += chunk));
  // The worker applies the migrations to the fresh database, then says it is ready.
  await until('the worker to be ready', async () => output.includes('"msg":"worker ready"') || worker.exitCode !== null, 150_000, 100);
  expect(worker.exitCode).toBeNull();
  db = connectDatabase(postgres.url, { max: 4 });
  await db.prisma.location.create({ data: { code: 'PLT', name: 'Planta' } });
  await db.prisma.assetCategory.create({ data: { code: 'BOM', name: 'Bombas' } });
  sender = await startQueue({ databaseUrl: postgres.url, logger: pino({ level: 'silent' }), work: false });
}, 180_000);

afterAll(async () => {
  if (worker && worker.exitCode === null && worker.signalCode === null) await stopWithCtrlC(worker);
  await sender?.stop().catch(() => undefined);
  await db?.close().catch(() => undefined);
  await postgres?.stop();
  for (const dir of [pgDir, dataDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('PostgreSQL restarted while the worker runs imports', () => {
  it('the worker survives and reconnects, and every job finishes exactly once', { timeout: 240_000 }, async () => {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await anImportRun(`PG${i}`, ROWS));

    // The restart comes while work is under way: a batch committed, not everything finished.
    await until('an import to be under way', async () => (await db.prisma.importRun.count({ where: { rowsWritten: { gt: 0 } } })) > 0, 90_000, 20);
    const finishedBefore = (await finishedRuns()).length;
    expect(finishedBefore).toBeLessThan(RUNS);
    await postgres.stop();
    postgres = await startEmbeddedPostgres({ dataDir: pgDir, port });

    // The worker is still there, and works a job sent after the restart.
    expect(worker.exitCode).toBeNull();
    const afterRestart = await until('the queue to take a job again', () => anImportRun('PGNEW', 10).catch(() => undefined), 30_000, 500);
    runs.push(afterRestart);

    const done = await until('every import to finish', async () => {
      const finished = await finishedRuns().catch(() => []);
      return finished.length === runs.length && finished;
    }, 180_000, 500);
    for (const run of done) expect(run).toMatchObject({ state: 'SUCCEEDED', rowsRejected: 0, rowsWritten: run.id === afterRestart ? 10 : ROWS });
    expect(await db.prisma.asset.count()).toBe(RUNS * ROWS + 10);
    // Each asset's creation recorded once: no batch was written twice by a retried attempt.
    const { rows } = await db.pool.query<{ entries: string; records: string }>(
      `SELECT count(*) AS entries, count(DISTINCT record_id) AS records FROM change_history WHERE table_name = 'assets' AND action = 'INSERT'`,
    );
    expect(rows[0]).toEqual({ entries: String(RUNS * ROWS + 10), records: String(RUNS * ROWS + 10) });
    // Each run's end logged once, by the one worker that never stopped.
    for (const id of runs) expect(output.match(new RegExp(`"importRunId":${id},"state":"SUCCEEDED"[^\\n]*"msg":"import finished"`, 'g'))).toHaveLength(1);
    expect(worker.exitCode).toBeNull();
    expect(worker.signalCode).toBeNull();
    // What the restart cost: attempts beyond the first (reported by the lead's figures).
    const retried = done.filter((run) => run.attempts > 1).length;
    console.log(`PostgreSQL restart: ${RUNS + 1} imports, ${finishedBefore} finished before it, ${retried} retried after it, 0 rows lost or doubled`);
  });
});
