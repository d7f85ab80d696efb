// Daily clean-up of temporary exports (Excel downloads, error reports) older than a day.
import { z } from 'zod';
import { defineJob } from './job.js';

export const TEMPORARY_EXPORTS_PREFIX = 'tmp/exports/';

const payloadSchema = z.object({ olderThanHours: z.number().positive().default(24) });

export const cleanTemporaryExportsJob = defineJob({
  name: 'clean-temporary-exports',
  queue: 'default',
  schedule: '30 2 * * *',
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  parse: (data) => payloadSchema.parse(data ?? {}),
  handle: async ({ olderThanHours }, { storage, logger }) => {
    const cutoff = Date.now() - olderThanHours * 3_600_000;
    let deleted = 0;
    for await (const object of storage.list(TEMPORARY_EXPORTS_PREFIX)) {
      if (object.lastModified.getTime() < cutoff) {
        await storage.delete(object.key);
        deleted++;
      }
    }
    logger.info({ deleted }, 'temporary exports cleaned');
    return { deleted };
  },
});
