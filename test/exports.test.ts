// "Exportar a Excel" over HTTP as signed-in people, on a real database: the rows of the list as the
// viewer sees it (filters, row rules), every column filled the way the page reads, batches that add up,
// template-shaped sheets that import back, and filters the list could not have sent refused.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { EXPORT_BATCH_ROWS, writeWorkbook } from '../admin/exports/stream-export.js';
import { historySheet } from '../admin/exports/history-sheet.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let technician: Person;
let operator: Person;
let auditor: Person;
const orders: Record<'mine' | 'shared' | 'colleagues' | 'unassigned', number> = { mine: 0, shared: 0, colleagues: 0, unassigned: 0 };

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Óscar Operador');
  auditor = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Aurora Auditora');
  await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canReadHistory: true } });
  const colleague = await make.aTechnician(prisma);
  const area = await make.aLocation(prisma, { code: 'CT-1', name: 'Central térmica' });
  const pumps = await make.aCategory(prisma, 'Bombas');
  const pump = await make.anAsset(prisma, { code: 'BOM-101', description: 'Bomba de alimentación', locationId: area.id, categoryId: pumps.id });
  const fan = await make.anAsset(prisma, { code: 'VEN-7', description: 'Ventilador de tiro', locationId: area.id, categoryId: pumps.id });
  const order = (data: object) => prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: pump.id, plannedOn: new Date('2026-11-20'), description: 'Revisar fuga', ...data } });
  orders.mine = (await order({ technicianId: technician.technicianId, state: 'ASSIGNED', priority: 'HIGH', description: 'Cambiar sello mecánico' })).id;
  const schedule = await make.aSchedule(prisma, fan.id);
  orders.shared = (await order({ technicianId: colleague.id, state: 'ASSIGNED', kind: 'PREVENTIVE', assetId: fan.id, scheduleId: schedule.id, plannedOn: new Date('2026-12-01') })).id;
  orders.colleagues = (await order({ technicianId: colleague.id, state: 'IN_PROGRESS', priority: 'URGENT' })).id;
  orders.unassigned = (await order({ plannedOn: new Date('2026-10-05') })).id;
  await prisma.workOrderShare.create({ data: { workOrderId: orders.shared, technicianId: technician.technicianId! } });
});
afterAll(() => office?.close());

/** The first sheet as rows of cell values, header first (exceljs's own reader). */
async function sheetOf(response: Response): Promise<{ rows: ExcelJS.CellValue[][]; sheet: ExcelJS.Worksheet }> {
  expect(response.status, response.status === 200 ? '' : await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return { rows, sheet };
}

const numbersOf = async (ids: number[]) => (await prisma.workOrder.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } })).map((o) => o.number);

