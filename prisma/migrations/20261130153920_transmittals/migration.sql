-- CreateTable
CREATE TABLE "external_contacts" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "company" VARCHAR(120),
    "phone" VARCHAR(40),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transmittals" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(16) NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "purpose" VARCHAR(12) NOT NULL DEFAULT 'INFORMATION',
    "message" VARCHAR(4000),
    "sender_id" INTEGER NOT NULL,
    "state" VARCHAR(24) NOT NULL DEFAULT 'DRAFT',
    "acknowledge_by" DATE,
    "sent_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transmittals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transmittal_documents" (
    "id" SERIAL NOT NULL,
    "transmittal_id" INTEGER NOT NULL,
    "revision_id" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,

    CONSTRAINT "transmittal_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transmittal_recipients" (
    "id" SERIAL NOT NULL,
    "transmittal_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "external_contact_id" INTEGER,
    "token_hash" CHAR(64),
    "link_expires_at" TIMESTAMPTZ(3),
    "link_revoked_at" TIMESTAMPTZ(3),
    "emailed_at" TIMESTAMPTZ(3),
    "email_error" VARCHAR(500),

    CONSTRAINT "transmittal_recipients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transmittal_acknowledgements" (
    "id" SERIAL NOT NULL,
    "recipient_id" INTEGER NOT NULL,
    "transmittal_id" INTEGER NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "name" VARCHAR(200) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "user_agent" VARCHAR(500) NOT NULL,

    CONSTRAINT "transmittal_acknowledgements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "external_contacts_email_key" ON "external_contacts"("email");

-- CreateIndex
CREATE UNIQUE INDEX "transmittals_number_key" ON "transmittals"("number");

-- CreateIndex
CREATE INDEX "transmittals_sender_id_idx" ON "transmittals"("sender_id");

-- CreateIndex
CREATE INDEX "transmittals_state_idx" ON "transmittals"("state");

-- CreateIndex
CREATE INDEX "transmittal_documents_revision_id_idx" ON "transmittal_documents"("revision_id");

-- CreateIndex
CREATE UNIQUE INDEX "transmittal_documents_transmittal_id_revision_id_key" ON "transmittal_documents"("transmittal_id", "revision_id");

-- CreateIndex
CREATE UNIQUE INDEX "transmittal_recipients_token_hash_key" ON "transmittal_recipients"("token_hash");

-- CreateIndex
CREATE INDEX "transmittal_recipients_user_id_idx" ON "transmittal_recipients"("user_id");

-- CreateIndex
CREATE INDEX "transmittal_recipients_external_contact_id_idx" ON "transmittal_recipients"("external_contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "transmittal_recipients_transmittal_id_user_id_key" ON "transmittal_recipients"("transmittal_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "transmittal_recipients_transmittal_id_external_contact_id_key" ON "transmittal_recipients"("transmittal_id", "external_contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "transmittal_acknowledgements_recipient_id_key" ON "transmittal_acknowledgements"("recipient_id");

-- CreateIndex
CREATE INDEX "transmittal_acknowledgements_transmittal_id_idx" ON "transmittal_acknowledgements"("transmittal_id");

-- AddForeignKey
ALTER TABLE "transmittals" ADD CONSTRAINT "transmittals_sender_id_fkey" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transmittal_documents" ADD CONSTRAINT "transmittal_documents_transmittal_id_fkey" FOREIGN KEY ("transmittal_id") REFERENCES "transmittals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transmittal_documents" ADD CONSTRAINT "transmittal_documents_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "document_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transmittal_recipients" ADD CONSTRAINT "transmittal_recipients_transmittal_id_fkey" FOREIGN KEY ("transmittal_id") REFERENCES "transmittals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transmittal_recipients" ADD CONSTRAINT "transmittal_recipients_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transmittal_recipients" ADD CONSTRAINT "transmittal_recipients_external_contact_id_fkey" FOREIGN KEY ("external_contact_id") REFERENCES "external_contacts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transmittal_acknowledgements" ADD CONSTRAINT "transmittal_acknowledgements_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "transmittal_recipients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transmittal_acknowledgements" ADD CONSTRAINT "transmittal_acknowledgements_transmittal_id_fkey" FOREIGN KEY ("transmittal_id") REFERENCES "transmittals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Hand-written below this line -------------------------------------------------------------------

ALTER TABLE "transmittals" ADD CONSTRAINT "transmittals_purpose_check"
  CHECK ("purpose" IN ('INFORMATION', 'APPROVAL', 'CONSTRUCTION'));
ALTER TABLE "transmittals" ADD CONSTRAINT "transmittals_state_check"
  CHECK ("state" IN ('DRAFT', 'SENT', 'PARTIALLY_ACKNOWLEDGED', 'ACKNOWLEDGED', 'CANCELLED'));
ALTER TABLE "transmittal_documents" ADD CONSTRAINT "transmittal_documents_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "transmittal_recipients" ADD CONSTRAINT "transmittal_recipients_one_recipient_check"
  CHECK (("user_id" IS NULL) <> ("external_contact_id" IS NULL));
ALTER TABLE "transmittal_recipients" ADD CONSTRAINT "transmittal_recipients_token_hash_check" CHECK ("token_hash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "external_contacts" ADD CONSTRAINT "external_contacts_email_check" CHECK ("email" ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');
-- One address, one contact, however it is capitalised.
CREATE UNIQUE INDEX "external_contacts_email_lower_key" ON "external_contacts" (lower("email"));

-- TRM-YYYY-NNNN, gap-free per year of creation and unique under concurrency: the counter row of the year
-- is incremented in the inserting transaction (a rollback gives the number back), as for documents and
-- work orders; concurrent inserts of one year take turns on that row.
CREATE TABLE "transmittal_counters" (
  "year" integer PRIMARY KEY,
  "last_number" integer NOT NULL CHECK ("last_number" >= 0)
);

CREATE FUNCTION cmms_assign_transmittal_number() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  transmittal_year int := extract(year FROM coalesce(NEW.created_at, now()))::int;
  assigned int;
BEGIN
  IF NEW.number IS NOT NULL AND NEW.number <> '' THEN RETURN NEW; END IF;
  INSERT INTO transmittal_counters (year, last_number)
    SELECT transmittal_year, coalesce(max(substr(number, 10)::int), 0) FROM transmittals WHERE number LIKE 'TRM-' || transmittal_year || '-%'
    ON CONFLICT (year) DO NOTHING;
  UPDATE transmittal_counters SET last_number = last_number + 1 WHERE year = transmittal_year RETURNING last_number INTO assigned;
  NEW.number := 'TRM-' || transmittal_year || '-' || lpad(assigned::text, 4, '0');
  RETURN NEW;
END $$;
CREATE TRIGGER "transmittals_number" BEFORE INSERT ON "transmittals"
  FOR EACH ROW EXECUTE FUNCTION cmms_assign_transmittal_number();

-- The number never changes, and a transmittal that went out is evidence of what was sent: never deleted.
CREATE FUNCTION cmms_transmittal_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.sent_at IS NOT NULL THEN
      RAISE EXCEPTION 'a transmittal that was sent is kept' USING ERRCODE = 'check_violation', CONSTRAINT = 'transmittals_sent_kept_check';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.number IS DISTINCT FROM OLD.number THEN
    RAISE EXCEPTION 'a transmittal''s number never changes' USING ERRCODE = 'check_violation', CONSTRAINT = 'transmittals_number_fixed_check';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "transmittals_kept" BEFORE UPDATE OR DELETE ON "transmittals"
  FOR EACH ROW EXECUTE FUNCTION cmms_transmittal_is_kept();

-- What a transmittal sends is frozen: a revision is added with the hash its upload recorded (whatever the
-- insert says), never changed, and added or removed only while the transmittal is a draft. Recipients
-- are added and removed only in a draft too; afterwards only their link and e-mail columns move.
-- A parent already gone is a draft's deletion cascading: allowed.
CREATE FUNCTION cmms_transmittal_part_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_state text;
BEGIN
  SELECT state INTO parent_state FROM transmittals
   WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.transmittal_id ELSE NEW.transmittal_id END;
  IF TG_TABLE_NAME = 'transmittal_documents' THEN
    IF TG_OP = 'UPDATE' THEN
      RAISE EXCEPTION 'a transmitted revision never changes' USING ERRCODE = 'check_violation', CONSTRAINT = 'transmittal_documents_frozen_check';
    END IF;
    IF TG_OP = 'INSERT' THEN
      SELECT sha256 INTO NEW.sha256 FROM document_revisions WHERE id = NEW.revision_id;
    END IF;
  ELSIF TG_OP = 'UPDATE' AND (NEW.transmittal_id IS DISTINCT FROM OLD.transmittal_id OR NEW.user_id IS DISTINCT FROM OLD.user_id
        OR NEW.external_contact_id IS DISTINCT FROM OLD.external_contact_id) AND parent_state IS DISTINCT FROM 'DRAFT' THEN
    RAISE EXCEPTION 'recipients change only while the transmittal is a draft' USING ERRCODE = 'check_violation', CONSTRAINT = 'transmittal_recipients_draft_check';
  END IF;
  IF TG_OP <> 'UPDATE' AND parent_state IS NOT NULL AND parent_state <> 'DRAFT' THEN
    RAISE EXCEPTION '% change only while the transmittal is a draft', TG_TABLE_NAME
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_draft_check';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "transmittal_documents_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "transmittal_documents"
  FOR EACH ROW EXECUTE FUNCTION cmms_transmittal_part_is_frozen();
CREATE TRIGGER "transmittal_recipients_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "transmittal_recipients"
  FOR EACH ROW EXECUTE FUNCTION cmms_transmittal_part_is_frozen();

-- An acknowledgement of receipt is evidence, like a signature: nobody changes or removes it, the
-- application's own connection included (the signatures' trigger function: an empty table may be truncated).
CREATE TRIGGER "transmittal_acknowledgements_immutable" BEFORE UPDATE OR DELETE ON "transmittal_acknowledgements"
  FOR EACH ROW EXECUTE FUNCTION cmms_signature_is_immutable();
CREATE TRIGGER "transmittal_acknowledgements_no_truncate" BEFORE TRUNCATE ON "transmittal_acknowledgements"
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_signature_is_immutable();
REVOKE UPDATE, DELETE, TRUNCATE ON "transmittal_acknowledgements" FROM PUBLIC;

-- A recipient's token hash is what his link is looked up by: like a password's hash, the history notes
-- that it changed, never its value (the lists as *_preventive_and_closeout left them, plus token_hash).
CREATE OR REPLACE FUNCTION cmms_history_secret_columns() RETURNS text[] LANGUAGE sql IMMUTABLE
  AS $$ SELECT ARRAY['password_hash', 'token_hash'] $$;
CREATE OR REPLACE FUNCTION cmms_history_ignored_columns() RETURNS text[] LANGUAGE sql IMMUTABLE
  AS $$ SELECT ARRAY['password_hash', 'updated_at', 'last_login_at', 'search_text', 'path', 'full_name', 'depth', 'last_evaluated_at', 'token_hash'] $$;

-- Change history for the new business tables (as in *_change_history).
SELECT cmms_record_history_of(ARRAY['external_contacts', 'transmittals', 'transmittal_documents', 'transmittal_recipients', 'transmittal_acknowledgements']);
