// The import pipeline on a corpus of messy workbooks a plant's clerks really send. Each scenario says
// which rows were written and which were reported, with which reason. Real PostgreSQL, real storage.
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetReaderLimits } from '../domain/imports/read-workbook.js';
import { runImport } from '../domain/imports/run-import.js';
import { createLocalDiskStorage } from '../integrations/storage/local-disk.storage.js';
import type { ObjectStorage } from '../integrations/storage/storage.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';
import { aLargeWorkbook, anInflatingWorkbook, aWorkbook, type Cell } from './support/workbooks.js';

let db: TestDatabase;
let prisma: Db;
let storage: ObjectStorage;
let dataDir: string;
let clerkId: number;
const TZ = 'America/Tegucigalpa';

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-imports-'));
  storage = createLocalDiskStorage(dataDir);
  clerkId = (await make.aUser(prisma, 'Sara Supervisora')).id;
  // The plant the sheets talk about.
  const plant = await prisma.location.create({ data: { code: 'PLT', name: 'Planta' } });
  await prisma.location.create({ data: { code: 'PLT-SB', name: 'Sala de bombas', parentId: plant.id } });
  await prisma.assetCategory.create({ data: { code: 'BOM', name: 'Bombas' } });
  await prisma.assetCategory.create({ data: { code: 'MOT', name: 'Motores eléctricos' } });
});
afterAll(async () => {
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

interface Outcome {
  run: Awaited<ReturnType<Db['importRun']['findUniqueOrThrow']>>;
  errors: { row: number; column: string | null; value: string | null; reason: string }[];
}

async function importSheet(
  kind: string, file: Buffer, options: { mode?: 'ALL_OR_NOTHING' | 'VALID_ROWS'; preview?: boolean; maxRows?: number; batchSize?: number; reader?: SheetReaderLimits } = {},
): Promise<Outcome> {
  const fileKey = `imports/test/${randomUUID()}.xlsx`;
  await storage.put(fileKey, file);
  const run = await prisma.importRun.create({ data: { kind, fileName: 'libro.xlsx', fileKey, mode: options.mode ?? 'VALID_ROWS', preview: options.preview ?? false, userId: clerkId } });
  await runImport({ prisma, pool: db.pool, storage, logger: pino({ level: 'silent' }) }, run.id, {
    maxRows: options.maxRows ?? 10_000,
    batchSize: options.batchSize ?? 3,
    timeZone: TZ,
    reader: options.reader,
  });
  const errors = await prisma.importRunError.findMany({ where: { importRunId: run.id }, orderBy: [{ rowNumber: 'asc' }, { id: 'asc' }] });
  return {
    run: await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } }),
    errors: errors.map((e) => ({ row: e.rowNumber, column: e.column, value: e.value, reason: e.reason })),
  };
}

const codes = async (prefix: string) => (await prisma.asset.findMany({ where: { code: { startsWith: prefix } }, orderBy: { code: 'asc' } })).map((a) => a.code);

