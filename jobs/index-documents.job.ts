// Reading new document revisions for search: every minute, and at once after an upload (the upload sends
// it). A run takes up to a batch of waiting revisions; several runs at once take different ones.
import { z } from 'zod';
import { indexPendingRevisions } from '../domain/documents/text/index-revisions.js';
import { defineJob } from './job.js';

const payloadSchema = z.object({ batch: z.number().int().positive().max(500).default(50) });

export const indexDocumentsJob = defineJob({
  name: 'index-documents',
  queue: 'default',
  schedule: '* * * * *',
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  heartbeatSeconds: 120,
  parse: (data) => payloadSchema.parse(data ?? {}),
  handle: async ({ batch }, { prisma, storage, ocr, logger }) => {
    const outcomes = await indexPendingRevisions(prisma, storage, { batch, ocr: Boolean(ocr) });
    if (outcomes.length) logger.info({ revisions: outcomes }, 'document revisions read for search');
    return { revisions: outcomes.length, failed: outcomes.filter((outcome) => outcome.state === 'FAILED').length };
  },
});
