// Every minute: permits whose window has ended are suspended and their orders put on hold, with a
// notification (domain/safety/suspend-expired-permits.ts). Critical: people are working under them.
import { z } from 'zod';
import { suspendExpiredPermits } from '../domain/safety/suspend-expired-permits.js';
import { defineJob } from './job.js';

export const suspendExpiredPermitsJob = defineJob({
  name: 'suspend-expired-permits',
  queue: 'critical',
  schedule: '* * * * *',
  retry: { limit: 3, delaySeconds: 10, backoff: true },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma, timeZone, logger }) => {
    const { suspended } = await suspendExpiredPermits(prisma, timeZone);
    if (suspended.length) logger.warn({ permits: suspended }, 'expired work permits suspended, their orders on hold');
    return { suspended: suspended.length };
  },
});
