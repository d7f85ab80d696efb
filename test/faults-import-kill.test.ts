// One `kill -9` of the web process while it is in the middle of three imports: an upload whose workbook is
// stored and whose run is being written, an upload whose run and job are written and committing, and an
// import the process is running itself (workers in process, the default of `npm start`)
// with its first batch committed and the next one writing. Each is held there by a PostgreSQL lock the
// test takes on its own connection (the clerk's row the run names, the queue's row the job names, the
// location the next batch names), seen waiting in pg_stat_activity, and only then the process is killed.
// After a restart: a run and its job exist together or not at all (none waits "en cola" for a job that
// does not exist), no row is written twice, the running import resumes after its last committed batch,
// and the clerk whose upload was lost retries it successfully.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeExpiredImportFiles } from '../domain/imports/remove-expired-files.js';
import { createLocalDiskStorage } from '../integrations/storage/local-disk.storage.js';
import type { ObjectStorage } from '../integrations/storage/storage.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { backendGone, blockedOn, holdLock, killHard, startWebProcess, until, type BlockedBackend, type HeldLock } from './support/faults.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';
import { aFreePort, stopWithCtrlC, type StartedProcess } from './support/process.js';
import { aWorkbook } from './support/workbooks.js';

const ROWS = 2_500;

let db: TestDatabase;
let prisma: Db;
let dataDir: string;
let storage: ObjectStorage;
let web: StartedProcess;
let firstClerk: Person;
let secondClerk: Person;
let smallWorkbook: Buffer;
let running: { runId: number; checkpointRow: number; rowsWritten: number; blocked: BlockedBackend };
let runsBeforeKill: number;
let heldBeforeRun: BlockedBackend;
let heldAtCommit: BlockedBackend;
const locks: HeldLock[] = [];

const importAssets = (clerk: Person, workbook: Buffer, fileName: string) =>
  clerk.client.json<{ id: number }>(`/admin/imports/assets?mode=VALID_ROWS&fileName=${fileName}`, {
    method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(workbook),
  });

const finished = (runId: number, timeoutMs = 120_000) =>
  until(`import run ${runId} to finish`, async () => {
    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    return run.finishedAt && run;
  }, timeoutMs, 250);

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-faults-import-'));
  storage = createLocalDiskStorage(path.join(dataDir, 'files'));
  // A dead process's running job is found by its missed heartbeat within a second of checking (60 s by default).
  const env = { DATABASE_URL: db.url, DATA_DIR: dataDir, PORT: await aFreePort(), QUEUE_MONITOR_SECONDS: '1' };
  web = await startWebProcess(env);
  firstClerk = await aPerson(prisma, web.url, ['SUPERVISORS'], 'Irene Importadora');
  secondClerk = await aPerson(prisma, web.url, ['SUPERVISORS'], 'Iván Importador');
  for (const clerk of [firstClerk, secondClerk]) await clerk.client.request('/admin/api/resources/Asset/actions/list?perPage=1'); // the CSRF cookie
  const plantA = await make.aLocation(prisma, { code: 'PLT-A', name: 'Planta A' });
  const plantB = await make.aLocation(prisma, { code: 'PLT-B', name: 'Planta B' });
  const pumps = await make.aCategory(prisma, 'Bombas');
  smallWorkbook = await aWorkbook([['Código', 'Descripción', 'Ubicación', 'Categoría'], ['IMP-1', 'Bomba 1', plantA.code, pumps.name], ['IMP-2', 'Bomba 2', plantA.code, pumps.name]]);

  const pending: Promise<unknown>[] = [];
  const inFlight = (request: Promise<unknown>) => {
    request.catch(() => undefined); // asserted below, after the kill
    pending.push(request);
  };

  // The running import: its first batch (1 000 rows) names only PLT-A; the next names PLT-B, held.
  const sheet = [['Código', 'Descripción', 'Ubicación', 'Categoría'], ...Array.from({ length: ROWS }, (_, i) => [`RES-${i}`, `Bomba ${i}`, i < 1_500 ? plantA.code : plantB.code, pumps.name])];
  let lock = await holdLock(db.pool, 'SELECT id FROM locations WHERE id = $1 FOR UPDATE', [plantB.id]);
  locks.push(lock);
  const started = await importAssets(firstClerk, await aWorkbook(sheet), 'bombas-grandes.xlsx');
  expect(started.status).toBe(202);
  const batch = await blockedOn(db.pool, lock, { query: /INSERT INTO "?assets"?/i });
  // Two batches are written at once (domain/imports/run-import.ts): the second may reach its INSERT
  // before the first has committed. The process dies once the first has.
  const atDeath = await until('the first batch committed', async () => {
    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: started.body.id } });
    return run.rowsWritten >= 1_000 && run;
  }, 30_000);
  running = { runId: atDeath.id, checkpointRow: atDeath.checkpointRow, rowsWritten: atDeath.rowsWritten, blocked: batch };

  // An upload whose run names the second clerk, held: the run's insert waits after the workbook is stored.
  lock = await holdLock(db.pool, 'SELECT id FROM users WHERE id = $1 FOR UPDATE', [secondClerk.userId]);
  locks.push(lock);
  runsBeforeKill = await prisma.importRun.count();
  inFlight(importAssets(secondClerk, smallWorkbook, 'bombas.xlsx'));
  const beforeRun = await blockedOn(db.pool, lock, { query: /import_runs/ });
  heldBeforeRun = beforeRun;

  // An upload whose job names the queue, held: the run and its job are written, and their transaction's
  // COMMIT waits on the queue's row (pg-boss checks that key at commit).
  lock = await holdLock(db.pool, `SELECT name FROM pgboss.queue WHERE name = 'default' FOR UPDATE`);
  locks.push(lock);
  inFlight(importAssets(firstClerk, smallWorkbook, 'bombas.xlsx'));
  const beforeJob = await blockedOn(db.pool, lock, { query: /^\s*COMMIT\s*$/i });
  heldAtCommit = beforeJob;

  expect(await killHard(web.child)).toBe('SIGKILL');
  for (const request of pending) await expect(request).rejects.toThrow();
  for (const held of locks) await held.release();
  // Each orphaned backend wakes, finds its client gone, and PostgreSQL rolls its transaction back.
  for (const blocked of [batch, beforeRun, beforeJob]) await backendGone(db.pool, blocked.pid);
  web = await startWebProcess(env);
}, 240_000);

