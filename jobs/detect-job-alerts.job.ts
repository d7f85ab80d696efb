// Every five minutes: the administrators' alerts about the jobs themselves (exhausted retries, a queue
// too deep for too long, a late schedule), logged and told to them as notifications, each event once.
import { z } from 'zod';
import { defineJob } from './job.js';
import { detectJobAlerts } from './monitor/detect-job-alerts.js';
import { notifyJobAlerts } from '../domain/notifications/triggers/job-alerts.js';

export const detectJobAlertsJob = defineJob({
  name: 'detect-job-alerts',
  queue: 'critical',
  schedule: '*/5 * * * *',
  // The next pass comes five minutes later: one quick retry, no pile-up.
  retry: { limit: 1, delaySeconds: 30, backoff: false },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma, pool, jobAlerts, logger, timeZone }) => {
    const alerts = await detectJobAlerts(prisma, pool, jobAlerts);
    for (const alert of alerts) logger.warn({ kind: alert.kind, eventKey: alert.eventKey, values: alert.values, recipients: alert.recipients.length }, 'job alert');
    // A finding already told (same event key) tells nobody again.
    return { alerts: alerts.length, told: await notifyJobAlerts(prisma, alerts, timeZone) };
  },
});
