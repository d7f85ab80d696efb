// Scans and photos sent to the OCR webhook: every minute, while OCR_URL is set. Each failed call is
// counted on its revision (read-scans.ts); the job itself fails only when the storage does, and pg-boss
// retries it.
import { z } from 'zod';
import { readScannedRevisions } from '../domain/documents/text/read-scans.js';
import { defineJob } from './job.js';

// Without a batch in the payload, a run sends at most OCR_PER_MINUTE files (the service's budget).
const payloadSchema = z.object({ batch: z.number().int().positive().max(100).optional() });

export const readScannedDocumentsJob = defineJob({
  name: 'read-scanned-documents',
  queue: 'sync',
  schedule: '* * * * *',
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  heartbeatSeconds: 120,
  parse: (data) => payloadSchema.parse(data ?? {}),
  handle: async ({ batch }, { prisma, storage, ocr, logger }) => {
    if (!ocr) return { revisions: 0, off: 'notConfigured' };
    const outcomes = await readScannedRevisions(prisma, storage, ocr, { batch: batch ?? ocr.perMinute });
    if (outcomes.length) logger.info({ revisions: outcomes }, 'scanned documents sent to OCR');
    return { revisions: outcomes.length, failed: outcomes.filter((outcome) => outcome.state === 'FAILED').length };
  },
});
