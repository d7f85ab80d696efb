// The passages' embeddings in PostgreSQL with pgvector: raw SQL, since Prisma has no vector type. The
// table (document_chunk_embeddings, migration *_semantic_search) exists only where the `vector` extension
// does; detectVectorStore() says so at start and everything else degrades to full-text search.
// The functions take any client that runs parameterised SQL (pg's Pool, or PGlite in the tests, whose
// pgvector build runs the same statements in-process: the embedded server here has no pgvector).
//
// Vectors of any size share one column; each model's rows are compared only with vectors of that model,
// cast to its dimension, which is what the HNSW index (one per dimension, made by ensureVectorIndex) is on.
import { toSql } from 'pgvector';

export interface SqlClient {
  query<Row>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

export type VectorSupport = { available: true } | { available: false; reason: 'noExtension' | 'noTable' };

export async function detectVectorStore(sql: SqlClient): Promise<VectorSupport> {
  const [row] = (
    await sql.query<{ extension: boolean; store: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS extension,
              to_regclass('document_chunk_embeddings') IS NOT NULL AS store`,
    )
  ).rows;
  if (!row?.extension) return { available: false, reason: 'noExtension' };
  if (!row.store) return { available: false, reason: 'noTable' };
  return { available: true };
}

const dimensionsOf = (dimensions: number) => {
  // Interpolated into SQL (a type modifier cannot be a parameter): only a plain integer in pgvector's range.
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 2000) throw new RangeError(`${dimensions} dimensions: HNSW indexes take 1 to 2000`);
  return dimensions;
};

/** The HNSW index for this dimension (cosine distance); made once, kept for later starts. */
export async function ensureVectorIndex(sql: SqlClient, dimensions: number): Promise<void> {
  const n = dimensionsOf(dimensions);
  await sql.query(
    `CREATE INDEX IF NOT EXISTS document_chunk_embeddings_hnsw_${n} ON document_chunk_embeddings
       USING hnsw ((embedding::vector(${n})) vector_cosine_ops) WHERE dimensions = ${n}`,
  );
}

/** Passages that have no vector of this model yet, oldest first. */
export async function chunksWithoutEmbedding(sql: SqlClient, model: string, limit: number): Promise<{ id: number; heading: string | null; text: string }[]> {
  const { rows } = await sql.query<{ id: number; heading: string | null; text: string }>(
    `SELECT c.id, c.heading, c.text FROM document_chunks c
     WHERE NOT EXISTS (SELECT 1 FROM document_chunk_embeddings e WHERE e.chunk_id = c.id AND e.model = $1)
     ORDER BY c.id LIMIT $2`,
    [model, limit],
  );
  return rows;
}

/** Stores vectors (replacing a passage's vector of another model); a passage deleted meanwhile is skipped. */
export async function storeEmbeddings(sql: SqlClient, model: string, dimensions: number, vectors: { chunkId: number; vector: number[] }[]): Promise<number> {
  if (vectors.length === 0) return 0;
  const { rows } = await sql.query<{ chunk_id: number }>(
    `INSERT INTO document_chunk_embeddings (chunk_id, model, dimensions, embedding)
     SELECT v.chunk_id, $1, $2, v.embedding::vector
     FROM unnest($3::int[], $4::text[]) AS v(chunk_id, embedding)
     WHERE EXISTS (SELECT 1 FROM document_chunks c WHERE c.id = v.chunk_id)
     ON CONFLICT (chunk_id) DO UPDATE SET model = EXCLUDED.model, dimensions = EXCLUDED.dimensions, embedding = EXCLUDED.embedding, embedded_at = now()
     RETURNING chunk_id`,
    [model, dimensions, vectors.map((v) => v.chunkId), vectors.map((v) => toSql(v.vector) as string)],
  );
  return rows.length;
}

/**
 * The passages nearest to a question's vector, among those of the given revisions only (the ones the
 * person may read: never a passage from elsewhere), nearest first.
 */
export async function nearestChunks(
  sql: SqlClient,
  query: { model: string; vector: number[]; revisionIds: number[]; limit: number },
): Promise<{ chunkId: number; distance: number }[]> {
  const n = dimensionsOf(query.vector.length);
  if (query.revisionIds.length === 0) return [];
  const { rows } = await sql.query<{ chunk_id: number; distance: number }>(
    `SELECT e.chunk_id, e.embedding::vector(${n}) <=> $1::vector(${n}) AS distance
     FROM document_chunk_embeddings e JOIN document_chunks c ON c.id = e.chunk_id
     WHERE e.model = $2 AND e.dimensions = ${n} AND c.revision_id = ANY($3::int[])
     ORDER BY e.embedding::vector(${n}) <=> $1::vector(${n})
     LIMIT $4`,
    [toSql(query.vector), query.model, query.revisionIds, query.limit],
  );
  return rows.map((row) => ({ chunkId: row.chunk_id, distance: Number(row.distance) }));
}

/** `npm run embeddings:reset`: drops every stored vector, so the job embeds all passages again with the configured model. */
export async function forgetEmbeddings(sql: SqlClient): Promise<number> {
  const { rows } = await sql.query<{ count: string }>(`WITH gone AS (DELETE FROM document_chunk_embeddings RETURNING 1) SELECT count(*)::text AS count FROM gone`);
  return Number(rows[0]?.count ?? 0);
}
