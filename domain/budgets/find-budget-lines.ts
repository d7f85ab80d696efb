// The budget lines a picker offers for what a person types: every word found in the budget's code or name,
// the line's description, or its account in either language ("materiales", "labour"), ignoring case;
// among the lines his rules let him read. An account is a closed value, which a plain filter would only
// match by its exact code (MATERIALS).
import type { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import { resourceTranslationsEN } from '../labels/resources.en.js';
import { resourceTranslationsES } from '../labels/resources.es.js';

const ACCOUNT_LABELS = [resourceTranslationsES, resourceTranslationsEN].map((t) => t.BudgetLine.labels.account as Record<string, string>);
const plain = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

export async function findBudgetLines(db: Db, ability: AppAbility, query: string, take = 50): Promise<number[]> {
  const allowed = accessibleWhere(ability, 'read', 'BudgetLine');
  if (!allowed) return [];
  const words = query.split(/\s+/).filter(Boolean).slice(0, 8);
  const wordConditions = words.map((word): Prisma.BudgetLineWhereInput => {
    const accounts = Object.keys(ACCOUNT_LABELS[0]!).filter((code) => [code, ...ACCOUNT_LABELS.map((labels) => labels[code] ?? '')].some((name) => plain(name).includes(plain(word))));
    return {
      OR: [
        { budget: { is: { code: { contains: word, mode: 'insensitive' } } } },
        { budget: { is: { name: { contains: word, mode: 'insensitive' } } } },
        { description: { contains: word, mode: 'insensitive' } },
        ...(accounts.length ? [{ account: { in: accounts } }] : []),
      ],
    };
  });
  const lines = await db.budgetLine.findMany({
    where: { AND: [allowed as Prisma.BudgetLineWhereInput, ...wordConditions] },
    select: { id: true },
    orderBy: [{ budget: { year: 'desc' } }, { budget: { code: 'asc' } }, { account: 'asc' }],
    take,
  });
  return lines.map((line) => line.id);
}
