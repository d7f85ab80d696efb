// One budget's figures for its page: each line's twelve months and year of budget, committed, actual,
// available and the share used, read from the summary (the same reading as the budget report), for a reader
// whose rules let him see the budget. A budget he may not see is answered as one that does not exist.
import type { Prisma } from '@prisma/client';
import type pg from 'pg';
import type { Db } from '../../prisma/client.js';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import { Refusal } from '../refusal.js';
import { budgetReport, type BudgetMonthFigures } from './budget-report.js';

export interface BudgetLineFigures {
  lineId: number;
  account: string;
  description: string | null;
  months: (BudgetMonthFigures & { usedPercent: number | null })[];
  total: BudgetMonthFigures & { usedPercent: number | null };
  /** Spent and committed beyond the current budget over the year. */
  overBudget: boolean;
}

export interface BudgetFigures {
  budgetId: number;
  code: string;
  name: string;
  year: number;
  costCentre: string;
  lines: BudgetLineFigures[];
  total: BudgetMonthFigures & { usedPercent: number | null };
}

export async function budgetFigures(db: Db, pool: pg.Pool, ability: AppAbility, budgetId: number): Promise<BudgetFigures> {
  const where = accessibleWhere(ability, 'read', 'Budget');
  if (!where) throw new AccessDeniedError('read', 'Budget');
  const budget = await db.budget.findFirst({
    where: { AND: [{ id: budgetId }, where as Prisma.BudgetWhereInput] },
    select: { id: true, code: true, name: true, year: true, lines: { select: { id: true, description: true } } },
  });
  if (!budget) throw new Refusal('notFound', {}, { kind: 'notFound' });
  const report = await budgetReport(pool, { year: budget.year, budgetIds: [budget.id] });
  const descriptions = new Map(budget.lines.map((line) => [line.id, line.description]));
  const lines = report.map((line) => ({
    lineId: line.lineId,
    account: line.account,
    description: descriptions.get(line.lineId) ?? null,
    months: line.months.map(withUse),
    total: withUse(line.total),
    overBudget: line.total.available < 0,
  }));
  const sum = (key: keyof BudgetMonthFigures) => Math.round(report.reduce((total, line) => total + line.total[key], 0) * 100) / 100;
  const total = withUse({ original: sum('original'), current: sum('current'), committed: sum('committed'), actual: sum('actual'), available: sum('available') });
  return { budgetId: budget.id, code: budget.code, name: budget.name, year: budget.year, costCentre: report[0]?.costCentre ?? '', lines, total };
}

/** The share of the budget committed or spent, in per cent (one decimal); none without a budget. */
function withUse(figures: BudgetMonthFigures) {
  const used = figures.committed + figures.actual;
  return { ...figures, usedPercent: figures.current > 0 ? Math.round((used / figures.current) * 1000) / 10 : null };
}
