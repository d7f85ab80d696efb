// "Reintentar sincronización" on a requisition: back in the queue of the ERP sync, and a run asked for now.
import type { Action, ActionResponse } from 'adminjs';
import { canRetryErpSync, retryErpSync } from '../../domain/budgets/retry-erp-sync.js';
import type { Db } from '../../prisma/client.js';
import type { ResourceSettings } from '../define-resource.js';
import { recordAction } from '../record-action.js';

export function erpSyncActions(prisma: Db, settings: ResourceSettings): Record<string, Partial<Action<ActionResponse>>> {
  if (!settings.erp?.configured) return {};
  const erp = settings.erp;
  return {
    retryErpSync: recordAction({
      rule: ['update', 'Requisition'],
      icon: 'RefreshCw',
      guard: 'confirmRetryErpSync',
      shownFor: canRetryErpSync,
      run: async ({ id, ability }) => {
        const requisition = await retryErpSync(prisma, ability, id);
        await erp.requestSync();
        return requisition;
      },
      success: 'erpSyncRetried',
    }),
  };
}
