-- AlterTable
ALTER TABLE "document_revisions" ADD COLUMN     "ocr_attempts" INTEGER NOT NULL DEFAULT 0;



-- Hand-written: a scan waits for the OCR webhook in its own state.
ALTER TABLE "document_revisions" DROP CONSTRAINT "document_revisions_text_state_check";
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_text_state_check"
  CHECK ("text_state" IN ('PENDING', 'EXTRACTED', 'NO_TEXT', 'OCR_PENDING', 'UNSUPPORTED', 'FAILED'));
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_ocr_attempts_check" CHECK ("ocr_attempts" >= 0);

-- Semantic search: one vector per passage, only where the database has pgvector (the production image
-- does; the embedded PostgreSQL does not). Elsewhere this block does nothing and says so, and the
-- application detects the missing table at start (domain/documents/semantic/) and searches by full text.
-- The table is kept out of the Prisma schema (Prisma has no vector type); its SQL is vector-store.ts.
-- The column takes vectors of any size; each model's rows are compared at their own size through an
-- HNSW index per dimension, made at start for the configured model (ensureVectorIndex).
-- vector:begin
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS vector;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pgvector is available but this role may not create it (CREATE EXTENSION vector as a superuser): semantic search stays off';
      RETURN;
    END;
    CREATE TABLE IF NOT EXISTS document_chunk_embeddings (
      chunk_id integer PRIMARY KEY REFERENCES document_chunks (id) ON DELETE CASCADE,
      model varchar(200) NOT NULL,
      dimensions integer NOT NULL CHECK (dimensions BETWEEN 1 AND 2000),
      embedding vector NOT NULL,
      embedded_at timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT document_chunk_embeddings_size_check CHECK (vector_dims(embedding) = dimensions)
    );
    CREATE INDEX IF NOT EXISTS document_chunk_embeddings_model_idx ON document_chunk_embeddings (model);
  ELSE
    RAISE NOTICE 'pgvector is not installed: semantic search stays off, full-text search works';
  END IF;
END
$$;
-- vector:end
