// Bulk Excel import of one ImportRun (issue 7). Heartbeats every few seconds, so if the worker dies
// the job is retried within about heartbeatSeconds and resumes where the run's checkpoint says.
import { z } from 'zod';
import { runImport } from '../domain/imports/run-import.js';
import { notifyImportFinished } from '../domain/notifications/triggers/documents-and-requisitions.js';
import { defineJob } from './job.js';

// Rows per statement and per commit: larger batches spend less on commits and counters; 5 000 parsed
// rows are a few megabytes.
export const IMPORT_BATCH_SIZE = 5_000;

const payloadSchema = z.object({ importRunId: z.number().int().positive(), maxRows: z.number().int().positive() });

export const importWorkbookJob = defineJob({
  name: 'import-workbook',
  queue: 'default',
  retry: { limit: 3, delaySeconds: 5, backoff: true },
  heartbeatSeconds: 10,
  parse: (data) => payloadSchema.parse(data),
  handle: async ({ importRunId, maxRows }, context) => {
    const settings = { maxRows, batchSize: IMPORT_BATCH_SIZE, timeZone: context.timeZone };
    try {
      const state = await runImport(context, importRunId, settings, context.jobId);
      // Whoever started it is told it finished (issue 18).
      await notifyImportFinished(context.prisma, importRunId);
      return { state };
    } catch (error) {
      // Out of retries: the run says so instead of staying "en curso" for ever.
      if (context.retryCount >= importWorkbookJob.retry.limit) {
        await context.prisma.importRun.update({
          where: { id: importRunId },
          data: { state: 'FAILED', finishedAt: new Date(), errorMessage: `Error interno al importar: ${(error as Error).message}` },
        });
        await notifyImportFinished(context.prisma, importRunId);
      }
      throw error;
    }
  },
});
