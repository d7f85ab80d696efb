// Preventive generation, every day at 06:00 plant time: each active schedule's orders due up to today.
// A payload may name the day (catching up a missed one) and the schedules; the operation is idempotent,
// so a retry after a failure, or a second worker running it at the same time, creates nothing twice.
import { z } from 'zod';
import { todayIn } from '../domain/dates.js';
import { generatePreventiveOrders } from '../domain/maintenance/generate-preventive-orders.js';
import { defineJob } from './job.js';

const Payload = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  scheduleIds: z.array(z.number().int().positive()).optional(),
});

export const generatePreventiveOrdersJob = defineJob({
  name: 'generate-preventive-orders',
  queue: 'critical',
  schedule: '0 6 * * *',
  retry: { limit: 5, delaySeconds: 120, backoff: true },
  parse: (data) => Payload.parse(data ?? {}),
  handle: async (payload, { prisma, timeZone, logger }) => {
    const day = payload.day ? new Date(`${payload.day}T00:00:00Z`) : todayIn(timeZone);
    const result = await generatePreventiveOrders(prisma, null, { day, timeZone, scheduleIds: payload.scheduleIds });
    logger.info(result, 'preventive orders generated');
    return result;
  },
});
