// What lies behind a month of a budget (the drill-down from its page's bars): the requisitions committed
// in that month (approved then, not yet received) and the actual postings (closeouts, materials issued,
// receipts), each with its line and what it counts for. Only what the reader's rules show him: the
// budget first (a hidden one is answered as missing), then each requisition and posting by its own rule.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import { MalformedInputError } from '../malformed-input.js';
import { Refusal } from '../refusal.js';

export interface CommittedRequisition {
  id: number;
  number: string;
  title: string;
  account: string;
  committed: number;
  approvedAt: Date | null;
}

export interface ActualPosting {
  id: number;
  account: string;
  source: string;
  amount: number;
  postedAt: Date;
  workOrder: { id: number; number: string } | null;
  requisition: { id: number; number: string } | null;
}

export interface BudgetMonthEntries {
  budgetId: number;
  year: number;
  month: number;
  requisitions: CommittedRequisition[];
  actuals: ActualPosting[];
}

export async function budgetMonthEntries(db: Db, ability: AppAbility, budgetId: number, month: number): Promise<BudgetMonthEntries> {
  const budgets = accessibleWhere(ability, 'read', 'Budget');
  if (!budgets) throw new AccessDeniedError('read', 'Budget');
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new MalformedInputError('malformedRequest');
  const budget = await db.budget.findFirst({ where: { AND: [{ id: budgetId }, budgets as Prisma.BudgetWhereInput] }, select: { id: true, year: true } });
  if (!budget) throw new Refusal('notFound', {}, { kind: 'notFound' });

  // Committed in this month: the summary's own rule (cmms_requisition_commitment, cmms_budget_month).
  const committed = await db.$queryRaw<{ id: number; committed: Prisma.Decimal }[]>`
    SELECT r.id, cmms_requisition_commitment(r.state, r.budget_line_id, r.erp_status, r.total, r.received_amount) AS committed
      FROM requisitions r JOIN budget_lines l ON l.id = r.budget_line_id
     WHERE l.budget_id = ${budget.id} AND r.state = 'APPROVED' AND cmms_budget_month(r.approved_at, ${budget.year}::int) = ${month}::smallint`;
  const amounts = new Map(committed.filter((row) => Number(row.committed) !== 0).map((row) => [row.id, Number(row.committed)]));
  const readableRequisitions = accessibleWhere(ability, 'read', 'Requisition');
  const requisitions = readableRequisitions && amounts.size
    ? await db.requisition.findMany({
        where: { AND: [{ id: { in: [...amounts.keys()] } }, readableRequisitions as Prisma.RequisitionWhereInput] },
        orderBy: { approvedAt: 'asc' },
        select: { id: true, number: true, title: true, approvedAt: true, budgetLine: { select: { account: true } } },
      })
    : [];

  const readableActuals = accessibleWhere(ability, 'read', 'BudgetActual');
  const actuals = readableActuals
    ? await db.budgetActual.findMany({
        where: { AND: [{ budgetLine: { is: { budgetId: budget.id } }, month }, readableActuals as Prisma.BudgetActualWhereInput] },
        orderBy: { postedAt: 'asc' },
        select: {
          id: true, source: true, amount: true, postedAt: true,
          budgetLine: { select: { account: true } },
          workOrder: { select: { id: true, number: true } },
          requisition: { select: { id: true, number: true } },
        },
      })
    : [];

  return {
    budgetId: budget.id,
    year: budget.year,
    month,
    requisitions: requisitions.map((r) => ({ id: r.id, number: r.number, title: r.title, account: r.budgetLine!.account, committed: amounts.get(r.id)!, approvedAt: r.approvedAt })),
    actuals: actuals.map((a) => ({ id: a.id, account: a.budgetLine.account, source: a.source, amount: Number(a.amount), postedAt: a.postedAt, workOrder: a.workOrder, requisition: a.requisition })),
  };
}
