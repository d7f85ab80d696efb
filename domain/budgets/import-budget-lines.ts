// The writer of the budget import (domain/imports/definitions/budget-lines.import.ts): each sheet row is a
// budget line, so writing it is three upserts: its budget by code (name and cost centre; a budget never
// changes year), the line by (budget, account) with its description, and the months given (their current
// amount; a new month starts with the same original). Row by row under a savepoint, inside the import's
// transaction (the history records the importer): a row the database refuses (another budget already holds
// that year and cost centre) is that row's error, said against its column, and the others are written.
// Budgets are a few thousand lines: per-row statements cost nothing here and keep each refusal on its row.
import type { SqlRunner } from '../history/sql-transaction.js';
import type { ImportRow as CandidateRow, ImportRowError as RowError, ImportRowOutcome as RowOutcome, ImportWriter } from '../imports/import-definition.js';
import { resourceTranslationsES } from '../labels/resources.es.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

interface ExistingBudget {
  id: number;
  year: number;
  code: string;
}

class RowRefused extends Error {
  constructor(readonly field: string, readonly value: string | null, readonly reason: string) {
    super(reason);
  }
}

/** The column as the report names it: its template header (the reasons are Spanish, like the pipeline's). */
const headerOf = (field: string) => (resourceTranslationsES.BudgetLine.properties as Record<string, string>)[field] ?? field;

const text = (value: unknown) => (value === undefined || value === null || value === '' ? null : String(value));
const givenMonths = (row: CandidateRow) => MONTHS.filter((m) => typeof row.values[`month${m}`] === 'number');

/** The budget that holds this row's year and cost centre under another code, if any. */
async function otherBudgetOfCentre(db: SqlRunner, row: CandidateRow): Promise<ExistingBudget | null> {
  const [other] = await db.$queryRawUnsafe<ExistingBudget[]>(
    `SELECT id, year, code FROM budgets WHERE year = $1 AND code <> $2 AND (location_id = $3 OR department = $4) LIMIT 1`,
    row.values.year, row.values.budgetCode, row.values.location ?? null, text(row.values.department),
  );
  return other ?? null;
}

async function judge(db: SqlRunner, row: CandidateRow): Promise<ExistingBudget | null> {
  const [budget] = await db.$queryRawUnsafe<ExistingBudget[]>(`SELECT id, year, code FROM budgets WHERE code = $1`, row.values.budgetCode);
  if (budget && budget.year !== row.values.year)
    throw new RowRefused('year', String(row.values.year), `El presupuesto ${budget.code} es del año ${budget.year}: un presupuesto no cambia de año. Use otro código para ${row.values.year}.`);
  const other = await otherBudgetOfCentre(db, row);
  if (other)
    throw new RowRefused(row.values.location ? 'location' : 'department', null, `Ya hay un presupuesto de ${other.year} para ese centro de costo (${other.code}): impórtelo con ese código o elija otro centro de costo.`);
  return budget ?? null;
}

