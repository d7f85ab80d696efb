// The call centre's tickets from the legacy SIG, every 15 minutes in the plant's time zone, at most 100
// new per run (domain/call-center/sync-sig-tickets.ts). Named `sig-sync`: its writes carry the actor
// `job:sig-sync` in the change history. Off (a logged no-op) while SIG_URL is unset.
import { z } from 'zod';
import { createSigClient } from '../integrations/sig/sig-client.js';
import { sigSyncFailureAlert } from '../domain/call-center/sig-sync-alert.js';
import { syncSigTickets } from '../domain/call-center/sync-sig-tickets.js';
import { defineJob } from './job.js';
import { notifySigSyncFailing } from '../domain/notifications/triggers/sync-alerts.js';

export const syncSigTicketsJob = defineJob({
  name: 'sig-sync',
  queue: 'sync',
  schedule: '*/15 * * * *',
  // A failed run is recorded and counted towards the alert; the next one comes in 15 minutes: no retries.
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  parse: (data) => z.object({ limit: z.number().int().positive().max(1_000).optional() }).passthrough().parse(data ?? {}),
  handle: async ({ limit }, { prisma, sig, timeZone, logger }) => {
    if (!sig) {
      logger.info('SIG scrape off: SIG_URL is not set');
      return { off: true };
    }
    const run = await syncSigTickets(prisma, createSigClient(sig), { timeZone, limit });
    const alert = await sigSyncFailureAlert(prisma);
    if (alert) {
      logger.error({ alert }, 'SIG scrape failed three times in a row: administrators told');
      await notifySigSyncFailing(prisma, alert);
    }
    if (run.state === 'FAILED') throw new Error(`SIG scrape failed (${run.errorCode}): see run ${run.id} on the SIG runs page`);
    logger.info({ run: run.id, pagesRead: run.pagesRead, found: run.found, created: run.created, skipped: run.skipped }, 'SIG scrape done');
    return { run: run.id, created: run.created };
  },
});
