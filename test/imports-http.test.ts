// Imports and exports through the back office, as signed-in people: the upload answers at once, the
// queued job does the work, and files are served only to those the rules allow.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { aPerson, type Person } from './support/people.js';
import { aWorkbook } from './support/workbooks.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let otherSupervisor: Person;
let consultant: Person;
let operator: Person;
let technician: Person;

beforeAll(async () => {
  // A 50 kB limit, so the size check can be seen with a small file.
  office = await startTestBackOffice({ env: { IMPORT_MAX_MB: '0.05' } });
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  otherSupervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sergio Supervisor');
  consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Óscar Operador');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  const plant = await prisma.location.create({ data: { code: 'PLT', name: 'Planta' } });
  await prisma.location.create({ data: { code: 'PLT-SB', name: 'Sala de bombas', parentId: plant.id } });
  await prisma.assetCategory.create({ data: { code: 'BOM', name: 'Bombas' } });
});
afterAll(() => office?.close());

const HEADER = ['Código', 'Descripción', 'Ubicación', 'Categoría', 'Criticidad'];

function upload(person: Person, kind: string, file: Buffer, query: Record<string, string> = {}) {
  const params = new URLSearchParams({ mode: 'VALID_ROWS', fileName: 'activos.xlsx', ...query });
  return person.client.json<{ id?: number; message?: string }>(`/admin/imports/${kind}?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(file),
  });
}

interface Status {
  state: string;
  finished: boolean;
  rowsRead: number;
  rowsRejected: number;
  rowsWritten: number;
  hasErrorReport: boolean;
}
async function finished(person: Person, id: number): Promise<Status> {
  for (let i = 0; i < 150; i++) {
    const { body } = await person.client.json<Status>(`/admin/imports/runs/${id}/status`);
    if (body.finished) return body;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`import ${id} did not finish`);
}

async function readXlsx(response: Response): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('a supervisor imports assets', () => {
  let runId: number;
  beforeAll(async () => {
    const file = await aWorkbook([
      HEADER,
      ['H-1', 'Bomba de alimentación', 'PLT-SB', 'Bombas', 'A'],
      ['H-2', 'Bomba de reserva', 'PLT-SB', 'Bombas', 'B'],
      ['H-3', 'Sin ubicación', 'NADA', 'Bombas', 'C'],
    ]);
    const response = await upload(supervisor, 'assets', file);
    expect(response.status).toBe(202);
    runId = response.body.id!;
  });

  it('the upload answers at once with a queued run; the job finishes it', async () => {
    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ kind: 'assets', fileName: 'activos.xlsx', mode: 'VALID_ROWS', userId: supervisor.userId });
    expect(run.jobId).toBeTruthy();
    const status = await finished(supervisor, runId);
    expect(status).toMatchObject({ state: 'PARTIAL', rowsRead: 3, rowsRejected: 1, rowsWritten: 2, hasErrorReport: true });
    expect((await prisma.asset.findMany({ where: { code: { startsWith: 'H-' } }, orderBy: { code: 'asc' } })).map((a) => a.code)).toEqual(['H-1', 'H-2']);
  });

  it('he downloads the error report and his file; so may other readers of import runs', async () => {
    await finished(supervisor, runId);
    for (const reader of [supervisor, otherSupervisor, consultant]) {
      const report = await reader.client.request(`/admin/imports/runs/${runId}/errors.xlsx`);
      expect(report.status).toBe(200);
      expect(await readXlsx(report)).toEqual([
        ['Fila', 'Columna', 'Valor', 'Motivo'],
        [4, 'Ubicación', 'NADA', expect.stringContaining('No existe la ubicación "NADA"')],
      ]);
      const original = await reader.client.request(`/admin/imports/runs/${runId}/file`);
      expect(original.status).toBe(200);
      expect((await readXlsx(original))[1]).toEqual(['H-1', 'Bomba de alimentación', 'PLT-SB', 'Bombas', 'A']);
    }
  });

  it('people who may not read import runs get neither status, report nor file', async () => {
    for (const outsider of [operator, technician])
      for (const path of ['status', 'errors.xlsx', 'file'])
        expect((await outsider.client.request(`/admin/imports/runs/${runId}/${path}`)).status, `${path}`).toBe(404);
  });
});

describe('"Validar sin importar", a mapping, then "Importar"', () => {
  const file = () =>
    aWorkbook([
      [...HEADER, 'Estado'],
      ['VP-1', 'Bomba', 'PLT', 'Bombas', 'A', 'OPERATIVO'],
      ['VP-2', 'Bomba', 'PLT', 'Bombas', 'B', 'OPERATIVO'],
      ['VP-3', 'Bomba', 'PLT', 'Bombas', 'C', 'ACTIVO'],
    ]);

  it('the preview writes nothing and lists the unknown value once with its count; the mapping and the import follow', async () => {
    const response = await upload(supervisor, 'assets', await file(), { preview: '1' });
    expect(response.status).toBe(202);
    const preview = (await finished(supervisor, response.body.id!)) as Status & { rowsNew: number; summary: { unknownValues: unknown[] } };
    expect(preview).toMatchObject({ state: 'PARTIAL', rowsNew: 1, rowsRejected: 2, rowsWritten: 0 });
    expect(preview.summary.unknownValues).toEqual([{ field: 'status', header: 'Estado', type: 'choice', values: [{ value: 'OPERATIVO', count: 2 }], more: false }]);
    expect(await prisma.asset.count({ where: { code: { startsWith: 'VP-' } } })).toBe(0);

    // The fields and their closed values, in his language, for the mapping's choices.
    const fields = await supervisor.client.json<{ fields: { field: string; choices?: { code: string; label: string }[] }[] }>('/admin/imports/assets/fields');
    expect(fields.body.fields.find((f) => f.field === 'status')!.choices).toContainEqual({ code: 'IN_SERVICE', label: 'En servicio' });

    const map = (person: Person, body: unknown, csrf = true) =>
      person.client.request('/admin/imports/assets/mappings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), csrf });
    expect((await map(consultant, { field: 'status', value: 'OPERATIVO', target: 'IN_SERVICE' })).status).toBe(403);
    expect((await map(supervisor, { field: 'status', value: 'OPERATIVO', target: 'IN_SERVICE' }, false)).status).toBe(403);
    expect((await map(supervisor, { field: 'status', value: 'OPERATIVO', target: 'NOT_A_STATE' })).status).toBe(422);
    expect((await map(supervisor, { field: 'status' })).status).toBe(400);
    expect((await map(supervisor, { field: 'status', value: 'OPERATIVO', target: 'IN_SERVICE' })).status).toBe(204);

    // "Importar" runs the stored file for real: no second upload.
    const rerun = (person: Person, query: string) => person.client.json<{ id?: number }>(`/admin/imports/runs/${response.body.id}/rerun?${query}`, { method: 'POST' });
    expect((await rerun(operator, 'preview=0&mode=VALID_ROWS')).status).toBe(404);
    const real = await rerun(supervisor, 'preview=0&mode=VALID_ROWS');
    expect(real.status).toBe(202);
    expect(await finished(supervisor, real.body.id!)).toMatchObject({ state: 'SUCCEEDED', rowsNew: 3, rowsWritten: 3, rowsRejected: 0 });
    expect((await prisma.asset.findMany({ where: { code: { startsWith: 'VP-' } }, orderBy: { code: 'asc' } })).map((a) => a.status)).toEqual(['IN_SERVICE', 'IN_SERVICE', 'IN_SERVICE']);
    // The same file again: nothing to write.
    const again = await rerun(supervisor, 'preview=0&mode=VALID_ROWS');
    expect(await finished(supervisor, again.body.id!)).toMatchObject({ state: 'SUCCEEDED', rowsWritten: 0, rowsUnchanged: 3 });
  });
});

describe('an unknown reference mapped to an existing entry', () => {
  it('the entries are suggested as he types, only to whom imports; the mapping names one that exists, and the stored file then imports', async () => {
    await prisma.assetCategory.create({ data: { code: 'BOM-CEN', name: 'Bombas centrífugas' } });
    const response = await upload(supervisor, 'assets', await aWorkbook([HEADER, ['RF-1', 'Bomba', 'PLT', 'Bombas centrif.', 'A']]), { preview: '1' });
    const preview = (await finished(supervisor, response.body.id!)) as Status & { summary: { unknownValues: unknown[] } };
    expect(preview.summary.unknownValues).toEqual([{ field: 'category', header: 'Categoría', type: 'reference', values: [{ value: 'Bombas centrif.', count: 1 }], more: false }]);

    const suggestions = await supervisor.client.json<{ entries: { code: string; name: string }[] }>('/admin/imports/assets/references/category?q=centrifu');
    expect(suggestions.body.entries).toEqual([{ code: 'BOM-CEN', name: 'Bombas centrífugas' }]);
    // "%" is a letter here, not "anything".
    expect((await supervisor.client.json<{ entries: unknown[] }>('/admin/imports/assets/references/category?q=%25')).body.entries).toEqual([]);
    expect((await consultant.client.request('/admin/imports/assets/references/category?q=bom')).status).toBe(403);
    expect((await supervisor.client.request('/admin/imports/assets/references/status?q=bom')).status).toBe(404);

    const map = (body: unknown) =>
      supervisor.client.json<{ message?: string }>('/admin/imports/assets/mappings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const refused = await map({ field: 'category', value: 'Bombas centrif.', target: 'Bombas de vapor' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('Bombas de vapor');
    expect((await map({ field: 'category', value: 'Bombas centrif.', target: 'BOM-CEN' })).status).toBe(204);

    const real = await supervisor.client.json<{ id?: number }>(`/admin/imports/runs/${response.body.id}/rerun?preview=0&mode=VALID_ROWS`, { method: 'POST' });
    expect(await finished(supervisor, real.body.id!)).toMatchObject({ state: 'SUCCEEDED', rowsNew: 1 });
    expect((await prisma.asset.findFirstOrThrow({ where: { code: 'RF-1' }, include: { category: true } })).category.code).toBe('BOM-CEN');
  });
});

describe('the migration page', () => {
  it('lists the kinds he may import in dependency order, with the last run of each; not to those who import nothing', async () => {
    const { status, body } = await supervisor.client.json<{ plan: { kind: string; model: string; dependsOn: string[]; lastRun: { state: string; rowsNew: number } | null }[] }>(
      '/admin/api/resources/ImportRun/actions/migration',
    );
    expect(status).toBe(200);
    const kinds = body.plan.map((step) => step.kind);
    // Users are imported by administrators only.
    expect(kinds).not.toContain('users');
    expect(kinds.indexOf('locations')).toBeLessThan(kinds.indexOf('assets'));
    expect(kinds.indexOf('asset-categories')).toBeLessThan(kinds.indexOf('assets'));
    expect(kinds.indexOf('routines')).toBeLessThan(kinds.indexOf('maintenance-schedules'));
    const assets = body.plan.find((step) => step.kind === 'assets')!;
    expect(assets.dependsOn).toEqual(['Location', 'AssetCategory']);
    expect(assets.lastRun).toMatchObject({ state: expect.any(String) });
    expect(body.plan.find((step) => step.kind === 'failure-codes')!.lastRun).toBeNull();
    for (const outsider of [operator, technician, consultant]) expect((await outsider.client.request('/admin/api/resources/ImportRun/actions/migration')).status).toBe(403);
  });
});

describe('what is refused at the upload', () => {
  it('people who do not run imports cannot upload nor get the template', async () => {
    const file = await aWorkbook([HEADER, ['NO-1', 'Bomba', 'PLT', 'Bombas', 'C']]);
    const runs = await prisma.importRun.count();
    for (const person of [consultant, operator, technician]) {
      expect((await upload(person, 'assets', file)).status).toBe(403);
      expect((await person.client.request('/admin/imports/assets/template.xlsx')).status).toBe(403);
    }
    expect(await prisma.importRun.count()).toBe(runs);
  });

  it('an upload without the CSRF token is refused', async () => {
    const file = await aWorkbook([HEADER, ['NO-2', 'Bomba', 'PLT', 'Bombas', 'C']]);
    const response = await supervisor.client.request('/admin/imports/assets?mode=VALID_ROWS&fileName=a.xlsx', { method: 'POST', body: new Uint8Array(file), csrf: false });
    expect(response.status).toBe(403);
  });

  it('a file over the size limit, with a clear message, and nothing kept', async () => {
    const runs = await prisma.importRun.count();
    const big = Buffer.alloc(60 * 1024, 0x41);
    const response = await upload(supervisor, 'assets', big);
    expect(response.status).toBe(413);
    expect(response.body.message).toBe('El archivo supera el tamaño máximo de 0,05 MB. Divídalo en varios archivos.');
    expect(await prisma.importRun.count()).toBe(runs);
  });

  it('a file that is not an .xlsx', async () => {
    const runs = await prisma.importRun.count();
    const response = await upload(supervisor, 'assets', Buffer.from('Código;Descripción\nX-1;Bomba\n'), { fileName: 'activos.csv' });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('El archivo no es un libro de Excel .xlsx (guárdelo como "Libro de Excel (.xlsx)").');
    expect(await prisma.importRun.count()).toBe(runs);
  });
});

describe('the template', () => {
  it('has the Spanish headers, an example row and drop-down lists for closed values', async () => {
    const response = await supervisor.client.request('/admin/imports/assets/template.xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Activos');
    expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Código interno', 'Descripción', 'Ubicación', 'Categoría']);
    expect(sheet.getRow(2).getCell(1).value).toBe('BOM-0001');
    const status = sheet.getCell('E3').dataValidation;
    expect(status).toMatchObject({ type: 'list', formulae: ['"En servicio,En reserva,Fuera de servicio,Dado de baja"'] });
  });

  it('filled in as it comes, it imports', async () => {
    const template = Buffer.from(await (await supervisor.client.request('/admin/imports/locations/template.xlsx')).arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as never);
    // The example names a parent "PLT": it exists in this plant.
    const response = await upload(supervisor, 'locations', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.status).toBe(202);
    expect(await finished(supervisor, response.body.id!)).toMatchObject({ state: 'SUCCEEDED', rowsWritten: 1 });
    expect((await prisma.location.findUniqueOrThrow({ where: { code: 'PLT-SB-01' } })).fullName).toBe('Planta > Sala de bombas 1');
  });
});

describe('"Exportar a Excel" of the asset list', () => {
  it('streams the rows of the current filter, in the import template format', async () => {
    const response = await consultant.client.request('/admin/exports/Asset.xlsx?filters.code=H-1');
    expect(response.status).toBe(200);
    const rows = await readXlsx(response);
    expect(rows[0]!.slice(0, 6)).toEqual(['Código interno', 'Descripción', 'Ubicación', 'Categoría', 'Estado', 'Criticidad']);
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([['H-1', 'Bomba de alimentación', 'PLT-SB', 'Bombas', 'En servicio', 'A (crítico)']]);
  });

  it('is refused to people without the export right', async () => {
    expect((await operator.client.request('/admin/exports/Asset.xlsx')).status).toBe(403);
    expect((await technician.client.request('/admin/exports/Asset.xlsx')).status).toBe(403);
  });
});

describe('an exported list imported back', () => {
  it('readings come back unchanged: same times in the plant time zone, same values, nothing rewritten', async () => {
    const asset = await prisma.asset.findUniqueOrThrow({ where: { code: 'H-1' } });
    const point = await prisma.measurementPoint.create({ data: { code: 'PM-RT', assetId: asset.id, variable: 'Temperatura', unit: '°C' } });
    await prisma.reading.createMany({
      data: [
        { measurementPointId: point.id, takenAt: new Date('2026-11-21T14:30:00Z'), value: '61.5', source: 'SCADA' },
        { measurementPointId: point.id, takenAt: new Date('2026-11-22T03:05:00Z'), value: '58.25', source: 'MANUAL' },
      ],
    });
    const exported = await supervisor.client.request(`/admin/exports/Reading.xlsx?filters.measurementPoint=${point.id}`);
    expect(exported.status).toBe(200);
    const file = Buffer.from(await exported.arrayBuffer());
    const rows = await readXlsx(new Response(new Uint8Array(file)));
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['PM-RT', 61.5, 'SCADA'],
      ['PM-RT', 58.25, 'Manual'],
    ]);
    const before = await prisma.changeHistory.count({ where: { tableName: 'readings' } });
    const response = await upload(supervisor, 'readings', file, { fileName: 'lecturas.xlsx' });
    expect(response.status).toBe(202);
    // Nothing to write: both rows are counted unchanged (they used to be counted as written).
    expect(await finished(supervisor, response.body.id!)).toMatchObject({ state: 'SUCCEEDED', rowsRead: 2, rowsWritten: 0, rowsUnchanged: 2 });
    const readings = await prisma.reading.findMany({ where: { measurementPointId: point.id }, orderBy: { takenAt: 'asc' } });
    expect(readings.map((r) => [r.takenAt.toISOString(), r.value.toString(), r.source])).toEqual([
      ['2026-11-21T14:30:00.000Z', '61.5', 'SCADA'],
      ['2026-11-22T03:05:00.000Z', '58.25', 'MANUAL'],
    ]);
    expect(await prisma.changeHistory.count({ where: { tableName: 'readings' } })).toBe(before);
  });
});
