-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "language" VARCHAR(2) NOT NULL DEFAULT 'es';

-- AlterTable
ALTER TABLE "document_revisions" ADD COLUMN     "text_error" VARCHAR(500),
ADD COLUMN     "text_pages" INTEGER,
ADD COLUMN     "text_read_at" TIMESTAMPTZ(3),
ADD COLUMN     "text_state" VARCHAR(12) NOT NULL DEFAULT 'PENDING';

-- CreateTable
CREATE TABLE "document_chunks" (
    "id" SERIAL NOT NULL,
    "revision_id" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "page" INTEGER,
    "heading" VARCHAR(200),
    "language" VARCHAR(2) NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "document_chunks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "document_chunks_revision_id_ordinal_key" ON "document_chunks"("revision_id", "ordinal");

-- CreateIndex
CREATE INDEX "document_revisions_text_state_idx" ON "document_revisions"("text_state");

-- AddForeignKey
ALTER TABLE "document_chunks" ADD CONSTRAINT "document_chunks_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "document_revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: closed values.
ALTER TABLE "documents" ADD CONSTRAINT "documents_language_check" CHECK ("language" IN ('es', 'en'));
ALTER TABLE "document_chunks" ADD CONSTRAINT "document_chunks_language_check" CHECK ("language" IN ('es', 'en'));
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_text_state_check"
  CHECK ("text_state" IN ('PENDING', 'EXTRACTED', 'NO_TEXT', 'UNSUPPORTED', 'FAILED'));

-- Full-text search in the plant's two languages, accents folded on both sides (a query for "valvula"
-- finds "válvula"), words reduced to their stems (plural and singular match). unaccent ships with
-- PostgreSQL's contrib, in the embedded server and the production image alike.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION cmms_es (COPY = spanish);
ALTER TEXT SEARCH CONFIGURATION cmms_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION cmms_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION cmms_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- The heading weighs more than the body (A against D).
ALTER TABLE "document_chunks" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  CASE "language"
    WHEN 'en' THEN setweight(to_tsvector('cmms_en'::regconfig, coalesce("heading", '')), 'A') || to_tsvector('cmms_en'::regconfig, "text")
    ELSE setweight(to_tsvector('cmms_es'::regconfig, coalesce("heading", '')), 'A') || to_tsvector('cmms_es'::regconfig, "text")
  END
) STORED;
CREATE INDEX "document_chunks_search_vector_idx" ON "document_chunks" USING GIN ("search_vector");
