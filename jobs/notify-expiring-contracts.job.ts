// Daily at 07:00 plant time: service contracts entering their renewal window tell their owner, once per
// contract and window (domain/services/contracts/expiring-contracts.ts).
import { z } from 'zod';
import { notifyExpiringContracts } from '../domain/services/contracts/expiring-contracts.js';
import { defineJob } from './job.js';

export const notifyExpiringContractsJob = defineJob({
  name: 'notify-expiring-contracts',
  queue: 'notifications',
  schedule: '0 7 * * *',
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma, timeZone }) => {
    const { due, told } = await notifyExpiringContracts(prisma, timeZone);
    return { due, told: told.length };
  },
});
