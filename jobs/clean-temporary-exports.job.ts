// The daily clean-up of stored files: temporary exports older than a day, and the import workbooks and
// error reports past IMPORT_FILE_RETENTION_DAYS (their ImportRuns stay, with counts and history), and
// document files no revision names (an upload whose process died before recording it).
import { z } from 'zod';
import { removeOrphanDocumentFiles } from '../domain/documents/orphan-files.js';
import { removeExpiredImportFiles } from '../domain/imports/remove-expired-files.js';
import { defineJob } from './job.js';

export const TEMPORARY_EXPORTS_PREFIX = 'tmp/exports/';

const payloadSchema = z.object({ olderThanHours: z.number().positive().default(24) });

export const cleanTemporaryExportsJob = defineJob({
  name: 'clean-temporary-exports',
  queue: 'default',
  schedule: '30 2 * * *',
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  parse: (data) => payloadSchema.parse(data ?? {}),
  handle: async ({ olderThanHours }, { prisma, storage, logger, importFileRetentionDays }) => {
    const cutoff = Date.now() - olderThanHours * 3_600_000;
    let deleted = 0;
    for await (const object of storage.list(TEMPORARY_EXPORTS_PREFIX)) {
      if (object.lastModified.getTime() < cutoff) {
        await storage.delete(object.key);
        deleted++;
      }
    }
    const imports = await removeExpiredImportFiles(prisma, storage, importFileRetentionDays);
    const orphanDocumentFiles = await removeOrphanDocumentFiles(prisma, storage);
    logger.info({ deleted, importRuns: imports.runs, importFiles: imports.objects, importFileRetentionDays, orphanDocumentFiles }, 'temporary exports, expired import files and orphan document files cleaned');
    return { deleted, importRuns: imports.runs, importFiles: imports.objects, orphanDocumentFiles };
  },
});
