// 07:00 plant time: corrective actions past their due date are told to their owners and their managers
// (domain/audits/notify-overdue-actions.ts); once per action and day, so a retry tells nobody twice.
import { z } from 'zod';
import { todayIn } from '../domain/dates.js';
import { notifyOverdueCorrectiveActions } from '../domain/audits/notify-overdue-actions.js';
import { defineJob } from './job.js';

export const notifyOverdueActionsJob = defineJob({
  name: 'notify-overdue-actions',
  queue: 'notifications',
  schedule: '0 7 * * *',
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma, timeZone, logger }) => {
    const outcome = await notifyOverdueCorrectiveActions(prisma, todayIn(timeZone));
    logger.info(outcome, 'overdue corrective actions told');
    return outcome;
  },
});
