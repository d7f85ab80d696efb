import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// The budgets module's settings: one row, kept by administrators (the overdraft tolerance the approval
// enforces, domain/budgets/overspend.ts). Never created nor removed: the migration puts the one row there.
export const budgetSettingResource = (prisma: Db) =>
  defineResource(prisma, 'BudgetSetting', {
    navigation: NAVIGATION.budgets,
    listProperties: ['overdraftTolerancePercent', 'updatedAt'],
    showProperties: ['overdraftTolerancePercent', 'updatedAt'],
    editProperties: ['overdraftTolerancePercent'],
    filterProperties: [],
    actions: { new: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
