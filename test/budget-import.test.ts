// Budgets from Excel through the import pipeline: one row per budget line, the budget named by its code
// (created by its first row, updated by later ones), the twelve months beside it; a row that cannot be
// written says why against its column and the others are imported; importing again changes only what
// changed, and "Validar sin importar" counts the same without writing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { useImportTestPlant } from './support/imports.js';

const plant = useImportTestPlant('Irene Importadora');
const { importSheet } = plant;
let prisma: Db;
beforeAll(() => void ({ prisma } = plant));

const HEADER = ['Código del presupuesto', 'Nombre del presupuesto', 'Año', 'Centro de costo (ubicación)', 'Centro de costo (departamento)', 'Cuenta', 'Descripción', 'Enero', 'Febrero', 'Marzo'];
const monthsOf = async (code: string, account: string) =>
  (await prisma.budgetLineMonth.findMany({ where: { budgetLine: { account, budget: { code } } }, orderBy: { month: 'asc' } })).map((m) => [m.month, Number(m.originalAmount), Number(m.currentAmount)]);

describe('budgets from Excel', () => {
  it('creates each budget by its code with its lines and months, and refuses a bad row against its column', async () => {
    await prisma.location.createMany({ data: [{ code: 'IMP-N', name: 'Planta Norte' }, { code: 'IMP-S', name: 'Planta Sur' }] });
    const outcome = await importSheet('budget-lines', [
      HEADER,
      ['PN-2026', 'Planta Norte 2026', 2026, 'IMP-N', '', 'Materiales', 'Repuestos mecánicos', 1000, 1000, '1.250,50'],
      ['PN-2026', 'Planta Norte 2026', 2026, 'IMP-N', '', 'Mano de obra', '', 800, 800, 800],
      ['MANT-2026', 'Mantenimiento 2026', 2026, '', 'Mantenimiento', 'Servicios', 'Contratistas', 500, '', ''],
      ['PS-2026', 'Planta Sur 2026', 2026, 'IMP-S', 'Compras', 'Materiales', '', 100, '', ''],
      ['PX-2026', 'Planta X 2026', 2026, 'IMP-X', '', 'Materiales', '', 100, '', ''],
      ['PS-2026', 'Planta Sur 2026', 2026, 'IMP-S', '', 'Viajes', '', 100, '', ''],
      ['PN-2026', 'Planta Norte 2026', 2026, 'IMP-N', '', 'Servicios', '', -5, '', ''],
    ]);
    expect(outcome.run.state).toBe('PARTIAL');
    expect(outcome.errors).toHaveLength(4);
    expect(outcome.errors[0]).toBe('5 Centro de costo (departamento): Indique el centro de costo: una ubicación o un departamento (uno de los dos, no ambos).');
    expect(outcome.errors[1]).toMatch(/^6 Centro de costo \(ubicación\): /);
    expect(outcome.errors[2]).toMatch(/^7 Cuenta: /);
    expect(outcome.errors[3]).toBe('8 Enero: Un importe del presupuesto no puede ser negativo.');
    expect([outcome.run.rowsNew, outcome.run.rowsRejected]).toEqual([3, 4]);

    const north = await prisma.budget.findUniqueOrThrow({ where: { code: 'PN-2026' }, include: { location: true, lines: { orderBy: { account: 'asc' } } } });
    expect([north.name, north.year, north.location?.code, north.lines.map((l) => [l.account, l.description])]).toEqual([
      'Planta Norte 2026', 2026, 'IMP-N', [['LABOUR', null], ['MATERIALS', 'Repuestos mecánicos']],
    ]);
    expect(await monthsOf('PN-2026', 'MATERIALS')).toEqual([[1, 1000, 1000], [2, 1000, 1000], [3, 1250.5, 1250.5]]);
    expect(await prisma.budget.findUniqueOrThrow({ where: { code: 'MANT-2026' } })).toMatchObject({ department: 'Mantenimiento', locationId: null });
    expect(await monthsOf('MANT-2026', 'SERVICES')).toEqual([[1, 500, 500]]);
    // The summary the budget page reads has the imported amounts.
    expect(Number((await prisma.budgetSummary.aggregate({ where: { budgetLine: { budget: { code: 'PN-2026' } } }, _sum: { currentAmount: true } }))._sum.currentAmount)).toBe(3250.5 + 2400);
  });

  it('imported again: a revised month changes only its current amount (the original stays), the rest is unchanged', async () => {
    const rows = [
      HEADER,
      ['PN-2026', 'Planta Norte 2026', 2026, 'IMP-N', '', 'Materiales', 'Repuestos mecánicos', 1000, 1200, '1.250,50'],
      ['PN-2026', 'Planta Norte 2026', 2026, 'IMP-N', '', 'Mano de obra', '', 800, 800, 800],
    ];
    const preview = await importSheet('budget-lines', rows, { preview: true });
    expect([preview.run.rowsNew, preview.run.rowsChanged, preview.run.rowsUnchanged, preview.run.rowsWritten]).toEqual([0, 1, 1, 0]);
    expect(await monthsOf('PN-2026', 'MATERIALS')).toEqual([[1, 1000, 1000], [2, 1000, 1000], [3, 1250.5, 1250.5]]);
    const again = await importSheet('budget-lines', rows);
    expect([again.run.state, again.run.rowsChanged, again.run.rowsUnchanged, again.errors]).toEqual(['SUCCEEDED', 1, 1, []]);
    expect(await monthsOf('PN-2026', 'MATERIALS')).toEqual([[1, 1000, 1000], [2, 1000, 1200], [3, 1250.5, 1250.5]]);
    // The revision is in the change history, by the importer.
    const revised = await prisma.changeHistory.findFirst({ where: { tableName: 'budget_line_months', action: 'UPDATE' }, orderBy: { id: 'desc' } });
    expect(revised?.actorUserId).toBe(plant.clerkId);
  });

  it('a budget never changes year, and a second budget for the same year and cost centre is refused; the other rows go in', async () => {
    const outcome = await importSheet('budget-lines', [
      HEADER,
      ['PN-2026', 'Planta Norte 2026', 2027, 'IMP-N', '', 'Capital', '', 100, '', ''],
      ['PN-2026-B', 'Planta Norte bis', 2026, 'IMP-N', '', 'Capital', '', 100, '', ''],
      ['PN-2027', 'Planta Norte 2027', 2027, 'IMP-N', '', 'Capital', '', 100, '', ''],
    ]);
    expect(outcome.errors).toEqual([
      '2 Año: El presupuesto PN-2026 es del año 2026: un presupuesto no cambia de año. Use otro código para 2027.',
      '3 Centro de costo (ubicación): Ya hay un presupuesto de 2026 para ese centro de costo (PN-2026): impórtelo con ese código o elija otro centro de costo.',
    ]);
    expect(await prisma.budget.count({ where: { code: { in: ['PN-2026-B'] } } })).toBe(0);
    expect((await prisma.budget.findUniqueOrThrow({ where: { code: 'PN-2026' } })).year).toBe(2026);
    expect(await monthsOf('PN-2027', 'CAPITAL')).toEqual([[1, 100, 100]]);
  });
});
