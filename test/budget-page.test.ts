// A budget's page figures over HTTP: each line's months and year, budget − committed − actual = available,
// the share used, and a line spent beyond its budget marked; only for those whose rules show the budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetFigures } from '../domain/budgets/budget-figures.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let operator: Person;
const YEAR = new Date().getUTCFullYear();

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Presupuestos');
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Oscar Operador');
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
