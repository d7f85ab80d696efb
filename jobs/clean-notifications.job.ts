// Daily: notifications and their delivery log are kept 90 days.
import { z } from 'zod';
import { removeOldNotifications } from '../domain/notifications/centre.js';
import { defineJob } from './job.js';

export const cleanNotificationsJob = defineJob({
  name: 'clean-notifications',
  queue: 'notifications',
  schedule: '40 3 * * *',
  retry: { limit: 1, delaySeconds: 300, backoff: false },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma }) => ({ removed: await removeOldNotifications(prisma) }),
});
