// KPI snapshots every 10 minutes (MTBF, MTTR, PM compliance, backlog, overdue by plant, site and asset
// category): the dashboard reads them instead of scanning the orders on every visit.
import { z } from 'zod';
import { computeKpiSnapshots } from '../domain/services/kpis.js';
import { defineJob } from './job.js';

export const computeKpisJob = defineJob({
  name: 'compute-kpis',
  queue: 'reports',
  schedule: '*/10 * * * *',
  // A missed run is replaced by the next one ten minutes later: retry briefly, never pile up.
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma, reports, timeZone, logger }) => {
    const snapshots = await computeKpiSnapshots(prisma, { timeZone, readFrom: reports });
    logger.info({ snapshots }, 'KPI snapshots computed');
    return { snapshots };
  },
});
