// What the requisition's "Enviar", "Aprobar" and "Rechazar" forms show before anyone presses the button:
// its line, what the line has left, what it asks for and what would be left, and whether that overspends
// (within the tolerance, or needing "aprobar sobregiro"). The same judgement the approval enforces
// (overspend.ts); the figures are read without a lock, so the approval reads them again.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { asSubject, type AppAbility } from '../access/abilities.js';
import { amountIn, lineAvailability, type Language } from './line-availability.js';
import { judgeOverspend, overdraftTolerancePercent } from './overspend.js';

/** none: no line; fits: the line has enough; tolerated: overspends within the tolerance; needsRight: beyond it. */
export type BudgetCheckVerdict = 'none' | 'fits' | 'tolerated' | 'needsRight';

export interface RequisitionBudgetCheck {
  number: string;
  title: string;
  verdict: BudgetCheckVerdict;
  /** The reader holds "aprobar sobregiro" on this line. */
  mayOverdraw: boolean;
  /** Amounts in the reader's language; null without a line. */
  figures: { line: string; available: string; requested: string; after: string; shortfall: string; tolerance: string; tolerated: string } | null;
}

export async function requisitionBudgetCheck(db: Db, ability: AppAbility, requisitionId: number, language: Language): Promise<RequisitionBudgetCheck | null> {
  const requisition = await db.requisition.findUnique({ where: { id: requisitionId }, select: { number: true, title: true, total: true, budgetLineId: true } });
  if (!requisition) return null;
  const base = { number: requisition.number, title: requisition.title };
  if (requisition.budgetLineId === null) return { ...base, verdict: 'none', mayOverdraw: false, figures: null };
  const line = await lineAvailability(db, requisition.budgetLineId, language);
  const judged = judgeOverspend(line, requisition.total as Prisma.Decimal, await overdraftTolerancePercent(db));
  const verdict: BudgetCheckVerdict = judged.needsOverdraftRight ? 'needsRight' : judged.after.isNegative() ? 'tolerated' : 'fits';
  const money = (value: Prisma.Decimal) => amountIn(language, value);
  return {
    ...base,
    verdict,
    mayOverdraw: ability.can('overdraft', asSubject('BudgetLine', { id: line.lineId })),
    figures: {
      line: line.name,
      available: money(judged.available),
      requested: money(judged.requested),
      after: money(judged.after),
      shortfall: money(judged.shortfall),
      tolerance: money(judged.tolerancePercent),
      tolerated: money(judged.toleratedOverspend),
    },
  };
}
