// What the database itself starts: a condition request opened by the readings trigger, and signers
// named on a revision. Their tables NOTIFY the dispatcher, which queues this job at once; the schedule
// catches anything written while no worker listened. Told once each (unique event keys).
import { z } from 'zod';
import { notifyPendingSignatures } from '../domain/notifications/triggers/documents-and-requisitions.js';
import { notifyConditionRequests } from '../domain/notifications/triggers/work-requests.js';
import { defineJob } from './job.js';

export const notifyFromDatabaseJob = defineJob({
  name: 'notify-from-database',
  queue: 'notifications',
  schedule: '*/5 * * * *',
  retry: { limit: 2, delaySeconds: 10, backoff: true },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma }) => ({
    conditions: await notifyConditionRequests(prisma),
    signatures: await notifyPendingSignatures(prisma),
  }),
});