async function writeRow(db: SqlRunner, row: CandidateRow): Promise<RowOutcome['kind']> {
  await judge(db, row);
  const v = row.values;
  const [budget] = await db.$queryRawUnsafe<{ id: number; changed: boolean }[]>(
    `WITH written AS (
       INSERT INTO budgets (code, name, year, location_id, department) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, location_id = EXCLUDED.location_id, department = EXCLUDED.department, updated_at = now()
       WHERE (budgets.name, budgets.location_id, budgets.department) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.location_id, EXCLUDED.department)
       RETURNING id)
     SELECT id, true AS changed FROM written UNION ALL SELECT id, false FROM budgets WHERE code = $1 AND NOT EXISTS (SELECT 1 FROM written)`,
    v.budgetCode, v.budgetName, v.year, v.location ?? null, text(v.department),
  );
  const [line] = await db.$queryRawUnsafe<{ id: number; inserted: boolean; changed: boolean }[]>(
    `WITH written AS (
       INSERT INTO budget_lines (budget_id, account, description) VALUES ($1, $2, $3)
       ON CONFLICT (budget_id, account) DO UPDATE SET description = EXCLUDED.description
       WHERE budget_lines.description IS DISTINCT FROM EXCLUDED.description
       RETURNING id, xmax = 0 AS inserted)
     SELECT id, inserted, true AS changed FROM written
     UNION ALL SELECT id, false, false FROM budget_lines WHERE budget_id = $1 AND account = $2 AND NOT EXISTS (SELECT 1 FROM written)`,
    budget!.id, v.account, text(v.description),
  );
  const months = givenMonths(row);
  const changedMonths = months.length
    ? await db.$executeRawUnsafe(
        `INSERT INTO budget_line_months (budget_line_id, month, original_amount, current_amount)
         SELECT $1, m, a, a FROM unnest($2::int[], $3::numeric[]) AS i(m, a)
         ON CONFLICT (budget_line_id, month) DO UPDATE SET current_amount = EXCLUDED.current_amount, updated_at = now()
         WHERE budget_line_months.current_amount IS DISTINCT FROM EXCLUDED.current_amount`,
        line!.id, months, months.map((m) => v[`month${m}`]),
      )
    : 0;
  if (line!.inserted) return 'new';
  return budget!.changed || line!.changed || changedMonths > 0 ? 'changed' : 'unchanged';
}

export const budgetLinesWriter: ImportWriter = {
  async write(db, rows) {
    let inserted = 0;
    let updated = 0;
    const errors: RowError[] = [];
    for (const row of rows) {
      await db.$executeRawUnsafe('SAVEPOINT budget_line_row');
      try {
        const outcome = await writeRow(db, row);
        await db.$executeRawUnsafe('RELEASE SAVEPOINT budget_line_row');
        if (outcome === 'new') inserted++;
        if (outcome === 'changed') updated++;
      } catch (error) {
        await db.$executeRawUnsafe('ROLLBACK TO SAVEPOINT budget_line_row');
        if (!(error instanceof RowRefused)) throw error;
        errors.push({ rowNumber: row.rowNumber, column: headerOf(error.field), value: error.value, reason: error.reason });
      }
    }
    return { inserted, updated, errors };
  },

  // The same judgement without writing: a row the writer would refuse is counted as it would be (its
  // error comes when writing), a new line is new, and a line that exists is changed when its budget's
  // name or cost centre, its description or a month given differ.
  async classify(db, rows) {
    const outcomes: RowOutcome[] = [];
    for (const row of rows) {
      const v = row.values;
      const [found] = await db.$queryRawUnsafe<{ budget_changed: boolean; description_changed: boolean; months: string | null; line_id: number | null }[]>(
        `SELECT (b.name, b.location_id, b.department) IS DISTINCT FROM ($2::text, $3::int, $4::text) AS budget_changed,
                l.description IS DISTINCT FROM $5::text AS description_changed, l.id AS line_id,
                (SELECT string_agg(m.month || '=' || m.current_amount, ',') FROM budget_line_months m WHERE m.budget_line_id = l.id) AS months
           FROM budgets b LEFT JOIN budget_lines l ON l.budget_id = b.id AND l.account = $6 WHERE b.code = $1`,
        v.budgetCode, v.budgetName, v.location ?? null, text(v.department), text(v.description), v.account,
      );
      if (!found?.line_id) {
        outcomes.push({ kind: 'new' });
        continue;
      }
      const stored = new Map((found.months ?? '').split(',').filter(Boolean).map((pair) => pair.split('=')).map(([m, a]) => [Number(m), Number(a)]));
      const fields = [
        ...(found.budget_changed ? ['budgetName'] : []),
        ...(found.description_changed ? ['description'] : []),
        ...givenMonths(row).filter((m) => stored.get(m) !== v[`month${m}`]).map((m) => `month${m}`),
      ];
      outcomes.push(fields.length ? { kind: 'changed', fields } : { kind: 'unchanged' });
    }
    return outcomes;
  },
};
