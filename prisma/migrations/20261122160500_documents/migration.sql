-- CreateTable
CREATE TABLE "documents" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(12) NOT NULL DEFAULT 'OTHER',
    "state" VARCHAR(10) NOT NULL DEFAULT 'DRAFT',
    "asset_id" INTEGER,
    "work_order_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_revisions" (
    "id" SERIAL NOT NULL,
    "document_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "file_key" VARCHAR(512) NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(120) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "uploaded_by_id" INTEGER NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revision_signers" (
    "id" SERIAL NOT NULL,
    "revision_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,

    CONSTRAINT "revision_signers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_signatures" (
    "id" SERIAL NOT NULL,
    "revision_id" INTEGER NOT NULL,
    "signer_id" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_signatures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signature_audits" (
    "id" SERIAL NOT NULL,
    "signature_id" INTEGER NOT NULL,
    "revision_id" INTEGER NOT NULL,
    "signer_id" INTEGER NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "user_agent" VARCHAR(500) NOT NULL,
    "sha256" CHAR(64) NOT NULL,

    CONSTRAINT "signature_audits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "documents_code_key" ON "documents"("code");

-- CreateIndex
CREATE INDEX "documents_asset_id_idx" ON "documents"("asset_id");

-- CreateIndex
CREATE INDEX "documents_work_order_id_idx" ON "documents"("work_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "document_revisions_file_key_key" ON "document_revisions"("file_key");

-- CreateIndex
CREATE UNIQUE INDEX "document_revisions_document_id_number_key" ON "document_revisions"("document_id", "number");

-- CreateIndex
CREATE INDEX "revision_signers_user_id_idx" ON "revision_signers"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "revision_signers_revision_id_user_id_key" ON "revision_signers"("revision_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "document_signatures_revision_id_signer_id_key" ON "document_signatures"("revision_id", "signer_id");

-- CreateIndex
CREATE UNIQUE INDEX "signature_audits_signature_id_key" ON "signature_audits"("signature_id");

-- CreateIndex
CREATE INDEX "signature_audits_revision_id_idx" ON "signature_audits"("revision_id");

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision_signers" ADD CONSTRAINT "revision_signers_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "document_revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision_signers" ADD CONSTRAINT "revision_signers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "document_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_signer_id_fkey" FOREIGN KEY ("signer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signature_audits" ADD CONSTRAINT "signature_audits_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "document_signatures"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signature_audits" ADD CONSTRAINT "signature_audits_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "document_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signature_audits" ADD CONSTRAINT "signature_audits_signer_id_fkey" FOREIGN KEY ("signer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written below this line -------------------------------------------------------------------

ALTER TABLE "documents" ADD CONSTRAINT "documents_kind_check"
  CHECK ("kind" IN ('PROCEDURE', 'DRAWING', 'MANUAL', 'CERTIFICATE', 'REPORT', 'PHOTO', 'OTHER'));
ALTER TABLE "documents" ADD CONSTRAINT "documents_state_check"
  CHECK ("state" IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'OBSOLETE'));
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_number_check" CHECK ("number" >= 1);
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_size_check" CHECK ("size" >= 0);
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "signature_audits" ADD CONSTRAINT "signature_audits_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

-- DOC-YYYY-NNNN, gap-free per year of creation and unique under concurrency: the counter row of the
-- year is incremented in the inserting transaction (a rollback gives the number back), as for orders.
CREATE TABLE "document_counters" (
  "year" integer PRIMARY KEY,
  "last_number" integer NOT NULL CHECK ("last_number" >= 0)
);

CREATE FUNCTION cmms_assign_document_code() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  document_year int := extract(year FROM coalesce(NEW.created_at, now()))::int;
  assigned int;
BEGIN
  IF NEW.code IS NOT NULL AND NEW.code <> '' THEN RETURN NEW; END IF;
  INSERT INTO document_counters (year, last_number)
    SELECT document_year, coalesce(max(substr(code, 10)::int), 0) FROM documents WHERE code LIKE 'DOC-' || document_year || '-%'
    ON CONFLICT (year) DO NOTHING;
  UPDATE document_counters SET last_number = last_number + 1 WHERE year = document_year RETURNING last_number INTO assigned;
  NEW.code := 'DOC-' || document_year || '-' || lpad(assigned::text, 4, '0');
  RETURN NEW;
END $$;

CREATE TRIGGER "documents_code" BEFORE INSERT ON "documents"
  FOR EACH ROW EXECUTE FUNCTION cmms_assign_document_code();

-- Signatures and their audit are evidence: once written, nobody changes or removes them, not even
-- through the application's own connection (the trigger holds for every role; the REVOKE documents it).
-- Truncating an empty table destroys nothing (a demo plant's --reset cascades through here): allowed.
CREATE FUNCTION cmms_signature_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  has_rows boolean := true;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I)', TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO has_rows;
  END IF;
  IF has_rows THEN
    RAISE EXCEPTION '% is immutable: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "signature_audits_immutable" BEFORE UPDATE OR DELETE ON "signature_audits"
  FOR EACH ROW EXECUTE FUNCTION cmms_signature_is_immutable();
CREATE TRIGGER "signature_audits_no_truncate" BEFORE TRUNCATE ON "signature_audits"
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_signature_is_immutable();
CREATE TRIGGER "document_signatures_immutable" BEFORE UPDATE OR DELETE ON "document_signatures"
  FOR EACH ROW EXECUTE FUNCTION cmms_signature_is_immutable();
CREATE TRIGGER "document_signatures_no_truncate" BEFORE TRUNCATE ON "document_signatures"
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_signature_is_immutable();
REVOKE UPDATE, DELETE, TRUNCATE ON "signature_audits", "document_signatures" FROM PUBLIC;

-- A stored revision is what was signed: its file, size and hash never change after upload.
CREATE FUNCTION cmms_revision_file_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.file_key IS DISTINCT FROM OLD.file_key OR NEW.sha256 IS DISTINCT FROM OLD.sha256 OR NEW.size IS DISTINCT FROM OLD.size
     OR NEW.document_id IS DISTINCT FROM OLD.document_id OR NEW.number IS DISTINCT FROM OLD.number THEN
    RAISE EXCEPTION 'a document revision''s file cannot be changed: upload a new revision' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "document_revisions_file_fixed" BEFORE UPDATE ON "document_revisions"
  FOR EACH ROW EXECUTE FUNCTION cmms_revision_file_is_fixed();

-- Required signers are named on the current revision of a document still open to signatures (draft or
-- in review): naming one on an approved document would leave it "approved" without that signature.
CREATE FUNCTION cmms_check_revision_signer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM document_revisions r JOIN documents d ON d.id = r.document_id
     WHERE r.id = NEW.revision_id AND d.state IN ('DRAFT', 'IN_REVIEW')
       AND r.number = (SELECT max(number) FROM document_revisions WHERE document_id = r.document_id)) THEN
    RAISE EXCEPTION 'new row for relation "revision_signers" violates check constraint "revision_signers_revision_check"'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'revision_signers_revision_check';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "revision_signers_open_revision" BEFORE INSERT OR UPDATE ON "revision_signers"
  FOR EACH ROW EXECUTE FUNCTION cmms_check_revision_signer();

-- Change history for the new business tables (as in *_change_history).
SELECT cmms_record_history_of(ARRAY['documents', 'document_revisions', 'revision_signers', 'document_signatures', 'signature_audits']);
