// What a budget line has left for the year: its current budget less what is committed and already spent,
// read from the summary the database keeps (budget_summaries). Taken with the line locked, so two approvals
// charging the same line take turns and the second sees what the first committed.
import { Prisma } from '@prisma/client';
import type { Tx } from '../access/allowed-row.js';
import type { Db } from '../../prisma/client.js';
import { resourceTranslationsEN } from '../labels/resources.en.js';
import { resourceTranslationsES } from '../labels/resources.es.js';

export type Language = 'es' | 'en';

export interface LineAvailability {
  lineId: number;
  /** "Planta norte 2026 · Materiales": the budget's name and the line's account in the reader's words. */
  name: string;
  available: Prisma.Decimal;
  /** The line's current budget for the year: what the overdraft tolerance is a share of. */
  budget: Prisma.Decimal;
}

export async function lockedLineAvailability(tx: Tx, lineId: number, language: Language): Promise<LineAvailability> {
  // Locked first, then read in a statement of its own: a statement that waited for the lock still reads
  // the other tables as they were when it began, which would miss what the first approval committed.
  await tx.$queryRaw`SELECT id FROM budget_lines WHERE id = ${lineId} FOR UPDATE`;
  return lineAvailability(tx, lineId, language);
}

/** The same figures without the lock: what the requisition's forms show before anyone decides. */
export async function lineAvailability(tx: Tx | Db, lineId: number, language: Language): Promise<LineAvailability> {
  const [line] = await tx.$queryRaw<{ name: string; account: string; description: string | null; available: Prisma.Decimal; budget: Prisma.Decimal }[]>`
    SELECT b.name, l.account, l.description, coalesce(s.available, 0) AS available, coalesce(s.budget, 0) AS budget
      FROM budget_lines l JOIN budgets b ON b.id = l.budget_id
      LEFT JOIN LATERAL (SELECT sum(current_amount - committed - actual) AS available, sum(current_amount) AS budget
                           FROM budget_summaries WHERE budget_line_id = l.id) s ON true
     WHERE l.id = ${lineId}`;
  if (!line) throw new Error(`budget line ${lineId} not found`);
  return { lineId, name: budgetLineName(line, language), available: new Prisma.Decimal(line.available), budget: new Prisma.Decimal(line.budget) };
}

export function budgetLineName(line: { name: string; account: string; description: string | null }, language: Language): string {
  const labels = (language === 'en' ? resourceTranslationsEN : resourceTranslationsES).BudgetLine.labels.account as Record<string, string>;
  return `${line.name} · ${line.description || labels[line.account] || line.account}`;
}

/** An amount as the reader writes it: 1.250,00 in Spanish, 1,250.00 in English. */
export function amountIn(language: Language, value: Prisma.Decimal | number): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' } as Intl.NumberFormatOptions).format(Number(value));
}
