import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// One account of a budget, with its amounts per month (original and current after revisions).
export const budgetLineResource = (prisma: Db) =>
  defineResource(prisma, 'BudgetLine', {
    navigation: NAVIGATION.budgets,
    listProperties: ['budget', 'account', 'description'],
    editProperties: ['budget', 'account', 'description'],
    filterProperties: ['budget', 'account'],
    showProperties: ['budget', 'account', 'description', 'months'],
    properties: {
      months: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'BudgetLineMonth', filter: 'budgetLine', columns: ['month', 'originalAmount', 'currentAmount'], sortBy: 'month', direction: 'asc', titleKey: 'relatedBudgetMonths', addable: true },
      },
    },
  });
