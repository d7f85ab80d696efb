import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// A line's amount for a month. A revision changes the current amount; the original one stays as first set
// (the database keeps it), and every revision is in the change history.
export const budgetLineMonthResource = (prisma: Db) =>
  defineResource(prisma, 'BudgetLineMonth', {
    navigation: NAVIGATION.budgets,
    sort: { sortBy: 'month', direction: 'asc' },
    listProperties: ['budgetLine', 'month', 'originalAmount', 'currentAmount'],
    editProperties: ['budgetLine', 'month', 'originalAmount', 'currentAmount'],
    filterProperties: ['budgetLine', 'month'],
  });
