// 07:00 plant time: each technician is told of his orders that went overdue, and each supervisor gets
// one digest of the overdue orders in his area (his row rules). Run twice, it tells nobody twice.
import { z } from 'zod';
import { todayIn } from '../domain/dates.js';
import { notifyOverdueOrders, sendOverdueDigest } from '../domain/notifications/triggers/work-orders.js';
import { defineJob } from './job.js';

export const notifyOverdueOrdersJob = defineJob({
  name: 'notify-overdue-orders',
  queue: 'notifications',
  schedule: '0 7 * * *',
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma, timeZone, logger }) => {
    const today = todayIn(timeZone);
    const technicians = await notifyOverdueOrders(prisma, today);
    const digest = await sendOverdueDigest(prisma, today);
    logger.info({ technicians, supervisors: digest.supervisors }, 'overdue orders told');
    return { technicians, supervisors: digest.supervisors };
  },
});
