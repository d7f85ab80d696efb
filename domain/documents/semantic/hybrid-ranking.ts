// The hybrid ranking of passages: the full-text ranking and the nearest vectors of the question, both
// limited to the revisions the person may read, fused by reciprocal rank. Used by the search page and by
// "Preguntar a los documentos" when semantic search is on.
import type { Db } from '../../../prisma/client.js';
import { ProviderError } from '../../../integrations/ai/index.js';
import { MATCHED_PASSAGES, RANKED_PASSAGES } from '../text/ranked-passages.js';
import { embeddingModelKey } from './embed-chunks.js';
import { fuseRankings } from './fuse-rankings.js';
import type { SemanticSearch } from './semantic-search.js';
import { nearestChunks } from './vector-store.js';

/** How many passages each side contributes before fusion. */
export const CANDIDATES_PER_SIDE = 100;

export interface RankedChunk {
  chunkId: number;
  documentId: number;
  score: number;
}

/**
 * Passages of the given documents, best first. `semantic` false: the vector side could not be asked
 * (the provider is down); the ranking is then full-text alone rather than an error.
 */
export async function rankChunksHybrid(
  db: Db,
  semantic: SemanticSearch,
  text: string,
  documentIds: number[],
  options: { anyWord?: boolean } = {},
): Promise<{ chunks: RankedChunk[]; semantic: boolean }> {
  const fullText = await rankChunksFullText(db, text, documentIds, { anyWord: options.anyWord, limit: CANDIDATES_PER_SIDE });
  let nearest: { chunkId: number }[] = [];
  let semanticUsed = true;
  try {
    const [vector] = await semantic.provider.embed([text]);
    const revisions = await db.$queryRaw<{ revision_id: number }[]>`
      SELECT DISTINCT c.revision_id FROM document_chunks c JOIN document_revisions r ON r.id = c.revision_id
      WHERE r.document_id = ANY(${documentIds}::int[])`;
    nearest = await nearestChunks(semantic.sql, { model: embeddingModelKey(semantic.provider), vector: vector!, revisionIds: revisions.map((row) => row.revision_id), limit: CANDIDATES_PER_SIDE });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    semanticUsed = false;
  }
  const fused = fuseRankings([fullText.map((chunk) => chunk.chunkId), nearest.map((row) => row.chunkId)]);
  if (fused.length === 0) return { chunks: [], semantic: semanticUsed };
  // The document of each passage, read again from the main database (never trusted from the vector side).
  const owners = await db.$queryRaw<{ id: number; document_id: number }[]>`
    SELECT c.id, r.document_id FROM document_chunks c JOIN document_revisions r ON r.id = c.revision_id
    WHERE c.id = ANY(${fused.map((item) => item.id)}::int[]) AND r.document_id = ANY(${documentIds}::int[])`;
  const documentOf = new Map(owners.map((row) => [row.id, row.document_id]));
  return {
    chunks: fused.filter((item) => documentOf.has(item.id)).map((item) => ({ chunkId: item.id, documentId: documentOf.get(item.id)!, score: item.score })),
    semantic: semanticUsed,
  };
}

/**
 * Passages of the given documents ranked by full text alone. `anyWord`: a question's words are OR-ed
 * (websearch_to_tsquery ANDs them, and a question's "cuál" is in no manual); phrases stay phrases.
 * Ranked as the search page ranks (text/ranked-passages.ts: bounded, every match counted).
 */
export async function rankChunksFullText(db: Db, text: string, documentIds: number[], options: { anyWord?: boolean; limit: number }): Promise<RankedChunk[]> {
  const anyWord = options.anyWord ?? false;
  const rows = await db.$queryRawUnsafe<{ id: number; document_id: number; rank: number }[]>(
    `WITH typed AS (SELECT websearch_to_tsquery('cmms_es', $1) AS es, websearch_to_tsquery('cmms_en', $1) AS en),
    query AS (
      SELECT CASE WHEN $2 THEN replace(es::text, ' & ', ' | ')::tsquery ELSE es END AS es,
             CASE WHEN $2 THEN replace(en::text, ' & ', ' | ')::tsquery ELSE en END AS en
      FROM typed
    ), matched AS MATERIALIZED (
      ${MATCHED_PASSAGES} AND s.document_id = ANY($3::int[])
    ), ${RANKED_PASSAGES(0)}
    SELECT chunk_id AS id, document_id, rank::float8 AS rank FROM placed
    ORDER BY rank DESC, chunk_id
    LIMIT ${Math.trunc(options.limit)}`,
    text,
    anyWord,
    documentIds,
  );
  return rows.map((row) => ({ chunkId: row.id, documentId: row.document_id, score: row.rank }));
}
