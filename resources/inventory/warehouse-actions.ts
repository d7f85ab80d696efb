// "Conteo físico" on a warehouse: its count sheet to download and print, and the counted quantities
// entered line by line, posted as COUNT movements (domain/inventory/count-sheet.ts).
import type { Action, ActionResponse } from 'adminjs';
import { Components } from '../../admin/component-loader.js';
import { countSheetOf, postCountSheet, type CountSheetInput } from '../../domain/inventory/count-sheet.js';
import type { Db } from '../../prisma/client.js';
import { recordAction } from '../record-action.js';

export function warehouseActions(prisma: Db): Record<'countSheet', Partial<Action<ActionResponse>>> {
  return {
    countSheet: recordAction({
      rule: ['adjust', 'StockLevel'],
      icon: 'CheckSquare',
      component: Components.CountSheetForm,
      form: async ({ id, ability }) => (await countSheetOf(prisma, ability, id)).lines,
      run: ({ id, ability, userId, payload }) => postCountSheet(prisma, ability, userId, id, payload as CountSheetInput),
      success: 'countSheetPosted',
    }),
  };
}
