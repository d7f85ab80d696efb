// Every 15 minutes: stock levels at or below their reorder point are told to the storeroom and the
// supervisors, once per fall, each with a draft requisition (domain/notifications/triggers/stock-alerts.ts).
import { z } from 'zod';
import { notifyReorders } from '../domain/notifications/triggers/stock-alerts.js';
import { defineJob } from './job.js';

export const notifyReordersJob = defineJob({
  name: 'notify-reorders',
  queue: 'notifications',
  schedule: '*/15 * * * *',
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma }) => notifyReorders(prisma),
});
