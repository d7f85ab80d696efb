// Every 10 minutes: open call-centre tickets past their answer or resolution deadline are told to the
// supervisors who may read them, each deadline once (domain/notifications/triggers/tickets.ts).
import { z } from 'zod';
import { notifyOverdueTickets } from '../domain/notifications/triggers/tickets.js';
import { defineJob } from './job.js';

export const notifyOverdueTicketsJob = defineJob({
  name: 'notify-overdue-tickets',
  queue: 'notifications',
  schedule: '*/10 * * * *',
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma, timeZone }) => ({ told: await notifyOverdueTickets(prisma, timeZone) }),
});
