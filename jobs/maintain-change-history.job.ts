// Daily upkeep of the change history's monthly partitions: the next months exist before they are
// needed, and months past the retention period (HISTORY_RETENTION_MONTHS, 0 = forever) are dropped whole.
import { z } from 'zod';
import { defineJob } from './job.js';

export const MONTHS_AHEAD = 3;

export const maintainChangeHistoryJob = defineJob({
  name: 'maintain-change-history',
  queue: 'default',
  schedule: '15 1 * * *',
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { pool, historyRetentionMonths, logger }) => {
    const created = (await pool.query<{ n: number }>('SELECT cmms_ensure_history_partitions($1) AS n', [MONTHS_AHEAD])).rows[0]!.n;
    let dropped = 0;
    if (historyRetentionMonths > 0) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT cmms_drop_history_partitions_before((date_trunc('month', now()) - make_interval(months => $1))::date) AS n`,
        [historyRetentionMonths],
      );
      dropped = rows[0]!.n;
    }
    logger.info({ created, dropped, retentionMonths: historyRetentionMonths }, 'change history partitions maintained');
    return { created, dropped };
  },
});
