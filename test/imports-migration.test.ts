// A clerk migrating the old system's exports (issue 17): legacy codes accepted, every problem of a row
// reported in one run, mappings remembered per import kind, a preview that counts what the import will
// then do, and a re-run that writes nothing. Real PostgreSQL, real storage, workbooks made here.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilitiesFor } from '../domain/access/abilities.js';
import { actAs } from '../prisma/actor.js';
import { saveMapping } from '../domain/imports/import-mappings.js';
import type { ImportSummary } from '../domain/imports/import-summary.js';
import { runImport } from '../domain/imports/run-import.js';
import { createLocalDiskStorage } from '../integrations/storage/local-disk.storage.js';
import type { ObjectStorage } from '../integrations/storage/storage.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';
import { aWorkbook, type Cell } from './support/workbooks.js';

let db: TestDatabase;
let prisma: Db;
let storage: ObjectStorage;
let dataDir: string;
let clerkId: number;
const supervisor = () => defineAbilitiesFor({ userId: clerkId, groups: ['SUPERVISORS'], technicianId: null, sharedOrderIds: [], canReadHistory: false, approvalLimit: null, sitePaths: [] });

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-migration-'));
  storage = createLocalDiskStorage(dataDir);
  clerkId = (await make.aUser(prisma, 'Sara Supervisora')).id;
  const plant = await prisma.location.create({ data: { code: 'PLT', name: 'Planta' } });
  await prisma.location.create({ data: { code: 'PLT-SB', name: 'Sala de bombas', parentId: plant.id } });
  await prisma.assetCategory.create({ data: { code: 'BOM', name: 'Bombas' } });
});
afterAll(async () => {
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

type Run = Awaited<ReturnType<Db['importRun']['findUniqueOrThrow']>>;
interface Outcome {
  run: Run;
  summary: ImportSummary;
  errors: { row: number; column: string | null; value: string | null; reason: string }[];
}

async function importSheet(kind: string, rows: (Cell[] | null)[], options: { preview?: boolean; mode?: 'ALL_OR_NOTHING' | 'VALID_ROWS'; batchSize?: number } = {}): Promise<Outcome> {
  const fileKey = `imports/test/${randomUUID()}.xlsx`;
  await storage.put(fileKey, await aWorkbook(rows));
  const run = await prisma.importRun.create({
    data: { kind, fileName: 'legado.xlsx', fileKey, mode: options.mode ?? 'VALID_ROWS', preview: options.preview ?? false, userId: clerkId },
  });
  await runImport({ prisma, pool: db.pool, storage, logger: pino({ level: 'silent' }) }, run.id, { maxRows: 10_000, batchSize: options.batchSize ?? 3, timeZone: 'America/Tegucigalpa' });
  const errors = await prisma.importRunError.findMany({ where: { importRunId: run.id }, orderBy: [{ rowNumber: 'asc' }, { id: 'asc' }] });
  const done = await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
  return { run: done, summary: done.summary as unknown as ImportSummary, errors: errors.map((e) => ({ row: e.rowNumber, column: e.column, value: e.value, reason: e.reason })) };
}

const HEADER = ['Código', 'Descripción', 'Ubicación', 'Categoría', 'Estado', 'Criticidad'];

describe("the old system's codes", () => {
  it('ACTIVO, INACTIVO, BAJA and ALTA/MEDIA/BAJA are read as our states and criticalities', async () => {
    const outcome = await importSheet('assets', [
      HEADER,
      ['LG-1', 'Bomba', 'PLT', 'Bombas', 'ACTIVO', 'ALTA'],
      ['LG-2', 'Bomba', 'PLT', 'Bombas', 'INACTIVO', 'media'],
      ['LG-3', 'Bomba', 'PLT', 'Bombas', 'Dado de baja', 'BAJA'],
      ['LG-4', 'Bomba', 'PLT', 'Bombas', 'STANDBY', '1'],
      ['LG-5', 'Bomba', 'PLT', 'Bombas', 'Out of service', 'c'],
    ]);
    expect(outcome.errors).toEqual([]);
    const assets = await prisma.asset.findMany({ where: { code: { startsWith: 'LG-' } }, orderBy: { code: 'asc' } });
    expect(assets.map((a) => [a.code, a.status, a.criticality])).toEqual([
      ['LG-1', 'IN_SERVICE', 'A'],
      ['LG-2', 'OUT_OF_SERVICE', 'B'],
      ['LG-3', 'RETIRED', 'C'],
      ['LG-4', 'STANDBY', 'A'],
      ['LG-5', 'OUT_OF_SERVICE', 'C'],
    ]);
  });
});

describe('one pass', () => {
  it('a row with four different problems is reported four times in the same run, and a later row of its key too', async () => {
    const outcome = await importSheet('assets', [
      HEADER,
      ['OP-1', 'Bomba buena', 'PLT', 'Bombas', 'En servicio', 'A'],
      // A bad state (cell), an unknown location and an unknown category (references), its key again (duplicate).
      ['OP-1', 'Bomba mala', 'PLT-NADA', 'Compresores', 'Roto', 'A'],
    ]);
    expect(outcome.errors.map((e) => [e.row, e.column, e.reason.slice(0, 26)])).toEqual([
      [3, 'Estado', '"Roto" no es un valor perm'],
      [3, 'Código', 'Clave duplicada en el arch'],
      [3, 'Ubicación', 'No existe la ubicación "PL'],
      [3, 'Categoría', 'No existe la categoría "Co'],
    ]);
    expect(outcome.run).toMatchObject({ state: 'PARTIAL', rowsRejected: 1, rowsNew: 1 });
  });

  it('a check across columns runs beside a cell that did not parse', async () => {
    await importSheet('assets', [HEADER, ['OP-ASSET', 'Compresor', 'PLT', 'Bombas', '', '']]);
    const outcome = await importSheet('measurement-points', [
      ['Código', 'Activo', 'Variable', 'Unidad', 'Mínimo', 'Máximo', 'Es contador'],
      ['OP-PM', 'OP-NADA', 'Presión', 'bar', '9', '2', 'quizás'],
    ]);
    expect(outcome.errors.map((e) => [e.column, e.reason.slice(0, 20)])).toEqual([
      ['Es contador', '"quizás" no es Sí/No'],
      ['Máximo', 'El máximo (2) es men'],
      ['Activo', 'No existe el activo '],
    ]);
  });
});

describe('a mapping of the clerk', () => {
  it('maps OPERATIVO to "En servicio" once, and the next run of the kind remembers it', async () => {
    const rows = [HEADER, ['MAP-1', 'Bomba', 'PLT', 'Bombas', 'OPERATIVO', 'A'], ['MAP-2', 'Bomba', 'PLT', 'Bombas', 'Operativo', 'B'], ['MAP-3', 'Bomba', 'PLT', 'Bombas', 'EN TALLER', 'B']];
    const before = await importSheet('assets', rows, { preview: true });
    // The preview lists each unknown value once (whatever its case), with how many rows carry it.
    expect(before.summary.unknownValues).toEqual([
      { field: 'status', header: 'Estado', type: 'choice', values: [{ value: 'OPERATIVO', count: 2 }, { value: 'EN TALLER', count: 1 }], more: false },
    ]);
    await actAs({ userId: clerkId, label: 'test:clerk' }, () => saveMapping(prisma, supervisor(), clerkId, 'assets', { field: 'status', value: 'OPERATIVO', target: 'IN_SERVICE' }));
    const after = await importSheet('assets', rows);
    expect(after.errors.map((e) => [e.row, e.value])).toEqual([[4, 'EN TALLER']]);
    const written = await prisma.asset.findMany({ where: { code: { startsWith: 'MAP-' } }, orderBy: { code: 'asc' } });
    expect(written.map((a) => [a.code, a.status])).toEqual([['MAP-1', 'IN_SERVICE'], ['MAP-2', 'IN_SERVICE']]);
    // Who mapped it is in the change history.
    const mapping = await prisma.importMapping.findFirstOrThrow({ where: { kind: 'assets', field: 'status' } });
    expect(await prisma.changeHistory.count({ where: { tableName: 'import_mappings', recordId: mapping.id, actorUserId: clerkId } })).toBe(1);
  });

  it('refuses a mapping to a value the column does not have', async () => {
    await expect(saveMapping(prisma, supervisor(), clerkId, 'assets', { field: 'status', value: 'X', target: 'BROKEN' })).rejects.toMatchObject({ key: 'importMappingNotAValue' });
  });

  it('maps an unknown reference to an existing entry once: the preview lists it, the next runs of the kind find it', async () => {
    await prisma.assetCategory.create({ data: { code: 'BOM-C', name: 'Bombas centrífugas' } });
    const rows = [HEADER, ['RM-1', 'Bomba', 'PLT', 'Bombas centrif.', 'ACTIVO', 'A'], ['RM-2', 'Bomba', 'PLT', 'BOMBAS CENTRIF.', 'ACTIVO', 'A'], ['RM-3', 'Bomba', 'PLT', 'Bombas', 'ACTIVO', 'A']];
    const before = await importSheet('assets', rows, { preview: true });
    expect(before.summary.unknownValues).toEqual([
      { field: 'category', header: 'Categoría', type: 'reference', values: [{ value: 'Bombas centrif.', count: 2 }], more: false },
    ]);
    // The clerk names the entry by its name, any case or accents: it is kept as its code.
    await expect(saveMapping(prisma, supervisor(), clerkId, 'assets', { field: 'category', value: 'Bombas centrif.', target: 'Bombas de vapor' })).rejects.toMatchObject({
      key: 'importMappingNoReference',
    });
    await actAs({ userId: clerkId, label: 'test:clerk' }, () =>
      saveMapping(prisma, supervisor(), clerkId, 'assets', { field: 'category', value: 'Bombas centrif.', target: 'bombas centrifugas' }),
    );
    expect(await prisma.importMapping.findFirstOrThrow({ where: { kind: 'assets', field: 'category' } })).toMatchObject({ sourceText: 'Bombas centrif.', target: 'BOM-C' });
    const preview = await importSheet('assets', rows, { preview: true });
    expect(preview.run).toMatchObject({ rowsNew: 3, rowsRejected: 0 });
    expect(preview.summary.unknownValues).toEqual([]);
    const after = await importSheet('assets', rows);
    expect(after.errors).toEqual([]);
    const written = await prisma.asset.findMany({ where: { code: { startsWith: 'RM-' } }, orderBy: { code: 'asc' }, include: { category: true } });
    expect(written.map((a) => [a.code, a.category.code])).toEqual([['RM-1', 'BOM-C'], ['RM-2', 'BOM-C'], ['RM-3', 'BOM']]);
    // Another kind does not share it.
    expect(await prisma.importMapping.count({ where: { field: 'category', kind: { not: 'assets' } } })).toBe(0);
  });

  it('a mapped reference gives way to an entry the database has by that very code or name', async () => {
    await actAs({ userId: clerkId, label: 'test:clerk' }, () => saveMapping(prisma, supervisor(), clerkId, 'assets', { field: 'category', value: 'Motores', target: 'BOM' }));
    await prisma.assetCategory.create({ data: { code: 'MOT', name: 'Motores' } });
    const run = await importSheet('assets', [HEADER, ['RM-9', 'Motor', 'PLT', 'Motores', 'ACTIVO', 'A']]);
    expect(run.errors).toEqual([]);
    expect((await prisma.asset.findFirstOrThrow({ where: { code: 'RM-9' }, include: { category: true } })).category.code).toBe('MOT');
  });

  it('a header assigned to a field is recognised from then on', async () => {
    const rows = [['Código', 'Descripción', 'Ubicación', 'Grupo SAP'], ['HM-1', 'Bomba', 'PLT', 'Bombas']];
    const refused = await importSheet('assets', rows, { preview: true });
    expect(refused.run.state).toBe('FAILED');
    expect(refused.summary).toMatchObject({ missingFields: ['category'], unrecognisedHeaders: ['Grupo SAP'] });
    await actAs({ userId: clerkId, label: 'test:clerk' }, () => saveMapping(prisma, supervisor(), clerkId, 'assets', { header: 'Grupo SAP', field: 'category' }));
    const accepted = await importSheet('assets', rows);
    expect(accepted.run).toMatchObject({ state: 'SUCCEEDED', rowsNew: 1 });
  });
});

describe('a preview', () => {
  const sheet = (suffix: string) => [
    HEADER,
    ['PV-1', 'Bomba uno', 'PLT', 'Bombas', 'ACTIVO', 'A'],
    ['PV-2', `Bomba dos ${suffix}`, 'PLT', 'Bombas', 'ACTIVO', 'A'],
    ['PV-3', 'Bomba tres', 'PLT', 'Bombas', 'ACTIVO', 'A'],
    ['PV-4', 'Bomba nueva', 'PLT-SB', 'Bombas', 'ACTIVO', 'B'],
    ['PV-5', 'Mala', 'NADA', 'Bombas', 'ACTIVO', 'A'],
  ];

  it('counts new, changed, unchanged and rejected rows exactly as the import then does, writing nothing', async () => {
    await importSheet('assets', sheet('antigua').slice(0, 4));
    const historyBefore = await prisma.changeHistory.count({ where: { tableName: 'assets' } });
    const preview = await importSheet('assets', sheet('renovada'), { preview: true });
    expect(preview.run).toMatchObject({ state: 'PARTIAL', rowsNew: 1, rowsChanged: 1, rowsUnchanged: 2, rowsRejected: 1, rowsWritten: 0 });
    expect(await prisma.asset.count({ where: { code: 'PV-4' } })).toBe(0);
    expect(await prisma.changeHistory.count({ where: { tableName: 'assets' } })).toBe(historyBefore);
    // The first rows of each, as the clerk wrote them; a changed row says what changes.
    expect(preview.summary.samples.new.map((r) => r.row)).toEqual([5]);
    expect(preview.summary.samples.changed).toEqual([{ row: 3, cells: expect.objectContaining({ code: 'PV-2', description: 'Bomba dos renovada' }), changed: ['description'] }]);
    expect(preview.summary.samples.unchanged.map((r) => r.row)).toEqual([2, 4]);
    expect(preview.summary.samples.rejected).toEqual([{ row: 6, cells: expect.objectContaining({ location: 'NADA' }), errors: [{ column: 'Ubicación', reason: expect.stringMatching(/^No existe la ubicación "NADA"/) }] }]);
    expect(preview.summary.unknownValues).toEqual([{ field: 'location', header: 'Ubicación', type: 'reference', values: [{ value: 'NADA', count: 1 }], more: false }]);
    expect(preview.summary.columns.map((c) => c.field)).toEqual(['code', 'description', 'location', 'category', 'status', 'criticality']);

    const real = await importSheet('assets', sheet('renovada'));
    for (const counter of ['rowsNew', 'rowsChanged', 'rowsUnchanged', 'rowsRejected', 'rowsValid'] as const) expect(real.run[counter]).toBe(preview.run[counter]);
    expect(real.run.rowsWritten).toBe(2);
  });

  it('of a tree names a parent that only the file holds yet', async () => {
    const preview = await importSheet('locations', [['Código', 'Nombre', 'Ubicación padre'], ['PT-1', 'Patio', 'PLT'], ['PT-1-A', 'Celda', 'PT-1']], { preview: true, batchSize: 10 });
    expect(preview.run).toMatchObject({ state: 'SUCCEEDED', rowsNew: 2, rowsRejected: 0 });
    expect(await prisma.location.count({ where: { code: { startsWith: 'PT-' } } })).toBe(0);
  });
});

describe('a re-run of the same file', () => {
  it('reports 0 written and every row unchanged, and records no history', async () => {
    const rows = [HEADER, ...Array.from({ length: 7 }, (_, i) => [`RR-${i}`, `Bomba ${i}`, 'PLT', 'Bombas', 'ACTIVO', 'B'])];
    const first = await importSheet('assets', rows);
    expect(first.run).toMatchObject({ rowsNew: 7, rowsWritten: 7, rowsUnchanged: 0 });
    const again = await importSheet('assets', rows);
    expect(again.run).toMatchObject({ state: 'SUCCEEDED', rowsRead: 7, rowsWritten: 0, rowsNew: 0, rowsChanged: 0, rowsUnchanged: 7 });
    expect(await prisma.changeHistory.count({ where: { actorLabel: `import:${again.run.id}`, tableName: 'assets' } })).toBe(0);
    const allOrNothing = await importSheet('assets', rows, { mode: 'ALL_OR_NOTHING' });
    expect(allOrNothing.run).toMatchObject({ state: 'SUCCEEDED', rowsWritten: 0, rowsUnchanged: 7 });
  });
});
