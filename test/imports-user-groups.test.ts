// Groups from the users sheet (issue 17): one cell names a user's groups by Spanish or English name or
// code, separated by commas or semicolons; unknown groups are reported per row and listed in the
// preview's unknown values (and can be mapped there); a re-run is unchanged; a changed cell changes
// exactly the memberships, recorded in the history as the import's. Real PostgreSQL, workbooks made here.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilitiesFor } from '../domain/access/abilities.js';
import { saveMapping } from '../domain/imports/import-mappings.js';
import type { ImportSummary } from '../domain/imports/import-summary.js';
import { runImport } from '../domain/imports/run-import.js';
import { createLocalDiskStorage } from '../integrations/storage/local-disk.storage.js';
import type { ObjectStorage } from '../integrations/storage/storage.js';
import { actAs } from '../prisma/actor.js';
import type { Db } from '../prisma/client.js';
import { GROUP_CODES, GROUPS } from '../prisma/groups.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';
import { aWorkbook, type Cell } from './support/workbooks.js';

let db: TestDatabase;
let prisma: Db;
let storage: ObjectStorage;
let dataDir: string;
let adminId: number;
const administrator = () => defineAbilitiesFor({ userId: adminId, groups: ['ADMINISTRATORS'], technicianId: null, sharedOrderIds: [], canReadHistory: true, approvalLimit: null, sitePaths: [] });

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-user-groups-'));
  storage = createLocalDiskStorage(dataDir);
  await prisma.group.createMany({ data: GROUP_CODES.map((code) => ({ code, name: GROUPS[code].name })), skipDuplicates: true });
  adminId = (await make.aUser(prisma, 'Ana Administradora')).id;
});
afterAll(async () => {
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

async function importUsers(rows: (Cell[] | null)[], options: { preview?: boolean } = {}) {
  const fileKey = `imports/test/${randomUUID()}.xlsx`;
  await storage.put(fileKey, await aWorkbook(rows));
  const run = await prisma.importRun.create({
    data: { kind: 'users', fileName: 'usuarios.xlsx', fileKey, mode: 'VALID_ROWS', preview: options.preview ?? false, userId: adminId },
  });
  await runImport({ prisma, pool: db.pool, storage, logger: pino({ level: 'silent' }) }, run.id, { maxRows: 1_000, batchSize: 3, timeZone: 'America/Tegucigalpa' });
  const done = await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
  const errors = await prisma.importRunError.findMany({ where: { importRunId: run.id }, orderBy: [{ rowNumber: 'asc' }, { id: 'asc' }] });
  const counts = { new: done.rowsNew, changed: done.rowsChanged, unchanged: done.rowsUnchanged, rejected: done.rowsRejected, written: done.rowsWritten };
  return { run: done, counts, summary: done.summary as unknown as ImportSummary, errors: errors.map((e) => [e.rowNumber, e.column, e.value, e.reason] as const) };
}

async function groupsOf(email: string): Promise<string[]> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { groups: { include: { group: true } } } });
  return user.groups.map((m) => m.group.code).sort();
}

const SHEET: Cell[][] = [
  ['Correo', 'Nombre', 'Grupos'],
  ['sara@planta.hn', 'Sara Supervisora', 'Supervisores; técnicos'],
  ['ana@planta.hn', 'Ana Admin', 'ADMINISTRATORS'],
  ['tomas@planta.hn', 'Tomás', 'Technicians, Jefes, Visitantes'],
  ['olga@planta.hn', 'Olga Operadora', ''],
  ['no es correo', 'Pedro', 'Jefes'],
  ['carla@planta.hn', 'Carla', 'Consultants ; Operadores ; CONSULTORES'],
];

