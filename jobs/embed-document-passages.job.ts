// Semantic search's vectors: every minute on the sync queue, passages without a vector of the configured
// model get one from the embeddings provider, in batches, up to EMBEDDINGS_PER_MINUTE. Does nothing where
// no provider is configured or the database has no pgvector. A provider error fails the run: pg-boss
// retries it, and what was stored before the error stays.
import { z } from 'zod';
import { embedPendingChunks } from '../domain/documents/semantic/embed-chunks.js';
import { detectVectorStore } from '../domain/documents/semantic/vector-store.js';
import { defineJob } from './job.js';

const payloadSchema = z.object({}).strict();

export const embedDocumentPassagesJob = defineJob({
  name: 'embed-document-passages',
  queue: 'sync',
  schedule: '* * * * *',
  retry: { limit: 3, delaySeconds: 20, backoff: true },
  heartbeatSeconds: 120,
  parse: (data) => payloadSchema.parse(data ?? {}),
  handle: async (_payload, { pool, embeddings, logger }) => {
    if (!embeddings) return { embedded: 0, off: 'notConfigured' };
    const support = await detectVectorStore(pool);
    if (!support.available) return { embedded: 0, off: support.reason };
    const outcome = await embedPendingChunks(pool, embeddings.provider, { batchSize: embeddings.batchSize, budget: embeddings.perMinute });
    if (outcome.embedded) logger.info(outcome, 'document passages embedded for semantic search');
    return outcome;
  },
});
