// The budget report: for a year, every budget line the reader may see with its twelve months of budget
// (original and current), committed, actual and available, read from the summary the database keeps
// (budget_summaries, migration *_budgets_and_erp_sync) rather than summed from requisitions and postings.
import type { Prisma } from '@prisma/client';
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

type Row = { budget_id: number; code: string; name: string; cost_centre: string; line_id: number; account: string; original: string[]; current: string[]; committed: string[]; actual: string[] };

/** `budgetIds`: the budgets the reader may see (readableBudgetIds); all when omitted. */
export async function budgetReport(db: Db, options: { year: number; budgetIds?: number[] }): Promise<BudgetReportLine[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT b.id AS budget_id, b.code, b.name, coalesce(loc.full_name, b.department) AS cost_centre, l.id AS line_id, l.account,
            array_agg(s.original_amount::text ORDER BY s.month) AS original, array_agg(s.current_amount::text ORDER BY s.month) AS current,
            array_agg(s.committed::text ORDER BY s.month) AS committed, array_agg(s.actual::text ORDER BY s.month) AS actual
       FROM budgets b
       LEFT JOIN locations loc ON loc.id = b.location_id
       JOIN budget_lines l ON l.budget_id = b.id
       JOIN budget_summaries s ON s.budget_line_id = l.id
      WHERE b.year = $1 AND ($2::int[] IS NULL OR b.id = ANY($2::int[]))
      GROUP BY b.id, loc.full_name, l.id
      ORDER BY b.code, l.account`,
    options.year,
    options.budgetIds ?? null,
  );
  return rows.map((row) => {
    const months = row.original.map((_, i) => figures(Number(row.original[i]), Number(row.current[i]), Number(row.committed[i]), Number(row.actual[i])));
    const sum = (key: keyof BudgetMonthFigures) => round(months.reduce((total, month) => total + month[key], 0));
    return {
      budgetId: row.budget_id, budgetCode: row.code, budgetName: row.name, costCentre: row.cost_centre, lineId: row.line_id, account: row.account,
      months,
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
