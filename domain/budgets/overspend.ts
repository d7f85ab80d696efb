// Whether a requisition overspends its budget line, and whether that needs "aprobar sobregiro": the
// requisition's forms warn with it, the approval enforces it (requisition-approval.ts), the same figures.
// Below the tolerance (budget_settings, a share of the line's budget for the year, 0 by default) a line
// may end overspent through anyone's approval; beyond it only the right approves.
import { Prisma } from '@prisma/client';
import type { Tx } from '../access/allowed-row.js';
import type { Db } from '../../prisma/client.js';
import type { LineAvailability } from './line-availability.js';

export interface Overspend {
  /** What the line has left before this requisition (negative: already overspent). */
  available: Prisma.Decimal;
  requested: Prisma.Decimal;
  /** What the line would have left after it. */
  after: Prisma.Decimal;
  /** How much of the requisition the line lacks (0 when it has enough). */
  shortfall: Prisma.Decimal;
  tolerancePercent: Prisma.Decimal;
  /** How far the line may end overspent without the right: tolerance × the line's budget. */
  toleratedOverspend: Prisma.Decimal;
  /** Approving it needs "aprobar sobregiro". */
  needsOverdraftRight: boolean;
}

export async function overdraftTolerancePercent(tx: Tx | Db): Promise<Prisma.Decimal> {
  const settings = await tx.budgetSetting.findUnique({ where: { id: 1 } });
  return settings?.overdraftTolerancePercent ?? new Prisma.Decimal(0);
}

export function judgeOverspend(line: LineAvailability, requested: Prisma.Decimal, tolerancePercent: Prisma.Decimal): Overspend {
  const zero = new Prisma.Decimal(0);
  const after = line.available.minus(requested);
  const shortfall = after.isNegative() ? requested.minus(Prisma.Decimal.max(line.available, zero)) : zero;
  const toleratedOverspend = Prisma.Decimal.max(line.budget, zero).mul(tolerancePercent).div(100).toDecimalPlaces(2);
  return { available: line.available, requested, after, shortfall, tolerancePercent, toleratedOverspend, needsOverdraftRight: after.isNegative() && after.negated().gt(toleratedOverspend) };
}
