// The worker dies in the middle of a large import (SIGKILL: no clean-up at all). Another worker takes
// the job over once the dead one's heartbeat is missed, resumes after the last committed batch, and the
// plant ends with every valid row exactly once, the rejected ones reported once, and an ImportRun that
// tells what happened.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalDiskStorage } from '../integrations/storage/local-disk.storage.js';
import { startQueue } from '../jobs/boss.js';
import { importWorkbookJob } from '../jobs/import-workbook.job.js';
import { createTestDatabase } from './support/database.js';
import { ROOT, stopWithCtrlC } from './support/process.js';
import { aLargeWorkbook } from './support/workbooks.js';

const ROWS = 60_000;
const BAD_EVERY = 10_000; // rows 2 + 10 000k: an unknown location

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

function startWorker(databaseUrl: string, dataDir: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/worker.ts'], {
    cwd: ROOT,
    // The queue looks for missed heartbeats every second (60 s by default).
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'info', QUEUE_MONITOR_SECONDS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  // A killed child has a signalCode and no exitCode: only a live one is asked to stop.
  cleanups.push(async () => (child.exitCode === null && child.signalCode === null ? stopWithCtrlC(child) : undefined));
  return { child, output: () => output };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a worker killed mid-import', () => {
  it('another worker finishes the import: no duplicates, no lost rows, the run tells the story', { timeout: 180_000 }, async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-import-crash-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const { prisma } = db;
    await prisma.location.create({ data: { code: 'PLT', name: 'Planta' } });
    await prisma.assetCategory.create({ data: { code: 'BOM', name: 'Bombas' } });
    const clerk = await prisma.user.create({ data: { email: 'sara@planta.test', name: 'Sara' } });

    const file = path.join(dataDir, 'activos.xlsx');
    await aLargeWorkbook(file, ['Código', 'Descripción', 'Ubicación', 'Categoría'], ROWS, (i) => [`K-${i}`, `Bomba ${i}`, i % BAD_EVERY === 0 ? 'NADA' : 'PLT', 'Bombas']);
    const storage = createLocalDiskStorage(path.join(dataDir, 'files'));
    await storage.put('imports/test/activos.xlsx', await readFile(file));
    const run = await prisma.importRun.create({ data: { kind: 'assets', fileName: 'activos.xlsx', fileKey: 'imports/test/activos.xlsx', mode: 'VALID_ROWS', userId: clerk.id } });

    const first = startWorker(db.url, dataDir);
    const sender = await startQueue({ databaseUrl: db.url, logger: pino({ level: 'silent' }), work: false });
    cleanups.push(() => sender.stop());
    await sender.send(importWorkbookJob, { importRunId: run.id, maxRows: 100_000 });

    // Kill it once some batches are committed, well before the end.
    const midway = await until('a committed batch', async () => {
      const now = await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
      return now.checkpointRow >= 4_000 && now;
    }, 90_000, 20);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const atDeath = await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(atDeath.state).toBe('RUNNING');
    expect(atDeath.rowsRead).toBeLessThan(ROWS);
    expect(atDeath.rowsRead).toBeGreaterThanOrEqual(midway.rowsRead);
    // What is committed is consistent: the counters match the rows in the table.
    expect(await prisma.asset.count()).toBe(atDeath.rowsWritten);

    const second = startWorker(db.url, dataDir);
    const done = await until('the import to finish', async () => {
      const now = await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
      return now.finishedAt && now;
    }, 120_000, 250);

    const bad = Math.floor((ROWS - 1) / BAD_EVERY) + 1;
    expect(done).toMatchObject({ state: 'PARTIAL', rowsRead: ROWS, rowsValid: ROWS - bad, rowsRejected: bad, rowsWritten: ROWS - bad, attempts: 2 });
    expect(done.resumedFromRow).toBe(atDeath.checkpointRow);
    expect(await prisma.asset.count()).toBe(ROWS - bad);
    const errors = await prisma.importRunError.findMany({ where: { importRunId: run.id }, orderBy: { rowNumber: 'asc' } });
    expect(errors.map((e) => e.rowNumber)).toEqual(Array.from({ length: bad }, (_, k) => 2 + k * BAD_EVERY));
    // Each asset's creation recorded once, as this import.
    const { rows } = await db.pool.query<{ entries: string; records: string }>(
      `SELECT count(*) AS entries, count(DISTINCT record_id) AS records FROM change_history WHERE table_name = 'assets' AND actor_label = $1`,
      [`import:${run.id}`],
    );
    expect(rows[0]).toEqual({ entries: String(ROWS - bad), records: String(ROWS - bad) });
    expect(second.output()).toContain('"msg":"import finished"');
    expect(first.output()).not.toContain('"msg":"import finished"');
  });
});

describe('a worker killed mid-import in "todo o nada"', () => {
  it('rolled back by the crash, the import starts over on another worker and writes every row once', { timeout: 180_000 }, async () => {
    const rows = 30_000;
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-import-crash-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const { prisma } = db;
    await prisma.location.create({ data: { code: 'PLT', name: 'Planta' } });
    await prisma.assetCategory.create({ data: { code: 'BOM', name: 'Bombas' } });
    const file = path.join(dataDir, 'activos.xlsx');
    await aLargeWorkbook(file, ['Código', 'Descripción', 'Ubicación', 'Categoría'], rows, (i) => [`T-${i}`, `Bomba ${i}`, 'PLT', 'Bombas']);
    const storage = createLocalDiskStorage(path.join(dataDir, 'files'));
    await storage.put('imports/test/activos.xlsx', await readFile(file));
    const run = await prisma.importRun.create({ data: { kind: 'assets', fileName: 'activos.xlsx', fileKey: 'imports/test/activos.xlsx', mode: 'ALL_OR_NOTHING' } });

    const first = startWorker(db.url, dataDir);
    const sender = await startQueue({ databaseUrl: db.url, logger: pino({ level: 'silent' }), work: false });
    cleanups.push(() => sender.stop());
    await sender.send(importWorkbookJob, { importRunId: run.id, maxRows: 100_000 });
    await until('rows written inside the transaction', async () => (await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } })).rowsWritten >= 4_000, 90_000, 20);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    // Nothing of an unfinished all-or-nothing import is visible.
    expect(await prisma.asset.count()).toBe(0);

    startWorker(db.url, dataDir);
    const done = await until('the import to finish', async () => {
      const now = await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
      return now.finishedAt && now;
    }, 120_000, 250);
    expect(done).toMatchObject({ state: 'SUCCEEDED', rowsRead: rows, rowsValid: rows, rowsRejected: 0, rowsWritten: rows, attempts: 2, resumedFromRow: 0 });
    expect(await prisma.asset.count()).toBe(rows);
    const { rows: history } = await db.pool.query<{ entries: string }>(
      `SELECT count(*) AS entries FROM change_history WHERE table_name = 'assets' AND actor_label = $1`,
      [`import:${run.id}`],
    );
    expect(history[0]!.entries).toBe(String(rows));
  });
});