afterAll(async () => {
  for (const held of locks) await held.release();
  if (web && web.child.exitCode === null && web.child.signalCode === null) await stopWithCtrlC(web.child);
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('kill -9 of the web process in the middle of three imports, then a restart', () => {
  it('the import it was running resumes after its last committed batch on the restarted process: every row once', async () => {
    expect(running.rowsWritten).toBe(1_000);
    expect(running.checkpointRow).toBeGreaterThan(0);
    const done = await finished(running.runId);
    expect(done).toMatchObject({ state: 'SUCCEEDED', rowsRead: ROWS, rowsWritten: ROWS, rowsRejected: 0, attempts: 2, resumedFromRow: running.checkpointRow });
    expect(await prisma.asset.count({ where: { code: { startsWith: 'RES-' } } })).toBe(ROWS);
    const history = await db.pool.query<{ entries: string; records: string }>(
      `SELECT count(*) AS entries, count(DISTINCT record_id) AS records FROM change_history WHERE table_name = 'assets' AND actor_label = $1`,
      [`import:${running.runId}`],
    );
    expect(history.rows[0]).toEqual({ entries: String(ROWS), records: String(ROWS) });
  });

  it('the upload held before its run was written left no run; the one held at its commit has its run and its job together, and ran once', async () => {
    expect(heldBeforeRun.written).toEqual(['import_runs']);
    expect(heldAtCommit.written).toEqual(expect.arrayContaining(['import_runs', 'job_common']));
    const runs = await prisma.importRun.findMany({ where: { id: { gt: running.runId } } });
    expect(runs.map((r) => r.userId)).toEqual([firstClerk.userId]);
    expect(await finished(runs[0]!.id)).toMatchObject({ state: 'SUCCEEDED', rowsWritten: 2, attempts: 1 });
    // No run waits "en cola" for a job that does not exist: every run's job is in the queue's table.
    const jobless = await db.pool.query('SELECT r.id FROM import_runs r WHERE NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.id::text = r.job_id)');
    expect(jobless.rows).toEqual([]);
    expect(await prisma.importRun.count({ where: { state: 'QUEUED' } })).toBe(0);
    expect(await prisma.asset.count({ where: { code: { startsWith: 'IMP-' } } })).toBe(2);
  });

  it("the workbook stored for the run never written is an orphan of imports/, removed by the daily clean-up after the retention", async () => {
    const kept = new Set((await prisma.importRun.findMany({ select: { fileKey: true } })).map((r) => r.fileKey));
    const orphans: string[] = [];
    for await (const object of storage.list('imports/')) if (!kept.has(object.key)) orphans.push(object.key);
    expect(orphans).toHaveLength(1);
    expect(await removeExpiredImportFiles(prisma, storage, 90)).toEqual({ runs: 0, objects: 0 });
    // 91 days on, the two finished runs' files go too (past the retention as well).
    expect(await removeExpiredImportFiles(prisma, storage, 90, new Date(Date.now() + 91 * 86_400_000))).toEqual({ runs: 2, objects: 3 });
    expect(await storage.head(orphans[0]!)).toBeNull();
  });

  it('the clerk whose upload was lost retries it, and the import runs once', async () => {
    const retried = await importAssets(secondClerk, smallWorkbook, 'bombas.xlsx');
    expect(retried.status).toBe(202);
    expect(await finished(retried.body.id)).toMatchObject({ userId: secondClerk.userId, state: 'SUCCEEDED', attempts: 1, rowsRead: 2 });
    expect(await prisma.asset.count({ where: { code: { startsWith: 'IMP-' } } })).toBe(2);
  });
});
