// The daily health assessment, 06:00 plant time (issue 25): failure models per category, each asset's
// 30-day risk and health score, each measurement point's trend (and the work requests of predicted
// crossings). Once per plant day: a retry or "Ejecutar ahora" later the same day finds the day done and
// does nothing, unless the payload says `force` (then it recomputes, still raising no request twice).
import { z } from 'zod';
import { assessAssetHealth } from '../domain/health/assess-asset-health.js';
import { defineJob } from './job.js';

const Payload = z.object({ force: z.boolean().optional() });

export const assessAssetHealthJob = defineJob({
  name: 'assess-asset-health',
  queue: 'reports',
  schedule: '0 6 * * *',
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  parse: (data) => Payload.parse(data ?? {}),
  handle: async (payload, { prisma, timeZone, logger }) => {
    const outcome = await assessAssetHealth(prisma, { timeZone, force: payload.force });
    logger.info(outcome, outcome.skipped ? 'asset health already assessed today' : 'asset health assessed');
    return outcome;
  },
});
