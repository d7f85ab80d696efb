// A first migration, catalogue by catalogue, on an empty plant: users, technicians, locations,
// categories, maintenance types, frequencies, procedures and their steps, routines, calendars and their
// holidays, failure codes; then the assets and schedules that name them are accepted. And "crear los
// que falten" for a simple catalogue, off by default. Real PostgreSQL, workbooks made here.
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_DEFINITIONS, importDependencies } from '../domain/imports/definitions/index.js';
import type { Db } from '../prisma/client.js';
import type { TestDatabase } from './support/database.js';
import { useImportTestPlant } from './support/imports.js';
import type { Cell } from './support/workbooks.js';

const plant = useImportTestPlant('Ana Administradora');
const { importSheet } = plant;
let db: TestDatabase;
let prisma: Db;
let clerkId: number;
beforeAll(() => void ({ db, prisma, clerkId } = plant));

describe('the import kinds', () => {
  it('come in an order where every kind follows the kinds it names', () => {
    IMPORT_DEFINITIONS.forEach((definition, position) => {
      for (const dependency of importDependencies(definition)) expect(IMPORT_DEFINITIONS.indexOf(dependency), `${definition.kind} after ${dependency.kind}`).toBeLessThan(position);
    });
  });
});

describe('a first migration, catalogue by catalogue', () => {
  const outcomes: Record<string, Awaited<ReturnType<typeof importSheet>>> = {};
  beforeAll(async () => {
    const sheets: [string, (Cell[] | null)[]][] = [
      ['users', [['Correo', 'Nombre', 'Idioma'], ['Tomas.Tecnico@Planta.hn', 'Tomás Técnico', 'ESPAÑOL'], ['ines.ingeniera@planta.hn', 'Inés Ingeniera', 'English']]],
      ['technicians', [['Correo', 'Oficio', 'Costo por hora'], ['tomas.tecnico@planta.hn', 'Mecánico', '180,50']]],
      ['locations', [['Código', 'Nombre', 'Ubicación padre'], ['PLT', 'Planta', ''], ['PLT-SB', 'Sala de bombas', 'PLT']]],
      ['asset-categories', [['Código', 'Nombre'], ['BOM', 'Bombas'], ['MOT', 'Motores']]],
      ['maintenance-types', [['Código', 'Nombre', 'Tipo padre'], ['MEC', 'Mecánico', ''], ['MEC-LUB', 'Lubricación', 'MEC']]],
      ['frequencies', [['Código', 'Nombre', 'Cada', 'Unidad', 'Cada (contador)'], ['M1', 'Mensual', 1, 'MESES', ''], ['H500', 'Cada 500 h', '', '', 500], ['MAL', 'Sin unidad', 3, '', '']]],
      ['procedures', [['Código', 'Nombre'], ['PR-LUB', 'Lubricación de cojinetes']]],
      ['procedure-steps', [['Procedimiento', 'Paso', 'Instrucción', 'Tipo de valor', 'Unidad', 'Mínimo', 'Máximo'], ['PR-LUB', 1, 'Medir temperatura', 'NUMERICO', '°C', 10, 80], ['PR-LUB', 2, 'Engrasar', 'SI_NO', '', '', '']]],
      ['routines', [['Código', 'Nombre', 'Tipo', 'Frecuencia', 'Procedimiento', 'Horas estimadas'], ['RUT-LUB-M', 'Lubricación mensual', 'MEC-LUB', 'M1', 'PR-LUB', '1,5']]],
      ['work-calendars', [['Código', 'Nombre', 'Días', 'Inicio', 'Fin'], ['L-V', 'Lunes a viernes', 'L-V', '7:00', '16:00'], ['L-S', 'Lunes a sábado', 'lunes a sábado', '06:30', '15:00']]],
      ['calendar-holidays', [['Horario', 'Fecha', 'Nombre'], ['L-V', '15/09/2027', 'Independencia'], ['L-V', '25/12/2027', 'Navidad']]],
      ['failure-codes', [['Código', 'Nombre', 'Clase', 'Depende de'], ['P-VIB', 'Vibración', 'PROBLEMA', ''], ['C-DES', 'Desalineación', 'CAUSA', 'P-VIB'], ['R-ALI', 'Alinear', 'SOLUCION', 'C-DES'], ['C-SOLA', 'Causa huérfana', 'CAUSA', '']]],
    ];
    for (const [kind, rows] of sheets) outcomes[kind] = await importSheet(kind, rows);
  });

  it('writes every catalogue, reading the old codes and the plant habits', async () => {
    expect((await prisma.user.findMany({ where: { email: { endsWith: '@planta.hn' } }, orderBy: { email: 'asc' } })).map((u) => [u.email, u.locale, u.isActive])).toEqual([
      ['ines.ingeniera@planta.hn', 'en', true],
      ['tomas.tecnico@planta.hn', 'es', true],
    ]);
    expect((await prisma.technician.findFirstOrThrow({ include: { user: true } }))).toMatchObject({ name: 'Tomás Técnico', craft: 'Mecánico', user: { email: 'tomas.tecnico@planta.hn' } });
    expect((await prisma.frequency.findMany({ orderBy: { code: 'asc' } })).map((f) => [f.code, f.calendarInterval, f.calendarUnit, f.meterInterval?.toString() ?? null])).toEqual([
      ['H500', null, null, '500'],
      ['M1', 1, 'MONTH', null],
    ]);
    expect((await prisma.procedureStep.findMany({ orderBy: { position: 'asc' } })).map((s) => [s.position, s.valueType])).toEqual([[1, 'NUMBER'], [2, 'BOOLEAN']]);
    expect((await prisma.workCalendar.findMany({ orderBy: { code: 'asc' } })).map((c) => [c.code, c.workingDays, c.dayStart, c.dayEnd])).toEqual([
      ['L-S', [1, 2, 3, 4, 5, 6], '06:30', '15:00'],
      ['L-V', [1, 2, 3, 4, 5], '07:00', '16:00'],
    ]);
    expect(await prisma.calendarHoliday.count()).toBe(2);
    expect((await prisma.maintenanceType.findUniqueOrThrow({ where: { code: 'MEC-LUB' }, include: { parent: true } })).parent?.code).toBe('MEC');
    expect((await prisma.routine.findUniqueOrThrow({ where: { code: 'RUT-LUB-M' } })).estimatedHours?.toString()).toBe('1.5');
    expect((await prisma.failureCode.findMany({ orderBy: { id: 'asc' } })).map((f) => [f.code, f.kind])).toEqual([['P-VIB', 'PROBLEM'], ['C-DES', 'CAUSE'], ['R-ALI', 'REMEDY']]);
  });

  it('imported users have no password: they cannot sign in until an administrator sets one', async () => {
    const rows = await db.pool.query<{ password_hash: string | null }>(`SELECT password_hash FROM users WHERE email LIKE '%@planta.hn'`);
    expect(rows.rows.map((r) => r.password_hash)).toEqual([null, null]);
  });

  it('reports what breaks a catalogue rule, in the clerk\'s words', () => {
    expect(outcomes.frequencies!.errors).toEqual([expect.stringMatching(/^4 Unidad: Falta la unidad/)]);
    expect(outcomes['failure-codes']!.errors).toEqual([expect.stringMatching(/^5 Depende de: Una causa depende de un problema/)]);
    for (const kind of ['users', 'technicians', 'locations', 'asset-categories', 'maintenance-types', 'procedures', 'procedure-steps', 'routines', 'work-calendars', 'calendar-holidays'])
      expect(outcomes[kind]!.errors, kind).toEqual([]);
  });

  it('then the asset and schedule imports accept the plant the catalogues made', async () => {
    const assets = await importSheet('assets', [['Código', 'Descripción', 'Ubicación', 'Categoría', 'Estado'], ['B-1', 'Bomba 1', 'PLT-SB', 'Bombas', 'ACTIVO'], ['M-1', 'Motor 1', 'PLT', 'MOT', 'INACTIVO']]);
    expect(assets.errors).toEqual([]);
    expect(assets.run).toMatchObject({ state: 'SUCCEEDED', rowsNew: 2 });
    const schedules = await importSheet('maintenance-schedules', [['Rutina', 'Activo', 'Horario', 'Desde'], ['RUT-LUB-M', 'B-1', 'L-V', '01/01/2027']]);
    expect(schedules.errors).toEqual([]);
    expect(await prisma.maintenanceSchedule.count()).toBe(1);
  });

  it('the same catalogues again change nothing', async () => {
    const again = await importSheet('asset-categories', [['Código', 'Nombre'], ['BOM', 'Bombas'], ['MOT', 'Motores']]);
    expect(again.run).toMatchObject({ rowsWritten: 0, rowsUnchanged: 2 });
  });
});

