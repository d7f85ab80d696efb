// A budget's page figures over HTTP: each line's months and year, budget − committed − actual = available,
// the share used, and a line spent beyond its budget marked; only for those whose rules show the budget.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetMonthEntries } from '../domain/budgets/budget-month-entries.js';
import type { BudgetFigures } from '../domain/budgets/budget-figures.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let operator: Person;
let consultant: Person;
const YEAR = new Date().getUTCFullYear();

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Presupuestos');
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Oscar Operador');
  consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
});
afterAll(() => office?.close());

describe('the budget page', () => {
  it('shows each line month by month with what is committed, spent, available and used', async () => {
    const location = await make.aLocation(prisma, { name: 'Planta Este', code: 'PAG-E' });
    const budget = await prisma.budget.create({
      data: { code: 'PAG-2026', name: 'Planta Este', year: YEAR, locationId: location.id, lines: { create: [{ account: 'MATERIALS' }, { account: 'LABOUR', description: 'Cuadrilla de turno' }] } },
      include: { lines: true },
    });
    const materials = budget.lines.find((l) => l.account === 'MATERIALS')!.id;
    const labour = budget.lines.find((l) => l.account === 'LABOUR')!.id;
    await prisma.budgetLineMonth.createMany({
      data: [
        { budgetLineId: materials, month: 3, originalAmount: 1000, currentAmount: 1000 },
        { budgetLineId: labour, month: 3, originalAmount: 200, currentAmount: 200 },
      ],
    });
    await prisma.budgetActual.createMany({
      data: [
        { budgetLineId: materials, month: 3, amount: 250, source: 'OTHER', sourceId: 9001 },
        { budgetLineId: labour, month: 3, amount: 260, source: 'OTHER', sourceId: 9002 },
      ],
    });
    const answer = await supervisor.client.json<BudgetFigures>(`/admin/budgets/${budget.id}/figures`);
    expect(answer.status).toBe(200);
    const line = (account: string) => answer.body.lines.find((l) => l.account === account)!;
    // March of materials: 1 000 − 0 − 250 = 750 available, 25 % used.
    expect(line('MATERIALS').months[2]).toMatchObject({ current: 1000, committed: 0, actual: 250, available: 750, usedPercent: 25 });
    expect(line('MATERIALS').months[0]).toMatchObject({ current: 0, available: 0, usedPercent: null });
    expect(line('MATERIALS').overBudget).toBe(false);
    // Labour spent 260 of 200: 60 over, 130 % used, and marked.
    expect(line('LABOUR')).toMatchObject({ description: 'Cuadrilla de turno', overBudget: true, total: { available: -60, usedPercent: 130 } });
    expect(answer.body.total).toMatchObject({ current: 1200, actual: 510, available: 690 });
  });

  it('is refused to an operator, and a budget that does not exist is answered as such', async () => {
    const any = await prisma.budget.findFirstOrThrow();
    expect((await operator.client.request(`/admin/budgets/${any.id}/figures`)).status).toBe(403);
    const missing = await supervisor.client.json<{ message: string }>('/admin/budgets/999999/figures');
    expect([missing.status, missing.body.message]).toEqual([404, 'El registro no existe o no tiene acceso a él.']);
    expect((await supervisor.client.request('/admin/budgets/abc/figures')).status).toBe(400);
  });
});