describe('a work-order list exported as the list shows it', () => {
  it('holds exactly the filtered rows, oldest first', async () => {
    const technicianId = (await prisma.workOrder.findUniqueOrThrow({ where: { id: orders.colleagues } })).technicianId!;
    const { rows } = await sheetOf(await supervisor.client.request(`/admin/exports/WorkOrder.xlsx?filters.technician=${technicianId}&filters.kind=CORRECTIVE`));
    expect(rows.slice(1).map((row) => row[0])).toEqual(await numbersOf([orders.colleagues]));
    const byDate = await sheetOf(await supervisor.client.request('/admin/exports/WorkOrder.xlsx?filters.plannedOn~~from=2026-11-01&filters.plannedOn~~to=2026-11-30'));
    expect(byDate.rows.slice(1).map((row) => row[0])).toEqual(await numbersOf([orders.mine, orders.colleagues]));
    const byText = await sheetOf(await supervisor.client.request(`/admin/exports/WorkOrder.xlsx?${new URLSearchParams({ 'filters.description': 'sello mecanico' })}`));
    expect(byText.rows.slice(1).map((row) => row[0])).toEqual(await numbersOf([orders.mine]));
  });

  it("a technician's export holds only his orders: assigned to him or shared with him", async () => {
    const { rows } = await sheetOf(await technician.client.request('/admin/exports/WorkOrder.xlsx'));
    expect(rows.slice(1).map((row) => row[0])).toEqual(await numbersOf([orders.mine, orders.shared]));
    // A filter cannot reach past his rules.
    const colleagues = await sheetOf(await technician.client.request('/admin/exports/WorkOrder.xlsx?filters.state=IN_PROGRESS'));
    expect(colleagues.rows.slice(1)).toEqual([]);
  });

  it('fills every column with what the page shows: names, Spanish labels, dates as dates', async () => {
    const { rows, sheet } = await sheetOf(await supervisor.client.request(`/admin/exports/WorkOrder.xlsx?filters.state=ASSIGNED&filters.kind=PREVENTIVE`));
    expect(rows[0]).toEqual(['Número', 'Descripción', 'Activo', 'Ubicación', 'Técnico asignado', 'Estado', 'Prioridad', 'Fecha planificada', 'Clase']);
    const colleague = await prisma.technician.findFirstOrThrow({ where: { workOrders: { some: { id: orders.shared } } }, include: { user: true } });
    const [number] = await numbersOf([orders.shared]);
    expect(rows.slice(1)).toEqual([[number, 'Revisar fuga', 'VEN-7', 'Central térmica', colleague.user.name, 'Asignada', 'Media', new Date('2026-12-01T00:00:00Z'), 'Preventiva']]);
    expect(sheet.getCell('H2').numFmt).toBe('dd/mm/yyyy');
    // No cell of any exported row is empty, an id, or a code of a closed list.
    const all = await sheetOf(await supervisor.client.request('/admin/exports/WorkOrder.xlsx?filters.state=ASSIGNED'));
    for (const row of all.rows.slice(1)) {
      expect(row).toHaveLength(9);
      for (const cell of row) {
        expect(cell).not.toBeNull();
        expect(typeof cell === 'number').toBe(false);
        expect(['ASSIGNED', 'CORRECTIVE', 'PREVENTIVE', 'HIGH', 'MEDIUM']).not.toContain(cell);
      }
    }
  });

  it('in English for a viewer reading English', async () => {
    const { rows, sheet } = await sheetOf(await supervisor.client.request(`/admin/exports/WorkOrder.xlsx?filters.priority=URGENT&lang=en`));
    expect(rows[0]).toEqual(['Number', 'Description', 'Asset', 'Location', 'Assigned technician', 'State', 'Priority', 'Planned date', 'Kind']);
    expect([rows[1]![2], rows[1]![8]]).toEqual(['BOM-101', 'Corrective']);
    expect(rows[1]!.slice(5, 7)).toEqual(['In progress', 'Urgent']);
    expect(sheet.getCell('H2').numFmt).toBe('mm/dd/yyyy');
  });

  it('needs the export right, and reading the list', async () => {
    expect((await operator.client.request('/admin/exports/WorkOrder.xlsx')).status).toBe(403);
    expect((await technician.client.request('/admin/exports/Asset.xlsx')).status).toBe(403);
    // Users are exported to administrators only (issue 17): a supervisor is refused, not told it does not exist.
    expect((await supervisor.client.request('/admin/exports/User.xlsx')).status).toBe(403);
    expect((await supervisor.client.request('/admin/exports/NoSuchList.xlsx')).status).toBe(404);
  });
});

