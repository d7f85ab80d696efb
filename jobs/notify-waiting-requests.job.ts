// Every hour: work requests waiting longer than WORK_REQUEST_WAITING_HOURS are told to those who may
// convert them, once each.
import { z } from 'zod';
import { notifyWaitingRequests } from '../domain/notifications/triggers/work-requests.js';
import { defineJob } from './job.js';

export const notifyWaitingRequestsJob = defineJob({
  name: 'notify-waiting-requests',
  queue: 'notifications',
  schedule: '5 * * * *',
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma, workRequestWaitingHours }) => ({ told: await notifyWaitingRequests(prisma, workRequestWaitingHours) }),
});
