import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Actual costs posted against budget lines (closeout labour today; inventory's materials and goods receipts
// through cmms_post_budget_actual). Written by those workflows only.
export const budgetActualResource = (prisma: Db) =>
  defineResource(prisma, 'BudgetActual', {
    navigation: NAVIGATION.budgets,
    sort: { sortBy: 'postedAt', direction: 'desc' },
    listProperties: ['budgetLine', 'month', 'amount', 'source', 'workOrder', 'requisition', 'postedAt'],
    filterProperties: ['budgetLine', 'month', 'source', 'workOrder', 'requisition', 'postedAt'],
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
