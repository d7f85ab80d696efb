// The set-up the catalogue import tests share: a fresh database, storage on a temporary disk, a clerk,
// and importSheet() running one workbook through the real import job, as the worker would.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { ImportSummary } from '../../domain/imports/import-summary.js';
import { runImport } from '../../domain/imports/run-import.js';
import { createLocalDiskStorage } from '../../integrations/storage/local-disk.storage.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { Db } from '../../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import * as make from './factories.js';
import { aWorkbook, type Cell } from './workbooks.js';

export interface ImportOptions {
  preview?: boolean;
  createMissing?: boolean;
}

export interface ImportOutcome {
  run: Awaited<ReturnType<Db['importRun']['findUniqueOrThrow']>>;
  summary: ImportSummary;
  /** "row column: reason", in row order. */
  errors: string[];
}

export interface ImportTestPlant {
  db: TestDatabase;
  prisma: Db;
  storage: ObjectStorage;
  clerkId: number;
  /** The rows as a workbook, imported "solo filas válidas" by the clerk (or previewed). */
  importSheet(kind: string, rows: (Cell[] | null)[], options?: ImportOptions): Promise<ImportOutcome>;
}

/** Registers the file's beforeAll/afterAll; the fields are there once beforeAll has run. */
export function useImportTestPlant(clerkName: string): ImportTestPlant {
  let dataDir: string;
  const plant = {
    async importSheet(kind: string, rows: (Cell[] | null)[], options: ImportOptions = {}): Promise<ImportOutcome> {
      const { prisma, storage, clerkId, db } = plant;
      const fileKey = `imports/test/${randomUUID()}.xlsx`;
      await storage.put(fileKey, await aWorkbook(rows));
      const created = await prisma.importRun.create({
        data: { kind, fileName: `${kind}.xlsx`, fileKey, mode: 'VALID_ROWS', userId: clerkId, preview: options.preview ?? false, createMissing: options.createMissing ?? false },
      });
      await runImport({ prisma, pool: db.pool, storage, logger: pino({ level: 'silent' }) }, created.id, { maxRows: 1_000, batchSize: 50, timeZone: 'America/Tegucigalpa' });
      const run = await prisma.importRun.findUniqueOrThrow({ where: { id: created.id } });
      const errors = await prisma.importRunError.findMany({ where: { importRunId: run.id }, orderBy: [{ rowNumber: 'asc' }, { id: 'asc' }] });
      return { run, summary: run.summary as unknown as ImportSummary, errors: errors.map((e) => `${e.rowNumber} ${e.column}: ${e.reason}`) };
    },
  } as ImportTestPlant;
  beforeAll(async () => {
    plant.db = await createTestDatabase();
    plant.prisma = plant.db.prisma;
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-import-tests-'));
    plant.storage = createLocalDiskStorage(dataDir);
    plant.clerkId = (await make.aUser(plant.prisma, clerkName)).id;
  });
  afterAll(async () => {
    await plant.db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  return plant;
}