describe('filters the list could not have sent', () => {
  it.each([
    ['a property the list does not filter by', 'filters.passwordHash=x', 'no tiene el filtro «passwordHash»'],
    ['a reference that is no id', 'filters.asset=abc', 'El filtro «asset» no admite el valor «abc»'],
    ['an id beyond any row', 'filters.asset=99999999999', 'El filtro «asset»'],
    ['a value outside the closed list', 'filters.state=DONE', 'El filtro «state» no admite el valor «DONE»'],
    ['a date that is no date', 'filters.plannedOn~~from=ayer', 'El filtro «plannedOn»'],
    ['a date range bound that does not exist', 'filters.plannedOn~~since=2026-01-01', 'no tiene el filtro «plannedOn~~since»'],
    ['the same filter twice', 'filters.state=ASSIGNED&filters.state=PENDING', 'El filtro «state»'],
    ['filters written as an object', 'filters[state]=ASSIGNED', 'dirección de la exportación no es válida'],
    ['a language the back office does not speak', 'lang=fr', 'dirección de la exportación no es válida'],
  ])('%s answers 400 with what to do', async (_case, query, message) => {
    const response = await supervisor.client.json<{ message: string }>(`/admin/exports/WorkOrder.xlsx?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(message);
  });
});

describe('a long list, batch after batch', () => {
  it('exports every row once, in order, across batches', async () => {
    const asset = await make.anAsset(prisma, { code: 'TUR-1' });
    const point = await prisma.measurementPoint.create({ data: { code: 'PM-VIB', assetId: asset.id, variable: 'Vibración', unit: 'mm/s' } });
    const count = EXPORT_BATCH_ROWS * 2 + 7;
    await office.database.pool.query(
      `INSERT INTO readings (measurement_point_id, taken_at, value, source)
       SELECT $1, timestamptz '2026-01-01 12:00:00+00' + n * interval '1 minute', n, 'SCADA' FROM generate_series(1, $2) AS n`,
      [point.id, count],
    );
    const { rows } = await sheetOf(await supervisor.client.request(`/admin/exports/Reading.xlsx?filters.measurementPoint=${point.id}`));
    const values = rows.slice(1).map((row) => row[2]);
    expect(values).toHaveLength(count);
    expect(values).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(new Set(rows.slice(1).map((row) => row[0]))).toEqual(new Set(['PM-VIB']));

    // A download abandoned half-way stops there; the back office goes on serving.
    const abandon = new AbortController();
    const partial = await supervisor.client.request(`/admin/exports/Reading.xlsx?filters.measurementPoint=${point.id}`, { signal: abandon.signal });
    await (partial.body as ReadableStream<Uint8Array>).getReader().read();
    abandon.abort();
    expect((await supervisor.client.request('/admin/exports/WorkOrder.xlsx')).status).toBe(200);
  });
});

describe('a list longer than a sheet holds', () => {
  it('stops at the limit and says so on the last line', async () => {
    const out = new PassThrough();
    const file = buffer(out);
    const rows = Array.from({ length: 5 }, (_, i) => [i + 1, '2026-11-30 10:00:00', 'work_orders', i + 1, 'INSERT', 'seed', null, null, null, null]);
    await writeWorkbook(out, { sheet: historySheet('es'), language: 'es', rowLimit: 3 }, (async function* () {
      yield rows;
    })());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await file).buffer);
    const values: ExcelJS.CellValue[][] = [];
    workbook.worksheets[0]!.eachRow((row) => values.push((row.values as ExcelJS.CellValue[]).slice(1)));
    expect(values.slice(1, 4).map((row) => row[2])).toEqual([1, 2, 3]);
    expect(values).toHaveLength(5);
    expect(values[4]![0]).toBe('Excel admite 3 filas por hoja: se exportaron las primeras. Filtre la lista para exportar el resto.');
  });
});

describe('an importable list exported in its template, imported back', () => {
  it('re-imports cleanly and changes nothing', async () => {
    const area = await make.aLocation(prisma, { code: 'SUB-2', name: 'Subestación 2' });
    const category = await make.aCategory(prisma, 'Transformadores');
    const transformer = await prisma.asset.create({
      data: { code: 'TR-01', description: 'Transformador 13,8 kV', locationId: area.id, categoryId: category.id, status: 'STANDBY', criticality: 'A', installedOn: new Date('2019-04-12') },
    });
    await prisma.asset.create({ data: { code: 'TR-02', description: 'Transformador auxiliar', locationId: area.id, categoryId: category.id, parentAssetId: transformer.id } });
    const exported = await supervisor.client.request(`/admin/exports/Asset.xlsx?filters.location=${area.id}`);
    const file = Buffer.from(await exported.clone().arrayBuffer());
    const { rows } = await sheetOf(exported);
    expect(rows.slice(1).map((row) => row.slice(0, 6))).toEqual([
      ['TR-01', 'Transformador 13,8 kV', 'SUB-2', 'Transformadores', 'En reserva', 'A (crítico)'],
      ['TR-02', 'Transformador auxiliar', 'SUB-2', 'Transformadores', 'En servicio', 'C'],
    ]);
    const historyBefore = await prisma.changeHistory.count({ where: { tableName: 'assets' } });
    const upload = await supervisor.client.json<{ id: number }>('/admin/imports/assets?mode=ALL_OR_NOTHING&fileName=activos.xlsx', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(file),
    });
    expect(upload.status).toBe(202);
    let status: { finished: boolean; state: string; rowsRead: number; rowsRejected: number } | undefined;
    for (let i = 0; i < 150 && !status?.finished; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await supervisor.client.json<typeof status>(`/admin/imports/runs/${upload.body.id}/status`)).body;
    }
    expect(status).toMatchObject({ state: 'SUCCEEDED', rowsRead: 2, rowsRejected: 0 });
    expect(await prisma.changeHistory.count({ where: { tableName: 'assets' } })).toBe(historyBefore);
  });

  it("users come with their groups in the import's own format, and import back unchanged", async () => {
    const administrator = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Ana Administradora');
    const [supervisors, technicians] = await Promise.all(['SUPERVISORS', 'TECHNICIANS'].map((code) => prisma.group.findUniqueOrThrow({ where: { code } })));
    await prisma.user.create({ data: { email: 'gabriel@planta.test', name: 'Gabriel Dos Grupos', groups: { create: [{ groupId: technicians!.id }, { groupId: supervisors!.id }] } } });
    await prisma.user.create({ data: { email: 'nadia@planta.test', name: 'Nadia Sin Grupo' } });
    const exported = await administrator.client.request('/admin/exports/User.xlsx');
    const file = Buffer.from(await exported.clone().arrayBuffer());
    const { rows } = await sheetOf(exported);
    expect(rows[0]).toEqual(['Correo electrónico', 'Nombre', 'Activo', 'Grupos', 'Idioma']);
    const byEmail = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byEmail.get('gabriel@planta.test')?.[3]).toBe('Supervisores; Técnicos');
    expect(byEmail.get('sara.supervisora@planta.test')?.[3]).toBe('Supervisores');
    expect(byEmail.get('nadia@planta.test')?.[3] ?? null).toBeNull();
    // In English the names are English, and the import reads them too.
    const { rows: english } = await sheetOf(await administrator.client.request('/admin/exports/User.xlsx?lang=en'));
    expect(english[0]![3]).toBe('Groups');
    expect(new Map(english.slice(1).map((row) => [row[0], row[3]])).get('gabriel@planta.test')).toBe('Supervisors; Technicians');

    const historyBefore = await prisma.changeHistory.count({ where: { tableName: { in: ['users', 'user_groups'] } } });
    const membershipsBefore = await prisma.userGroup.findMany({ orderBy: [{ userId: 'asc' }, { groupId: 'asc' }] });
    const upload = await administrator.client.json<{ id: number }>('/admin/imports/users?mode=ALL_OR_NOTHING&fileName=usuarios.xlsx', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(file),
    });
    expect(upload.status).toBe(202);
    let status: { finished: boolean; state: string; rowsRead: number; rowsRejected: number; rowsWritten: number; rowsUnchanged: number } | undefined;
    for (let i = 0; i < 150 && !status?.finished; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await administrator.client.json<typeof status>(`/admin/imports/runs/${upload.body.id}/status`)).body;
    }
    expect(status).toMatchObject({ state: 'SUCCEEDED', rowsRead: rows.length - 1, rowsRejected: 0, rowsWritten: 0, rowsUnchanged: rows.length - 1 });
    expect(await prisma.userGroup.findMany({ orderBy: [{ userId: 'asc' }, { groupId: 'asc' }] })).toEqual(membershipsBefore);
    expect(await prisma.changeHistory.count({ where: { tableName: { in: ['users', 'user_groups'] } } })).toBe(historyBefore);
  });
});

describe('the change history exported', () => {
  it('holds each entry with its before and after, as the history shows them', async () => {
    const asset = await make.anAsset(prisma, { description: 'Motor del molino' });
    await prisma.asset.update({ where: { id: asset.id }, data: { criticality: 'A', description: 'Motor del molino 2' } });
    const { rows } = await sheetOf(await auditor.client.request(`/admin/exports/ChangeHistory.xlsx?filters.tableName=assets&filters.recordId=${asset.id}`));
    expect(rows[0]).toEqual(['Fecha', 'Tabla', 'Registro (n.º)', 'Acción', 'Autor (cuenta o proceso)', 'Solicitud', 'IP', 'Antes', 'Después']);
    const entries = await prisma.changeHistory.findMany({ where: { tableName: 'assets', recordId: asset.id }, orderBy: { id: 'desc' } });
    expect(rows.slice(1).map((row) => [row[0], row[1], row[2], row[3], row[4]])).toEqual(
      entries.map((e) => [e.changedAt, 'assets', asset.id, e.action, e.actorLabel]),
    );
    const [update] = rows.slice(1);
    expect(JSON.parse(String(update![7]))).toEqual({ criticality: 'C', description: 'Motor del molino' });
    expect(JSON.parse(String(update![8]))).toEqual({ criticality: 'A', description: 'Motor del molino 2' });
    expect(rows[2]![7]).toBeUndefined(); // an insert has no "before", the cell is left empty
    // The address of earlier versions answers the same.
    const old = await sheetOf(await auditor.client.request(`/admin/history/export.xlsx?filters.tableName=assets&filters.recordId=${asset.id}`));
    expect(old.rows).toEqual(rows);
    expect((await operator.client.request('/admin/exports/ChangeHistory.xlsx')).status).toBe(403);
  });
});