describe('behind a month, and in Excel', () => {
  let budgetId: number;
  let requisitionId: number;
  let orderNumber: string;

  beforeAll(async () => {
    const location = await make.aLocation(prisma, { name: 'Planta Oeste', code: 'PAG-O' });
    const budget = await prisma.budget.create({
      data: { code: 'PAG-O-2026', name: 'Planta Oeste', year: YEAR, locationId: location.id, lines: { create: [{ account: 'MATERIALS', description: 'Repuestos' }, { account: 'LABOUR' }] } },
      include: { lines: true },
    });
    budgetId = budget.id;
    const materials = budget.lines.find((l) => l.account === 'MATERIALS')!.id;
    const labour = budget.lines.find((l) => l.account === 'LABOUR')!.id;
    await prisma.budgetLineMonth.createMany({ data: [{ budgetLineId: materials, month: 3, originalAmount: 900, currentAmount: 1000 }, { budgetLineId: labour, month: 4, originalAmount: 500, currentAmount: 500 }] });
    // A requisition approved in March commits 300 there; another approved in April is not March's.
    const approvedIn = async (month: number, price: number, title: string) => {
      const requisition = await prisma.requisition.create({ data: { title, requestedById: supervisor.userId, budgetLineId: materials, items: { create: { description: 'Rodamiento', quantity: 1, unit: 'u', unitPrice: price } } } });
      await prisma.requisition.update({ where: { id: requisition.id }, data: { state: 'SUBMITTED' } });
      await prisma.requisition.update({ where: { id: requisition.id }, data: { state: 'APPROVED', approvedById: supervisor.userId, approvedAt: new Date(Date.UTC(YEAR, month - 1, 10)) } });
      return requisition.id;
    };
    requisitionId = await approvedIn(3, 300, 'Rodamientos de marzo');
    await approvedIn(4, 75, 'Sellos de abril');
    const order = await make.aWorkOrder(prisma);
    orderNumber = order.number;
    await prisma.budgetActual.createMany({
      data: [
        { budgetLineId: materials, month: 3, amount: 120, source: 'WORK_ORDER_MATERIALS', sourceId: 9101, workOrderId: order.id },
        { budgetLineId: labour, month: 4, amount: 80, source: 'OTHER', sourceId: 9102 },
      ],
    });
  });

  it('a month lists the requisitions committed in it and the costs posted to it, with what each counts for', async () => {
    const march = await supervisor.client.json<BudgetMonthEntries>(`/admin/budgets/${budgetId}/months/3/entries`);
    expect(march.status).toBe(200);
    expect(march.body.requisitions).toEqual([expect.objectContaining({ id: requisitionId, title: 'Rodamientos de marzo', account: 'MATERIALS', committed: 300 })]);
    expect(march.body.actuals).toEqual([expect.objectContaining({ account: 'MATERIALS', source: 'WORK_ORDER_MATERIALS', amount: 120, workOrder: expect.objectContaining({ number: orderNumber }), requisition: null })]);
    // The page's figures for March say the same: 300 committed and 120 spent.
    const figures = await supervisor.client.json<BudgetFigures>(`/admin/budgets/${budgetId}/figures`);
    const marchTotals = figures.body.lines.reduce((sum, line) => ({ committed: sum.committed + line.months[2]!.committed, actual: sum.actual + line.months[2]!.actual }), { committed: 0, actual: 0 });
    expect(marchTotals).toEqual({ committed: 300, actual: 120 });
    const april = await consultant.client.json<BudgetMonthEntries>(`/admin/budgets/${budgetId}/months/4/entries`);
    expect(april.body.requisitions.map((r) => r.title)).toEqual(['Sellos de abril']);
    expect(april.body.actuals.map((a) => [a.account, a.amount])).toEqual([['LABOUR', 80]]);
  });

  it('the drill-down is refused to whom the budget is hidden, and a month that is none is a bad request', async () => {
    expect((await operator.client.request(`/admin/budgets/${budgetId}/months/3/entries`)).status).toBe(403);
    for (const month of ['0', '13', 'marzo', '3.5']) expect((await supervisor.client.request(`/admin/budgets/${budgetId}/months/${month}/entries`)).status, month).toBe(400);
    expect((await supervisor.client.request('/admin/budgets/999999/months/3/entries')).status).toBe(404);
  });

  it('exports the figures to Excel in the reader\'s language, amounts as numbers; refused to whom may not export budgets', async () => {
    const answer = await supervisor.client.request(`/admin/budgets/${budgetId}/export.xlsx`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('spreadsheetml');
    expect(answer.headers.get('content-disposition')).toContain('PAG-O-2026');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await answer.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as ExcelJS.CellValue[]).slice(1));
    expect(rows[0]).toEqual(['PAG-O-2026 · Planta Oeste']);
    expect(rows[2]).toEqual(['Línea', 'Mes', 'Presupuesto original', 'Presupuesto', 'Comprometido', 'Real', 'Disponible', '% usado']);
    // Materials in March: 900 original, 1 000 current, 300 committed, 120 spent, 580 left, 42 % used.
    expect(rows.find((row) => row[0] === 'Materiales · Repuestos' && row[1] === 'marzo')).toEqual(['Materiales · Repuestos', 'marzo', 900, 1000, 300, 120, 580, 0.42]);
    expect(rows.at(-1)).toEqual(['Total del presupuesto', 'Total del año', 1400, 1500, 375, 200, 925, 0.383]);
    const english = await supervisor.client.request(`/admin/budgets/${budgetId}/export.xlsx?language=en`);
    const englishBook = new ExcelJS.Workbook();
    await englishBook.xlsx.load(Buffer.from(await english.arrayBuffer()) as unknown as ArrayBuffer);
    expect((englishBook.worksheets[0]!.getRow(4).values as ExcelJS.CellValue[]).slice(1, 4)).toEqual(['Line', 'Month', 'Original budget']);
    expect((await consultant.client.request(`/admin/budgets/${budgetId}/export.xlsx`)).status).toBe(200);
    expect((await operator.client.request(`/admin/budgets/${budgetId}/export.xlsx`)).status).toBe(403);
  });
});
