import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// A year's budget of a cost centre (a location's subtree, or a department), with its lines per account.
export const budgetResource = (prisma: Db) =>
  defineResource(prisma, 'Budget', {
    navigation: NAVIGATION.budgets,
    sort: { sortBy: 'year', direction: 'desc' },
    listProperties: ['code', 'name', 'year', 'location', 'department'],
    editProperties: ['code', 'name', 'year', 'location', 'department'],
    filterProperties: ['code', 'name', 'year', 'location', 'department'],
    showProperties: ['code', 'name', 'year', 'location', 'department', 'createdAt', 'figures', 'lines'],
    properties: {
      // Budget, committed, actual and available per line and month (admin/budgets/router.ts).
      figures: { type: 'string', components: { show: Components.BudgetFigures } },
      lines: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'BudgetLine', filter: 'budget', columns: ['account', 'description'], titleKey: 'relatedBudgetLines', addable: true },
      },
    },
  });