describe('"crear los que falten"', () => {
  const sheet = [['Código', 'Descripción', 'Ubicación', 'Categoría'], ['CF-1', 'Compresor 1', 'PLT', 'Compresores de aire'], ['CF-2', 'Compresor 2', 'PLT', 'compresores de aire'], ['CF-3', 'Válvula', 'PLT', 'Válvulas']];

  it('off (the default): an unknown category rejects its rows and creates nothing', async () => {
    const outcome = await importSheet('assets', sheet);
    expect(outcome.errors).toHaveLength(3);
    expect(outcome.summary.unknownValues).toEqual([
      { field: 'category', header: 'Categoría', type: 'reference', values: [{ value: 'Compresores de aire', count: 2 }, { value: 'Válvulas', count: 1 }], more: false },
    ]);
    expect(await prisma.assetCategory.count({ where: { name: { in: ['Compresores de aire', 'Válvulas'] } } })).toBe(0);
  });

  it('on, in a preview: says what it would create and creates nothing', async () => {
    const preview = await importSheet('assets', sheet, { preview: true, createMissing: true });
    expect(preview.run).toMatchObject({ rowsNew: 3, rowsRejected: 0 });
    expect(preview.summary.created).toEqual([{ field: 'category', values: ['Compresores de aire', 'Válvulas'] }]);
    expect(await prisma.assetCategory.count({ where: { name: { in: ['Compresores de aire', 'Válvulas'] } } })).toBe(0);
  });

  it('on: creates each missing category once, by its name, lists it in the run, and the assets are written', async () => {
    const outcome = await importSheet('assets', sheet, { createMissing: true });
    expect(outcome.errors).toEqual([]);
    expect(outcome.summary.created).toEqual([{ field: 'category', values: ['Compresores de aire', 'Válvulas'] }]);
    const categories = await prisma.assetCategory.findMany({ where: { name: { in: ['Compresores de aire', 'Válvulas'] } }, orderBy: { name: 'asc' } });
    expect(categories.map((c) => [c.code, c.name])).toEqual([['COMPRESORES-DE-AIRE', 'Compresores de aire'], ['VALVULAS', 'Válvulas']]);
    expect((await prisma.asset.findMany({ where: { code: { startsWith: 'CF-' } }, include: { category: true }, orderBy: { code: 'asc' } })).map((a) => a.category.name)).toEqual([
      'Compresores de aire', 'Compresores de aire', 'Válvulas',
    ]);
    // Created by the import, in the history, as the clerk.
    expect(await prisma.changeHistory.count({ where: { tableName: 'asset_categories', actorLabel: `import:${outcome.run.id}`, actorUserId: clerkId } })).toBe(2);
  });

  it('is not offered where the reference is not a simple catalogue: an unknown location stays an error', async () => {
    const outcome = await importSheet('assets', [['Código', 'Descripción', 'Ubicación', 'Categoría'], ['CF-9', 'Bomba', 'NO-EXISTE', 'Bombas']], { createMissing: true });
    expect(outcome.errors).toEqual([expect.stringMatching(/^2 Ubicación: No existe la ubicación "NO-EXISTE"/)]);
    expect(await prisma.location.count({ where: { code: 'NO-EXISTE' } })).toBe(0);
  });
});
