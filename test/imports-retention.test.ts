// Import files are kept as long as they serve: the daily clean-up removes workbooks and error reports
// past the retention, keeps those a newer run still uses, removes orphans, and the ImportRun keeps its
// counts and history. Real PostgreSQL, real local-disk storage (file times set back by hand).
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeExpiredImportFiles } from '../domain/imports/remove-expired-files.js';
import { createLocalDiskStorage } from '../integrations/storage/local-disk.storage.js';
import type { ObjectStorage } from '../integrations/storage/storage.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

let db: TestDatabase;
let prisma: Db;
let storage: ObjectStorage;
let dataDir: string;
const DAY = 86_400_000;
const now = new Date('2027-06-30T03:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-retention-'));
  storage = createLocalDiskStorage(dataDir);
});
afterAll(async () => {
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

async function stored(key: string, age: number): Promise<string> {
  await storage.put(key, Buffer.from(key));
  await utimes(path.join(dataDir, ...key.split('/')), daysAgo(age), daysAgo(age));
  return key;
}

async function aRun(fileKey: string, finishedDaysAgo: number | null, errorReportKey: string | null = null) {
  return prisma.importRun.create({
    data: {
      kind: 'assets', fileName: 'activos.xlsx', fileKey, errorReportKey, mode: 'VALID_ROWS', rowsRead: 10, rowsNew: 7, rowsRejected: 3,
      state: finishedDaysAgo === null ? 'RUNNING' : 'PARTIAL', finishedAt: finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo), createdAt: daysAgo(finishedDaysAgo ?? 200),
    },
  });
}

const exists = async (key: string) => (await storage.head(key)) !== null;

describe('the daily clean-up of import files', () => {
  it('removes old files, keeps recent and still-used ones, removes orphans; runs keep their counts', async () => {
    const old = await aRun(await stored('imports/2027/01/viejo.xlsx', 120), 120, await stored('imports/reports/import-1-errores.xlsx', 120));
    const recent = await aRun(await stored('imports/2027/06/nuevo.xlsx', 5), 5);
    // Previewed long ago, imported yesterday from the same stored file: the file serves the newer run.
    const shared = await stored('imports/2027/02/compartido.xlsx', 100);
    const preview = await aRun(shared, 100);
    await aRun(shared, 1);
    // Still running: never touched, whatever its age.
    const running = await aRun(await stored('imports/2027/01/en-curso.xlsx', 150), null);
    const orphan = await stored('imports/2027/01/huerfano.xlsx', 120);
    const recentOrphan = await stored('imports/2027/06/subiendo.xlsx', 0);

    const removed = await removeExpiredImportFiles(prisma, storage, 90, now);
    expect(removed).toEqual({ runs: 1, objects: 3 });
    expect(await exists(old.fileKey)).toBe(false);
    expect(await exists(old.errorReportKey!)).toBe(false);
    expect(await exists(orphan)).toBe(false);
    for (const key of [recent.fileKey, shared, running.fileKey, recentOrphan]) expect(await exists(key), key).toBe(true);
    expect(await prisma.importRun.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ filesRemovedAt: now, rowsRead: 10, rowsNew: 7, rowsRejected: 3, state: 'PARTIAL' });
    expect((await prisma.importRun.findUniqueOrThrow({ where: { id: preview.id } })).filesRemovedAt).toBeNull();
    // The run's change of state is in its history, like any write.
    expect(await prisma.changeHistory.count({ where: { tableName: 'import_runs', recordId: old.id, action: 'UPDATE' } })).toBe(1);

    // Run again: nothing left to do.
    expect(await removeExpiredImportFiles(prisma, storage, 90, now)).toEqual({ runs: 0, objects: 0 });
  });

  it('0 days keeps everything', async () => {
    const key = await stored('imports/2020/01/antiguo.xlsx', 2_000);
    await aRun(key, 2_000);
    expect(await removeExpiredImportFiles(prisma, storage, 0, now)).toEqual({ runs: 0, objects: 0 });
    expect(await exists(key)).toBe(true);
  });
});
