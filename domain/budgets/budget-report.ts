// The budget report: for a year, every budget line the reader may see with its twelve months of budget
// (original and current), committed, actual and available, read from the summary the database keeps
// (budget_summaries, migration *_budgets_and_erp_sync) rather than summed from requisitions and postings.
import type { Prisma } from '@prisma/client';
import type pg from 'pg';
import type { Db } from '../../prisma/client.js';

export interface BudgetMonthFigures {
  original: number;
  current: number;
  committed: number;
  actual: number;
  /** current − committed − actual */
  available: number;
}

export interface BudgetReportLine {
  budgetId: number;
  budgetCode: string;
  budgetName: string;
  /** The cost centre: the location's full name, or the department. */
  costCentre: string;
  lineId: number;
  account: string;
  months: BudgetMonthFigures[];
  total: BudgetMonthFigures;
}

type LineRow = { budget_id: number; code: string; name: string; cost_centre: string; line_id: number; account: string };
type MonthRow = { budget_line_id: number; month: number; original_amount: string; current_amount: string; committed: string; actual: string };

/** `budgetIds`: the budgets the reader may see (readableBudgetIds); all when omitted. Plain pg rather than
 * Prisma: twelve thousand rows a year, and Prisma's raw-query path costs more than the query itself. */
export async function budgetReport(pool: pg.Pool, options: { year: number; budgetIds?: number[] }): Promise<BudgetReportLine[]> {
  const filter = 'b.year = $1 AND ($2::int[] IS NULL OR b.id = ANY($2::int[]))';
  const parameters = [options.year, options.budgetIds ?? null];
  const [lines, months] = await Promise.all([
    pool.query<LineRow>(
      `SELECT b.id AS budget_id, b.code, b.name, coalesce(loc.full_name, b.department) AS cost_centre, l.id AS line_id, l.account
         FROM budgets b LEFT JOIN locations loc ON loc.id = b.location_id JOIN budget_lines l ON l.budget_id = b.id
        WHERE ${filter} ORDER BY b.code, l.account`,
      parameters,
    ),
    pool.query<MonthRow>(
      `SELECT s.budget_line_id, s.month, s.original_amount, s.current_amount, s.committed, s.actual
         FROM budgets b JOIN budget_lines l ON l.budget_id = b.id JOIN budget_summaries s ON s.budget_line_id = l.id
        WHERE ${filter}`,
      parameters,
    ),
  ]);
  const byLine = new Map<number, BudgetMonthFigures[]>();
  for (const row of months.rows) {
    let twelve = byLine.get(row.budget_line_id);
    if (!twelve) byLine.set(row.budget_line_id, (twelve = []));
    twelve[row.month - 1] = figures(Number(row.original_amount), Number(row.current_amount), Number(row.committed), Number(row.actual));
  }
  return lines.rows.map((row) => {
    const known = byLine.get(row.line_id) ?? [];
    const twelve = Array.from({ length: 12 }, (_, i) => known[i] ?? figures(0, 0, 0, 0));
    const sum = (key: keyof BudgetMonthFigures) => round(twelve.reduce((total, month) => total + month[key], 0));
    return {
      budgetId: row.budget_id, budgetCode: row.code, budgetName: row.name, costCentre: row.cost_centre, lineId: row.line_id, account: row.account,
      months: twelve,
      total: figures(sum('original'), sum('current'), sum('committed'), sum('actual')),
    };
  });
}

/** The ids of the budgets `where` (the reader's rule) lets him read, for budgetReport. */
export async function readableBudgetIds(db: Db, where: Prisma.BudgetWhereInput, year: number): Promise<number[]> {
  return (await db.budget.findMany({ where: { AND: [where, { year }] }, select: { id: true } })).map((budget) => budget.id);
}

const round = (value: number) => Math.round(value * 100) / 100;
const figures = (original: number, current: number, committed: number, actual: number): BudgetMonthFigures => ({
  original, current, committed, actual, available: round(current - committed - actual),
});
