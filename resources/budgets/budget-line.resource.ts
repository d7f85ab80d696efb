import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { abilityOf, allowedTo } from '../../admin/access.js';
import { findBudgetLines } from '../../domain/budgets/find-budget-lines.js';
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
    actions: {
      // The picker (a requisition's "Línea de presupuesto"): by budget, description or account in words.
      search: {
        isAccessible: allowedTo('read', 'BudgetLine'),
        handler: async (request, _response, context) => {
          const query = String((request.params as { query?: string }).query ?? '').slice(0, 200);
          const ids = await findBudgetLines(prisma, abilityOf(context.currentAdmin), query);
          const records = ids.length ? await context.resource.findMany(ids.map(String), context) : [];
          return { records: records.map((record) => record.toJSON(context.currentAdmin)) };
        },
      },
    },
  });