describe('groups from the users sheet', () => {
  it('previews every unknown group per row and in the unknown values, and counts what the import then does', async () => {
    const preview = await importUsers(SHEET, { preview: true });
    expect(preview.counts).toEqual({ new: 4, changed: 0, unchanged: 0, rejected: 2, written: 0 });
    expect(preview.errors.filter(([, column]) => column === 'Grupos').map(([row, , value]) => [row, value])).toEqual([
      [4, 'Jefes'],
      [4, 'Visitantes'],
      [6, 'Jefes'],
    ]);
    // One pass: the bad address of row 6 is reported with its unknown group.
    expect(preview.errors.filter(([row]) => row === 6)).toHaveLength(2);
    expect(preview.summary.unknownValues.find((column) => column.field === 'groups')).toMatchObject({
      type: 'choice',
      values: [{ value: 'Jefes', count: 2 }, { value: 'Visitantes', count: 1 }],
    });
    expect(await prisma.user.count({ where: { email: { endsWith: '@planta.hn' } } })).toBe(0);

    const real = await importUsers(SHEET);
    expect(real.counts).toEqual({ ...preview.counts, written: 4 });
    expect(await groupsOf('sara@planta.hn')).toEqual(['SUPERVISORS', 'TECHNICIANS']);
    expect(await groupsOf('ana@planta.hn')).toEqual(['ADMINISTRATORS']);
    expect(await groupsOf('olga@planta.hn')).toEqual([]);
    expect(await groupsOf('carla@planta.hn')).toEqual(['CONSULTANTS', 'OPERATORS']);
    expect(await prisma.user.findUnique({ where: { email: 'tomas@planta.hn' } })).toBeNull();
    // The memberships are in the history, as the import's.
    const memberships = await prisma.changeHistory.count({ where: { tableName: 'user_groups', action: 'INSERT', actorLabel: `import:${real.run.id}` } });
    expect(memberships).toBe(5);
  });

  it('reports a re-run of the same sheet as unchanged, memberships included', async () => {
    const again = await importUsers(SHEET);
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 4, rejected: 2, written: 0 });
    expect(await prisma.changeHistory.count({ where: { actorLabel: `import:${again.run.id}`, tableName: { in: ['users', 'user_groups'] } } })).toBe(0);
  });

  it('makes a filled cell the exact groups (a change of groups alone is a changed row) and leaves an empty cell alone', async () => {
    const sheet: Cell[][] = [
      ['Correo', 'Nombre', 'Grupos'],
      ['sara@planta.hn', 'Sara Supervisora', 'Supervisores'],
      ['ana@planta.hn', 'Ana Admin', ''],
    ];
    const preview = await importUsers(sheet, { preview: true });
    expect(preview.counts).toEqual({ new: 0, changed: 1, unchanged: 1, rejected: 0, written: 0 });
    expect(preview.summary.samples.changed).toMatchObject([{ row: 2, changed: ['groups'] }]);
    const real = await importUsers(sheet);
    expect(real.counts).toEqual({ new: 0, changed: 1, unchanged: 1, rejected: 0, written: 1 });
    expect(await groupsOf('sara@planta.hn')).toEqual(['SUPERVISORS']);
    expect(await groupsOf('ana@planta.hn')).toEqual(['ADMINISTRATORS']);
    expect(await prisma.changeHistory.count({ where: { tableName: 'user_groups', action: 'DELETE', actorLabel: `import:${real.run.id}` } })).toBe(1);
  });

  it('accepts an unknown group once the clerk maps it, in the next run', async () => {
    await actAs({ userId: adminId, label: 'test:admin' }, () => saveMapping(prisma, administrator(), adminId, 'users', { field: 'groups', value: 'Jefes', target: 'SUPERVISORS' }));
    await expect(saveMapping(prisma, administrator(), adminId, 'users', { field: 'groups', value: 'Visitantes', target: 'GUESTS' })).rejects.toMatchObject({ key: 'importMappingNotAValue' });
    const run = await importUsers([
      ['Correo', 'Nombre', 'Grupos'],
      ['tomas@planta.hn', 'Tomás', 'Technicians, Jefes'],
    ]);
    expect({ state: run.run.state, message: run.run.errorMessage, counts: run.counts, errors: run.errors }).toEqual({ counts: { new: 1, changed: 0, unchanged: 0, rejected: 0, written: 1 }, state: 'SUCCEEDED', message: null, errors: [] });
    expect(await groupsOf('tomas@planta.hn')).toEqual(['SUPERVISORS', 'TECHNICIANS']);
  });
});
