// Whether semantic search is on, decided once at start: a configured embeddings provider AND a database
// with pgvector and the embeddings table. Otherwise the page says why, and full-text search works alone.
import type { EmbeddingProvider } from '../../../integrations/ai/index.js';
import { detectVectorStore, ensureVectorIndex, type SqlClient } from './vector-store.js';

export interface SemanticSearch {
  provider: EmbeddingProvider;
  /** Where the vectors are: the application's pool in production. */
  sql: SqlClient;
}

export type SemanticState = { on: true; search: SemanticSearch } | { on: false; reason: 'notConfigured' | 'noExtension' | 'noTable' | 'unavailable' };

export async function detectSemanticSearch(sql: SqlClient, provider: EmbeddingProvider | null): Promise<SemanticState> {
  if (!provider) return { on: false, reason: 'notConfigured' };
  const support = await detectVectorStore(sql);
  if (!support.available) return { on: false, reason: support.reason };
  await ensureVectorIndex(sql, provider.dimensions);
  return { on: true, search: { provider, sql } };
}
