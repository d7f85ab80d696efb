// Every day at 07:30 plant time: recipients who have not acknowledged a transmittal by its day are told
// to its sender, once each (domain/transmittals/notify-overdue-acknowledgements.ts).
import { z } from 'zod';
import { notifyOverdueAcknowledgements } from '../domain/transmittals/notify-overdue-acknowledgements.js';
import { defineJob } from './job.js';

export const notifyOverdueTransmittalsJob = defineJob({
  name: 'notify-overdue-transmittals',
  queue: 'notifications',
  schedule: '30 7 * * *',
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma, timeZone }) => notifyOverdueAcknowledgements(prisma, timeZone),
});
