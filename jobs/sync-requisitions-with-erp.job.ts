// Every 5 minutes on the `sync` queue: approved requisitions to the ERP, their status back (ERP wins).
// Off while the ERP is not configured. Four failed runs in a row tell the administrators.
import { z } from 'zod';
import { erpSyncAlert } from '../domain/budgets/erp-sync-alert.js';
import { notifyErpSyncFailing } from '../domain/notifications/triggers/sync-alerts.js';
import { syncRequisitionsWithErp } from '../domain/budgets/erp-sync.js';
import { defineJob } from './job.js';

export const syncRequisitionsWithErpJob = defineJob({
  name: 'sync-requisitions-with-erp',
  queue: 'sync',
  schedule: '*/5 * * * *',
  // The run itself retries requisitions with backoff and the next run comes in five minutes: no job retry.
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma, erp, logger, timeZone }) => {
    if (!erp) return { skipped: 'ERP not configured (ERP_DYNAMICS_URL)' };
    const result = await syncRequisitionsWithErp(prisma, erp, { concurrency: erp.concurrency });
    logger.info(result, 'ERP sync run');
    const alert = await erpSyncAlert(prisma);
    if (alert) {
      logger.error({ alert }, 'ERP sync failed four runs in a row: administrators told');
      await notifyErpSyncFailing(prisma, alert, timeZone);
    }
    return { ...result, alert: alert !== null };
  },
});