describe('a messy asset sheet, importing the valid rows', () => {
  let outcome: Outcome;
  beforeAll(async () => {
    const date = (value: Date) => ({ value, numFmt: 'dd/mm/yyyy' });
    const rows: (Cell[] | null)[] = [
      ['Inventario de activos - Planta Norte'], // a title above the headers
      null,
      // Spanish and English names, odd case, accents missing, extra spaces, an unknown column.
      ['  CÓDIGO ', 'descripcion', 'Ubicación', 'Category', 'estado', 'Criticidad', 'Fecha instalacion', 'Observaciones'],
      ['M1-001', 'Bomba de condensado 1', 'PLT-SB', 'Bombas', 'En servicio', 'A', date(new Date(Date.UTC(2021, 2, 15))), 'ok'],
      ['M1-002', { formula: 'UPPER("bomba de condensado 2")', result: 'BOMBA DE CONDENSADO 2' }, 'plt-sb', 'bom', 'STANDBY', 'b', 45_000, ''],
      null, // a blank row in the middle
      ['M1-003', 'Motor del ventilador', 'PLT', 'Motores electricos', 'Out of service', 'C', '01/02/2020', ''],
      ['M1-004', 'Sin ubicación conocida', 'PLT-XX', 'Bombas', '', '', '', ''],
      ['M1-005', 'Categoría inexistente', 'PLT', 'Compresores', '', '', '', ''],
      ['M1-001', 'Repetida en el archivo', 'PLT', 'Bombas', '', '', '', ''],
      ['M1-006', 'Fecha imposible', 'PLT', 'Bombas', '', '', '31/02/2020', ''],
      ['M1-007', 'Estado desconocido', 'PLT', 'Bombas', 'Roto', 'Z', '', ''],
      ['', 'Sin código', 'PLT', 'Bombas', '', '', '', ''],
      ['M1-008', 'x'.repeat(301), 'PLT', 'Bombas', '', '', '', ''],
      ['M1-009', 'Válida al final', 'PLT', 'Bombas', '', '', '', ''],
    ];
    outcome = await importSheet('assets', await aWorkbook(rows));
  });

  it('writes exactly the valid rows, with their values read as the clerk meant them', async () => {
    expect(await codes('M1-')).toEqual(['M1-001', 'M1-002', 'M1-003', 'M1-009']);
    const [first, second, third] = await prisma.asset.findMany({ where: { code: { in: ['M1-001', 'M1-002', 'M1-003'] } }, orderBy: { code: 'asc' }, include: { location: true, category: true } });
    expect(first).toMatchObject({ description: 'Bomba de condensado 1', status: 'IN_SERVICE', criticality: 'A', installedOn: new Date('2021-03-15') });
    expect(first!.location.code).toBe('PLT-SB');
    // A formula gives its value; a code matches whatever its case; a date serial is a date.
    expect(second).toMatchObject({ description: 'BOMBA DE CONDENSADO 2', status: 'STANDBY', criticality: 'B', installedOn: new Date('2023-03-15') });
    expect(second!.category.name).toBe('Bombas');
    // A text date dd/mm/yyyy and a category named without its accent.
    expect(third).toMatchObject({ status: 'OUT_OF_SERVICE', installedOn: new Date('2020-02-01') });
    expect(third!.category.name).toBe('Motores eléctricos');
  });

  it('reports every other row with its Excel row number, column, value and reason', () => {
    expect(outcome.errors).toEqual([
      { row: 8, column: 'Ubicación', value: 'PLT-XX', reason: expect.stringMatching(/^No existe la ubicación "PLT-XX"/) },
      { row: 9, column: 'Category', value: 'Compresores', reason: expect.stringMatching(/^No existe la categoría "Compresores"/) },
      { row: 10, column: 'CÓDIGO', value: 'M1-001', reason: 'Clave duplicada en el archivo: ya aparece en la fila 4. Solo se importa la primera.' },
      { row: 11, column: 'Fecha instalacion', value: '31/02/2020', reason: '"31/02/2020" no es una fecha válida.' },
      { row: 12, column: 'estado', value: 'Roto', reason: expect.stringMatching(/^"Roto" no es un valor permitido \(En servicio, En reserva/) },
      { row: 12, column: 'Criticidad', value: 'Z', reason: expect.stringMatching(/^"Z" no es un valor permitido/) },
      { row: 13, column: 'CÓDIGO', value: null, reason: 'Falta el valor obligatorio.' },
      { row: 14, column: 'descripcion', value: 'x'.repeat(301), reason: 'Texto demasiado largo: 301 caracteres, el máximo es 300.' },
    ]);
  });

  it('keeps the counts on the ImportRun and ends PARTIAL with a downloadable report', async () => {
    expect(outcome.run).toMatchObject({ state: 'PARTIAL', rowsRead: 11, rowsValid: 4, rowsRejected: 7, rowsWritten: 4, rowsTotal: 11 });
    expect(outcome.run.errorReportKey).toBeTruthy();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(await storage.get(outcome.run.errorReportKey!));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Fila', 'Columna', 'Valor', 'Motivo']);
    expect(sheet.rowCount).toBe(9);
    expect(sheet.getRow(2).values).toEqual([undefined, 8, 'Ubicación', 'PLT-XX', expect.stringContaining('No existe la ubicación')]);
  });

  it('records the written rows in the change history as the import of that clerk', async () => {
    const asset = await prisma.asset.findUniqueOrThrow({ where: { code: 'M1-001' } });
    const entries = await prisma.changeHistory.findMany({ where: { tableName: 'assets', recordId: asset.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'INSERT', actorLabel: `import:${outcome.run.id}`, actorUserId: clerkId });
  });
});

describe('importing the same sheet again', () => {
  it('updates changed rows only, counts the others as unchanged, and records nothing for them', async () => {
    const header = ['Código', 'Descripción', 'Ubicación', 'Categoría'];
    await importSheet('assets', await aWorkbook([header, ['R-1', 'Bomba', 'PLT', 'Bombas'], ['R-2', 'Motor', 'PLT', 'Bombas']]));
    const second = await importSheet('assets', await aWorkbook([header, ['R-1', 'Bomba', 'PLT', 'Bombas'], ['R-2', 'Motor renovado', 'PLT', 'Bombas']]));
    // Written means written: the unchanged row is counted as such (it used to count as written).
    expect(second.run).toMatchObject({ state: 'SUCCEEDED', rowsWritten: 1, rowsNew: 0, rowsChanged: 1, rowsUnchanged: 1, rowsRejected: 0 });
    const [r1, r2] = await prisma.asset.findMany({ where: { code: { in: ['R-1', 'R-2'] } }, orderBy: { code: 'asc' } });
    expect(r2!.description).toBe('Motor renovado');
    const history = await prisma.changeHistory.findMany({ where: { tableName: 'assets', recordId: { in: [r1!.id, r2!.id] } }, orderBy: { id: 'asc' } });
    expect(history.map((h) => [h.recordId, h.action])).toEqual([
      [r1!.id, 'INSERT'],
      [r2!.id, 'INSERT'],
      [r2!.id, 'UPDATE'],
    ]);
  });
});

describe('all or nothing', () => {
  it('writes nothing when one row is wrong, and still reports every problem', async () => {
    const outcome = await importSheet(
      'assets',
      await aWorkbook([
        ['Código', 'Descripción', 'Ubicación', 'Categoría'],
        ['AN-1', 'Bomba', 'PLT', 'Bombas'],
        ['AN-2', 'Bomba', 'PLT', 'Bombas'],
        ['AN-3', 'Bomba', 'PLT', 'Bombas'],
        ['AN-4', 'Bomba', 'PLT', 'Bombas'],
        ['AN-5', 'Bomba', 'NO-EXISTE', 'Bombas'],
        ['AN-6', '', 'PLT', 'Bombas'],
      ]),
      { mode: 'ALL_OR_NOTHING', batchSize: 2 },
    );
    expect(await codes('AN-')).toEqual([]);
    expect(outcome.run).toMatchObject({ state: 'FAILED', rowsRead: 6, rowsValid: 4, rowsRejected: 2, rowsWritten: 0 });
    expect(outcome.run.errorMessage).toMatch(/2 filas rechazadas: con "todo o nada" no se escribió ninguna fila/);
    expect(outcome.errors.map((e) => [e.row, e.column])).toEqual([[6, 'Ubicación'], [7, 'Descripción']]);
    expect(await prisma.changeHistory.count({ where: { actorLabel: `import:${outcome.run.id}`, tableName: 'assets' } })).toBe(0);
  });

  it('writes everything when every row is valid', async () => {
    const outcome = await importSheet(
      'assets',
      await aWorkbook([['Código', 'Descripción', 'Ubicación', 'Categoría'], ['AO-1', 'Bomba', 'PLT', 'Bombas'], ['AO-2', 'Bomba', 'PLT', 'Bombas'], ['AO-3', 'Bomba', 'PLT', 'Bombas']]),
      { mode: 'ALL_OR_NOTHING', batchSize: 2 },
    );
    expect(outcome.run).toMatchObject({ state: 'SUCCEEDED', rowsRead: 3, rowsWritten: 3, errorReportKey: null });
    expect(await codes('AO-')).toEqual(['AO-1', 'AO-2', 'AO-3']);
  });
});

describe('files refused whole, nothing written', () => {
  const header = ['Código', 'Descripción', 'Ubicación', 'Categoría'];
  const refused = async (file: Buffer, options: { mode?: 'ALL_OR_NOTHING' | 'VALID_ROWS'; preview?: boolean; maxRows?: number; reader?: SheetReaderLimits } = {}) => {
    const before = await prisma.asset.count();
    const outcome = await importSheet('assets', file, { mode: 'VALID_ROWS', ...options });
    expect(outcome.run.state).toBe('FAILED');
    expect(outcome.errors).toEqual([]);
    expect(await prisma.asset.count()).toBe(before);
    return outcome.run.errorMessage;
  };

  it('a CSV saved with an .xlsx name', async () => {
    expect(await refused(Buffer.from('Código;Descripción\nX-1;Bomba\n'))).toBe('El archivo no es un libro de Excel .xlsx (guárdelo como "Libro de Excel (.xlsx)").');
  });

  it('a corrupt zip (a download cut short)', async () => {
    const good = await aWorkbook([header, ['C-1', 'Bomba', 'PLT', 'Bombas']]);
    expect(await refused(good.subarray(0, Math.floor(good.length * 0.7)))).toMatch(/^El archivo \.xlsx está dañado/);
  });

  it('a zip that is not a workbook', async () => {
    const workbook = await aWorkbook([header]);
    // Rename the workbook part inside the zip: still a zip, no longer a workbook.
    const broken = Buffer.from(workbook.toString('latin1').replaceAll('xl/workbook.xml', 'xl/notebook.xml'), 'latin1');
    expect(await refused(broken)).toMatch(/no es un libro de Excel|dañado/);
  });

  it('a bomb: text that inflates past the reader memory ends the reader only, and the next file is read', async () => {
    // The reader process's heap capped low for the test: 48 MB of text in 2 000 cells (each within
    // Excel's 32 767 characters) cannot fit in 32.
    const reader = { memoryMb: 32, stallMs: 60_000 };
    expect(await refused(await anInflatingWorkbook(header, 48, 2_000), { reader })).toBe(
      'El archivo .xlsx necesita más de 32 MB de memoria para leerse: está dañado o tiene demasiado texto. Ábralo en Excel, guárdelo de nuevo o divídalo en varios archivos.',
    );
    const next = await importSheet('assets', await aWorkbook([header, ['BOMB-1', 'Bomba tras la bomba', 'PLT', 'Bombas']]), { reader });
    expect([next.run.state, next.errors]).toEqual(['SUCCEEDED', []]);
    expect(await codes('BOMB-')).toEqual(['BOMB-1']);
  });

  it('a cell longer than Excel allows (24 MB of text in one cell) is refused with that reason', async () => {
    expect(await refused(await anInflatingWorkbook(header, 24))).toBe(
      'El archivo .xlsx está dañado y no se pudo leer completo (una celda tiene 25165824 caracteres; Excel admite 32767).',
    );
  });

  it('an empty sheet', async () => {
    expect(await refused(await aWorkbook([]))).toBe('La hoja está vacía: no tiene encabezados ni filas de datos.');
  });

  it('headers without data', async () => {
    expect(await refused(await aWorkbook([header]))).toBe('La hoja no tiene filas de datos debajo de los encabezados.');
  });

  it('missing required columns', async () => {
    expect(await refused(await aWorkbook([['Código', 'Descripción', 'Fabricante'], ['X-1', 'Bomba', 'KSB']]))).toBe(
      'Faltan columnas obligatorias en la fila 1: "Ubicación", "Categoría". Renombre la columna en el archivo o asígnela en "Validar sin importar".',
    );
  });

  it('more rows than allowed, in every mode, though its rows are counted while the first batches are written', async () => {
    const file = path.join(dataDir, 'grande.xlsx');
    // Rows that would all be written, some with a problem that would be logged: neither may be.
    await aLargeWorkbook(file, header, 3_000, (i) => [`G-${i}`, 'Bomba', i % 500 ? 'PLT' : 'NO-EXISTE', 'Bombas']);
    const { readFile } = await import('node:fs/promises');
    const workbook = await readFile(file);
    for (const options of [{ mode: 'VALID_ROWS' }, { mode: 'ALL_OR_NOTHING' }, { preview: true }] as const)
      expect(await refused(workbook, { maxRows: 2_999, ...options }), JSON.stringify(options)).toBe(
        'El archivo tiene 3000 filas; el máximo por importación es 2999. Divídalo en varios archivos.',
      );
  });
});

describe('rows counted as Excel keeps them', () => {
  it('blank rows that keep a format count toward the limit in a preview as in the import', async () => {
    const header = ['Código', 'Descripción', 'Ubicación', 'Categoría'];
    const formattedBlank: Cell[] = [{ value: null, numFmt: '0.00' }];
    const rows = [header, ...Array.from({ length: 10 }, (_, i) => [`FB-${i}`, 'Bomba', 'PLT', 'Bombas']), ...Array.from({ length: 30 }, () => formattedBlank)];
    const workbook = await aWorkbook(rows);
    for (const options of [{ mode: 'VALID_ROWS' }, { preview: true }] as const) {
      const outcome = await importSheet('assets', workbook, { maxRows: 25, ...options });
      expect(outcome.run.state, JSON.stringify(options)).toBe('FAILED');
      expect(outcome.run.errorMessage).toBe('El archivo tiene 40 filas; el máximo por importación es 25. Divídalo en varios archivos.');
      expect(outcome.errors).toEqual([]);
    }
    expect(await prisma.asset.count({ where: { code: { startsWith: 'FB-' } } })).toBe(0);
  });
});

describe('locations: a tree in one sheet', () => {
  it('a parent named by an earlier row is written first; a parent only further down is reported', async () => {
    const outcome = await importSheet(
      'locations',
      await aWorkbook([
        ['Code', 'Name', 'Parent code'],
        ['T-1', 'Subestación', 'PLT'],
        ['T-1-A', 'Celda A', 'T-1'], // same batch as its parent: the batch is closed before it
        ['T-1-A-1', 'Interruptor', 'T-1-A'],
        ['T-2-A', 'Celda huérfana', 'T-2'], // T-2 comes later
        ['T-2', 'Patio', 'PLT'],
      ]),
      { batchSize: 10 },
    );
    expect(outcome.errors).toEqual([{ row: 5, column: 'Parent code', value: 'T-2', reason: expect.stringMatching(/^No existe la ubicación padre "T-2"/) }]);
    const written = await prisma.location.findMany({ where: { code: { startsWith: 'T-' } }, orderBy: { code: 'asc' } });
    expect(written.map((l) => [l.code, l.fullName])).toEqual([
      ['T-1', 'Planta > Subestación'],
      ['T-1-A', 'Planta > Subestación > Celda A'],
      ['T-1-A-1', 'Planta > Subestación > Celda A > Interruptor'],
      ['T-2', 'Planta > Patio'],
    ]);
  });

  it('a cycle the database refuses rejects only the guilty row', async () => {
    const outcome = await importSheet(
      'locations',
      await aWorkbook([['Código', 'Nombre', 'Ubicación padre'], ['CY-1', 'Uno', 'PLT'], ['CY-2', 'Dos', 'CY-1'], ['PLT', 'Planta', 'CY-2']]),
      { batchSize: 10 },
    );
    expect(outcome.errors.map((e) => [e.row, e.reason])).toEqual([[4, expect.stringMatching(/ciclo/)]]);
    expect(outcome.run).toMatchObject({ state: 'PARTIAL', rowsWritten: 2, rowsRejected: 1 });
    expect((await prisma.location.findUniqueOrThrow({ where: { code: 'PLT' } })).parentId).toBeNull();
  });
});

describe('measurement points, schedules and readings', () => {
  beforeAll(async () => {
    const header = ['Código', 'Descripción', 'Ubicación', 'Categoría'];
    await importSheet('assets', await aWorkbook([header, ['MP-ASSET', 'Compresor', 'PLT', 'Bombas']]));
  });

  it('limits with decimal commas, and a minimum above the maximum reported', async () => {
    const outcome = await importSheet(
      'measurement-points',
      await aWorkbook([
        ['Código', 'Activo', 'Variable', 'Unidad', 'Mínimo', 'Máximo', 'Es contador'],
        ['PM-1', 'MP-ASSET', 'Temperatura', '°C', '10,5', '1.250,75', 'No'],
        ['PM-2', 'MP-ASSET', 'Horas', 'h', '', '', 'Sí'],
        ['PM-3', 'MP-ASSET', 'Presión', 'bar', '9', '2', ''],
        ['PM-4', 'MP-ASSET', 'Vibración', 'mm/s', 'diez', '', ''],
      ]),
    );
    expect(outcome.errors).toEqual([
      { row: 4, column: 'Máximo', value: '2', reason: 'El máximo (2) es menor que el mínimo (9).' },
      { row: 5, column: 'Mínimo', value: 'diez', reason: '"diez" no es un número (use por ejemplo 1234,5).' },
    ]);
    const points = await prisma.measurementPoint.findMany({ where: { code: { in: ['PM-1', 'PM-2'] } }, orderBy: { code: 'asc' } });
    expect(points.map((p) => [p.code, p.minValue?.toString() ?? null, p.maxValue?.toString() ?? null, p.isMeter])).toEqual([
      ['PM-1', '10.5', '1250.75', false],
      ['PM-2', null, null, true],
    ]);
  });

  it('readings upserted by point and time, read in the plant time zone', async () => {
    const sheet = await aWorkbook([
      ['Punto de medición', 'Fecha y hora', 'Valor'],
      ['PM-1', '21/11/2026 08:30', '61,5'],
      ['PM-1', { value: new Date(Date.UTC(2026, 10, 21, 9, 0)), numFmt: 'dd/mm/yyyy hh:mm' }, 62],
      ['PM-1', '21/11/2026 08:30', 70], // same point and time: a duplicate inside the file
      ['PM-9', '21/11/2026 08:30', 1],
    ]);
    const outcome = await importSheet('readings', sheet);
    expect(outcome.errors.map((e) => [e.row, e.reason.slice(0, 30)])).toEqual([
      [4, 'Clave duplicada en el archivo:'],
      [5, 'No existe el punto de medición'],
    ]);
    const readings = await prisma.reading.findMany({ where: { measurementPoint: { code: 'PM-1' } }, orderBy: { takenAt: 'asc' } });
    // 08:30 in Tegucigalpa (UTC-6) is 14:30 UTC.
    expect(readings.map((r) => [r.takenAt.toISOString(), r.value.toString(), r.source])).toEqual([
      ['2026-11-21T14:30:00.000Z', '61.5', 'IMPORT'],
      ['2026-11-21T15:00:00.000Z', '62', 'IMPORT'],
    ]);
    // The same log again, one value corrected: still two readings.
    await importSheet('readings', await aWorkbook([['Punto', 'Fecha', 'Valor'], ['PM-1', '21/11/2026 08:30', '61,7']]));
    const again = await prisma.reading.findMany({ where: { measurementPoint: { code: 'PM-1' } }, orderBy: { takenAt: 'asc' } });
    expect(again.map((r) => r.value.toString())).toEqual(['61.7', '62']);
  });

  it('schedules by routine and asset, with an unknown calendar reported and dates checked', async () => {
    const routine = await make.aRoutine(prisma);
    await prisma.workCalendar.create({ data: { code: 'L-V', name: 'Lunes a viernes' } });
    const outcome = await importSheet(
      'maintenance-schedules',
      await aWorkbook([
        ['Rutina', 'Activo', 'Horario', 'Desde', 'Hasta', 'Activa'],
        [routine.code, 'MP-ASSET', 'L-V', '01/01/2027', '31/12/2027', 'Sí'],
        [routine.code, 'MP-ASSET', '', '01/01/2027', '', ''],
        ['RUT-NADA', 'MP-ASSET', 'X-X', '01/01/2027', '', ''],
        [routine.code, 'MP-ASSET', '', '01/06/2027', '01/01/2027', ''],
      ]),
    );
    expect(outcome.errors.map((e) => [e.row, e.column, e.reason.slice(0, 24)])).toEqual([
      [3, 'Rutina + Activo', 'Clave duplicada en el ar'],
      [4, 'Rutina', 'No existe la rutina "RUT'],
      [4, 'Horario', 'No existe el horario "X-'],
      [5, 'Hasta', 'La fecha de fin (2027-01'],
      // One pass: a row with a bad date is still a second row for the same routine and asset.
      [5, 'Rutina + Activo', 'Clave duplicada en el ar'],
    ]);
    const schedules = await prisma.maintenanceSchedule.findMany({ where: { routineId: routine.id }, include: { calendar: true } });
    expect(schedules.map((s) => [s.calendar?.code, s.startsOn.toISOString().slice(0, 10), s.endsOn?.toISOString().slice(0, 10), s.isActive])).toEqual([
      ['L-V', '2027-01-01', '2027-12-31', true],
    ]);
  });
});

describe('a retried import', () => {
  it('resumes after the last committed batch: no row lost, none written or counted twice', async () => {
    const rows = [['Código', 'Descripción', 'Ubicación', 'Categoría'], ...Array.from({ length: 7 }, (_, i) => [`RS-${i + 1}`, `Bomba ${i + 1}`, 'PLT', i === 1 ? 'NADA' : 'Bombas'])];
    const file = await aWorkbook(rows);
    const fileKey = `imports/test/${randomUUID()}.xlsx`;
    await storage.put(fileKey, file);
    // A first attempt committed rows 2-4 (one rejected) and then its worker died.
    const run = await prisma.importRun.create({ data: { kind: 'assets', fileName: 'x.xlsx', fileKey, mode: 'VALID_ROWS', userId: clerkId, state: 'RUNNING', attempts: 1 } });
    await runImport({ prisma, pool: db.pool, storage, logger: pino({ level: 'silent' }) }, run.id, { maxRows: 100, batchSize: 3, timeZone: TZ });
    const firstPass = await prisma.asset.findMany({ where: { code: { startsWith: 'RS-' } } });
    await prisma.asset.deleteMany({ where: { code: { in: ['RS-4', 'RS-5', 'RS-6', 'RS-7'] } } });
    await prisma.importRunError.deleteMany({ where: { importRunId: run.id, rowNumber: { gt: 4 } } });
    await prisma.importRun.update({
      where: { id: run.id },
      data: { state: 'RUNNING', checkpointRow: 4, rowsRead: 3, rowsValid: 2, rowsRejected: 1, rowsWritten: 2, finishedAt: null, errorReportKey: null },
    });
    await runImport({ prisma, pool: db.pool, storage, logger: pino({ level: 'silent' }) }, run.id, { maxRows: 100, batchSize: 3, timeZone: TZ });
    expect(firstPass).toHaveLength(6);
    expect(await codes('RS-')).toEqual(['RS-1', 'RS-3', 'RS-4', 'RS-5', 'RS-6', 'RS-7']);
    const after = await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after).toMatchObject({ state: 'PARTIAL', rowsRead: 7, rowsValid: 6, rowsRejected: 1, rowsWritten: 6, attempts: 3, resumedFromRow: 4 });
    expect((await prisma.importRunError.findMany({ where: { importRunId: run.id } })).map((e) => e.rowNumber)).toEqual([3]);
  });
});
