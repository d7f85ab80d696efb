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

type LineRow = {
  budget_id: number; code: string; name: string; cost_centre: string; line_id: number; account: string;
  months: number[] | null; original: number[]; current: number[]; committed: number[]; actual: number[];
};

/** The report's one statement ($1 the year, $2 the budgets or null): bench:budgets also explains it. */
export const BUDGET_REPORT_SQL = `SELECT b.id AS budget_id, b.code, b.name, coalesce(loc.full_name, b.department) AS cost_centre, l.id AS line_id, l.account,
            m.months, m.original, m.current, m.committed, m.actual
       FROM budgets b
       JOIN budget_lines l ON l.budget_id = b.id
       LEFT JOIN locations loc ON loc.id = b.location_id
      CROSS JOIN LATERAL (
             SELECT array_agg(s.month::int) AS months, array_agg(s.original_amount::float8) AS original, array_agg(s.current_amount::float8) AS current,
                    array_agg(s.committed::float8) AS committed, array_agg(s.actual::float8) AS actual
               FROM budget_summaries s WHERE s.budget_line_id = l.id) m
      WHERE b.year = $1 AND ($2::int[] IS NULL OR b.id = ANY($2::int[]))
      ORDER BY b.code, l.account`;

/** `budgetIds`: the budgets the reader may see (readableBudgetIds); all when omitted. Plain pg rather than
 * Prisma: twelve thousand summary rows a year, and Prisma's raw-query path costs more than the query itself.
 * One round trip, one row per line: each line's months are gathered beside it (an index scan of its twelve
 * summary rows, kept on one page by the table's fillfactor) as float8 arrays, which node-pg turns into numbers
 * itself; the year's twelve thousand rows are neither sorted nor sent one by one as numeric strings. */
export async function budgetReport(pool: pg.Pool, options: { year: number; budgetIds?: number[] }): Promise<BudgetReportLine[]> {
  const { rows } = await pool.query<LineRow>(BUDGET_REPORT_SQL,
    [options.year, options.budgetIds ?? null],
  );
  return rows.map((row) => {
    const twelve = Array.from({ length: 12 }, () => figures(0, 0, 0, 0));
    (row.months ?? []).forEach((month, i) => (twelve[month - 1] = figures(row.original[i]!, row.current[i]!, row.committed[i]!, row.actual[i]!)));
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
