// Embedding the passages: those without a vector of the configured model get one, in batches of the
// provider's size, up to a budget per run (the job runs every minute, so the budget is per minute). A
// failed call stops the run with what was stored so far kept; the job's retries take it from there.
import type { EmbeddingProvider } from '../../../integrations/ai/index.js';
import { chunksWithoutEmbedding, storeEmbeddings, type SqlClient } from './vector-store.js';

/** The stored vectors' model: name and size together (a change of either means re-embedding). */
export const embeddingModelKey = (provider: Pick<EmbeddingProvider, 'model' | 'dimensions'>) => `${provider.model}@${provider.dimensions}`;

/** The text a passage is embedded from: its heading gives the body its context. */
export const textToEmbed = (chunk: { heading: string | null; text: string }) => (chunk.heading ? `${chunk.heading}\n${chunk.text}` : chunk.text);

export async function embedPendingChunks(
  sql: SqlClient,
  provider: EmbeddingProvider,
  options: { batchSize: number; budget: number },
): Promise<{ embedded: number; left: boolean }> {
  const model = embeddingModelKey(provider);
  let embedded = 0;
  while (embedded < options.budget) {
    const chunks = await chunksWithoutEmbedding(sql, model, Math.min(options.batchSize, options.budget - embedded));
    if (chunks.length === 0) return { embedded, left: false };
    const vectors = await provider.embed(chunks.map(textToEmbed));
    await storeEmbeddings(sql, model, provider.dimensions, chunks.map((chunk, i) => ({ chunkId: chunk.id, vector: vectors[i]! })));
    embedded += chunks.length;
  }
  return { embedded, left: (await chunksWithoutEmbedding(sql, model, 1)).length > 0 };
}
