-- Hand-written (no Prisma model: tsvector is a type Prisma cannot say, as document_chunk_embeddings).
-- Search of a million passages spent most of its time reading each matched passage's search_vector out of
-- TOAST to rank it (a 2.8 kB vector, 15 000 matches for two common words) and joining each to its
-- revision for the document. The words to search now live in a narrow table of their own: a row is the
-- passage, its document, its language and the heading's words (a few bytes, kept in the row), while the
-- whole passage's vector is always stored out of line (toast_tuple_target = 128, STORAGE EXTERNAL). So
-- matching, the reader's rights and the count touch ~60 bytes a passage (the table's pages stay cached),
-- and only the passages actually ranked read their vector (domain/documents/text/search-documents.ts).
CREATE TABLE "document_chunk_search" (
    "chunk_id" INTEGER NOT NULL,
    "document_id" INTEGER NOT NULL,
    "language" VARCHAR(2) NOT NULL,
    "heading_vector" tsvector,
    "search_vector" tsvector NOT NULL,

    CONSTRAINT "document_chunk_search_pkey" PRIMARY KEY ("chunk_id"),
    CONSTRAINT "document_chunk_search_chunk_id_fkey" FOREIGN KEY ("chunk_id") REFERENCES "document_chunks"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "document_chunk_search_language_check" CHECK ("language" IN ('es', 'en'))
) WITH (toast_tuple_target = 128);
ALTER TABLE "document_chunk_search"
  ALTER COLUMN "search_vector" SET STORAGE EXTERNAL,
  ALTER COLUMN "heading_vector" SET STORAGE MAIN;

-- Kept by the database whoever writes passages (the indexing job, OCR, a bulk load): the heading weighs
-- more than the body (A against D), as before. One statement per insert, however many passages.
CREATE FUNCTION document_chunk_search_of_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM document_chunk_search s USING added a WHERE s.chunk_id = a.id;
  INSERT INTO document_chunk_search (chunk_id, document_id, language, heading_vector, search_vector)
  SELECT a.id, r.document_id, a.language, h.heading_vector, coalesce(h.heading_vector, ''::tsvector) || to_tsvector(h.config, a.text)
  FROM added a
  JOIN document_revisions r ON r.id = a.revision_id
  CROSS JOIN LATERAL (
    SELECT CASE a.language WHEN 'en' THEN 'cmms_en' ELSE 'cmms_es' END::regconfig AS config
  ) l
  CROSS JOIN LATERAL (
    SELECT l.config, CASE WHEN a.heading IS NULL THEN NULL ELSE setweight(to_tsvector(l.config, a.heading), 'A') END AS heading_vector
  ) h;
  RETURN NULL;
END $$;
CREATE TRIGGER "document_chunks_search_insert" AFTER INSERT ON "document_chunks"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION document_chunk_search_of_added();
CREATE TRIGGER "document_chunks_search_update" AFTER UPDATE ON "document_chunks"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION document_chunk_search_of_added();

-- The passages already read keep their vectors (copied, not computed again).
INSERT INTO "document_chunk_search" ("chunk_id", "document_id", "language", "heading_vector", "search_vector")
SELECT c."id", r."document_id", c."language",
       CASE WHEN c."heading" IS NULL THEN NULL
            ELSE setweight(to_tsvector(CASE c."language" WHEN 'en' THEN 'cmms_en' ELSE 'cmms_es' END::regconfig, c."heading"), 'A') END,
       c."search_vector"
FROM "document_chunks" c JOIN "document_revisions" r ON r."id" = c."revision_id";

DROP INDEX "document_chunks_search_vector_idx";
ALTER TABLE "document_chunks" DROP COLUMN "search_vector";

-- One GIN index per language: a query's condition is then wholly the index's, so matching a passage
-- never reads its vector (with a language column beside the vector, the OR of both languages was
-- re-checked on every matched row, reading each vector).
CREATE INDEX "document_chunk_search_es_idx" ON "document_chunk_search" USING GIN ("search_vector") WHERE "language" = 'es';
CREATE INDEX "document_chunk_search_en_idx" ON "document_chunk_search" USING GIN ("search_vector") WHERE "language" = 'en';
CREATE INDEX "document_chunk_search_document_id_idx" ON "document_chunk_search" ("document_id");
