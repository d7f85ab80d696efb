// 01:30 plant time: yesterday's consumption of every energy meter against its usual on that weekday; a meter
// out of pattern is told to the supervisors who may read it, once per meter and day (run twice, or retried,
// it tells nobody twice). Half past one leaves readings sent at midnight by SCADA time to arrive.
import { z } from 'zod';
import { todayIn } from '../domain/dates.js';
import { checkEnergyPatterns } from '../domain/energy/out-of-pattern.js';
import { defineJob } from './job.js';

export const checkEnergyPatternsJob = defineJob({
  name: 'check-energy-patterns',
  queue: 'notifications',
  schedule: '30 1 * * *',
  retry: { limit: 2, delaySeconds: 300, backoff: true },
  // A day may be asked for (a re-check after late readings); by default, yesterday in plant time.
  parse: (data) => z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).passthrough().parse(data ?? {}),
  handle: async (payload, { prisma, timeZone, logger }) => {
    const day = payload.day ? new Date(`${payload.day}T00:00:00Z`) : new Date(todayIn(timeZone).getTime() - 86_400_000);
    const check = await checkEnergyPatterns(prisma, day, timeZone);
    logger.info({ day: day.toISOString().slice(0, 10), ...check }, 'energy patterns checked');
    return check;
  },
});
