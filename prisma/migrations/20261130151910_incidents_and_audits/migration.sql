-- CreateTable
CREATE TABLE "audit_checklists" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(30) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "items" VARCHAR(8000) NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_checklists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audits" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(12) NOT NULL,
    "scope" VARCHAR(2000) NOT NULL,
    "location_id" INTEGER,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "auditor" VARCHAR(200) NOT NULL,
    "checklist_id" INTEGER,
    "checklist_items" VARCHAR(8000) NOT NULL DEFAULT '',
    "state" VARCHAR(12) NOT NULL DEFAULT 'PLANNED',
    "closed_by_id" INTEGER,
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_findings" (
    "id" SERIAL NOT NULL,
    "audit_id" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "severity" VARCHAR(12) NOT NULL,
    "requirement" VARCHAR(500) NOT NULL,
    "description" VARCHAR(4000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_findings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_evidence" (
    "id" SERIAL NOT NULL,
    "finding_id" INTEGER NOT NULL,
    "document_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "corrective_actions" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "description" VARCHAR(2000) NOT NULL,
    "finding_id" INTEGER,
    "incident_id" INTEGER,
    "work_order_id" INTEGER,
    "owner_id" INTEGER NOT NULL,
    "due_on" DATE NOT NULL,
    "state" VARCHAR(12) NOT NULL DEFAULT 'OPEN',
    "raised_by_id" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "done_note" VARCHAR(2000),
    "done_at" TIMESTAMPTZ(3),
    "verified_by_id" INTEGER,
    "verified_at" TIMESTAMPTZ(3),
    "verification_note" VARCHAR(2000),
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "corrective_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "safety_incidents" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "location_id" INTEGER NOT NULL,
    "asset_id" INTEGER,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "people_involved" VARCHAR(2000) NOT NULL DEFAULT '',
    "description" VARCHAR(4000) NOT NULL,
    "immediate_actions" VARCHAR(4000) NOT NULL DEFAULT '',
    "causes" VARCHAR(4000) NOT NULL DEFAULT '',
    "days_lost" INTEGER NOT NULL DEFAULT 0,
    "reported_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "safety_incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "safety_hours_worked" (
    "id" SERIAL NOT NULL,
    "location_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "hours" DECIMAL(12,1) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "safety_hours_worked_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_checklists_code_key" ON "audit_checklists"("code");

-- CreateIndex
CREATE UNIQUE INDEX "audit_checklists_name_key" ON "audit_checklists"("name");

-- CreateIndex
CREATE UNIQUE INDEX "audits_number_key" ON "audits"("number");

-- CreateIndex
CREATE INDEX "audits_state_idx" ON "audits"("state");

-- CreateIndex
CREATE INDEX "audit_findings_audit_id_idx" ON "audit_findings"("audit_id");

-- CreateIndex
CREATE INDEX "audit_evidence_document_id_idx" ON "audit_evidence"("document_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_evidence_finding_id_document_id_key" ON "audit_evidence"("finding_id", "document_id");

-- CreateIndex
CREATE UNIQUE INDEX "corrective_actions_number_key" ON "corrective_actions"("number");

-- CreateIndex
CREATE INDEX "corrective_actions_finding_id_idx" ON "corrective_actions"("finding_id");

-- CreateIndex
CREATE INDEX "corrective_actions_incident_id_idx" ON "corrective_actions"("incident_id");

-- CreateIndex
CREATE INDEX "corrective_actions_work_order_id_idx" ON "corrective_actions"("work_order_id");

-- CreateIndex
CREATE INDEX "corrective_actions_owner_id_state_idx" ON "corrective_actions"("owner_id", "state");

-- CreateIndex
CREATE INDEX "corrective_actions_state_due_on_idx" ON "corrective_actions"("state", "due_on");

-- CreateIndex
CREATE UNIQUE INDEX "safety_incidents_number_key" ON "safety_incidents"("number");

-- CreateIndex
CREATE INDEX "safety_incidents_occurred_at_idx" ON "safety_incidents"("occurred_at");

-- CreateIndex
CREATE INDEX "safety_incidents_location_id_idx" ON "safety_incidents"("location_id");

-- CreateIndex
CREATE UNIQUE INDEX "safety_hours_worked_location_id_year_month_key" ON "safety_hours_worked"("location_id", "year", "month");

-- AddForeignKey
ALTER TABLE "audits" ADD CONSTRAINT "audits_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audits" ADD CONSTRAINT "audits_checklist_id_fkey" FOREIGN KEY ("checklist_id") REFERENCES "audit_checklists"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audits" ADD CONSTRAINT "audits_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_audit_id_fkey" FOREIGN KEY ("audit_id") REFERENCES "audits"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_evidence" ADD CONSTRAINT "audit_evidence_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "audit_findings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_evidence" ADD CONSTRAINT "audit_evidence_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "audit_findings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "safety_incidents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_raised_by_id_fkey" FOREIGN KEY ("raised_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_verified_by_id_fkey" FOREIGN KEY ("verified_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safety_incidents" ADD CONSTRAINT "safety_incidents_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safety_incidents" ADD CONSTRAINT "safety_incidents_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safety_incidents" ADD CONSTRAINT "safety_incidents_reported_by_id_fkey" FOREIGN KEY ("reported_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safety_hours_worked" ADD CONSTRAINT "safety_hours_worked_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------------
-- Hand-written below: numbering, closed values, the audit's checklist copy, what a closed audit keeps,
-- and the change history of every new table.

-- INC-, AUD- and CA-YYYY-NNNN, gap-free per series and year of creation and unique under concurrency: the
-- counter row is incremented in the inserting transaction (a rollback gives the number back; its row lock
-- makes concurrent inserts take turns), as for work orders and documents.
CREATE TABLE "record_counters" (
  "series" varchar(10) NOT NULL,
  "year" integer NOT NULL,
  "last_number" integer NOT NULL CHECK ("last_number" >= 0),
  PRIMARY KEY ("series", "year")
);

CREATE FUNCTION cmms_assign_record_number() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counter_series text := TG_ARGV[0];
  record_year int := extract(year FROM coalesce(NEW.created_at, now()))::int;
  assigned int;
BEGIN
  IF NEW.number IS NOT NULL AND NEW.number <> '' THEN RETURN NEW; END IF;
  INSERT INTO record_counters (series, year, last_number) VALUES (counter_series, record_year, 1)
    ON CONFLICT (series, year) DO UPDATE SET last_number = record_counters.last_number + 1
    RETURNING last_number INTO assigned;
  NEW.number := counter_series || '-' || record_year || '-' || lpad(assigned::text, greatest(4, length(assigned::text)), '0');
  RETURN NEW;
END $$;

CREATE TRIGGER "safety_incidents_number" BEFORE INSERT ON "safety_incidents"
  FOR EACH ROW WHEN (NEW.number IS NULL OR NEW.number = '') EXECUTE FUNCTION cmms_assign_record_number('INC');
CREATE TRIGGER "audits_number" BEFORE INSERT ON "audits"
  FOR EACH ROW WHEN (NEW.number IS NULL OR NEW.number = '') EXECUTE FUNCTION cmms_assign_record_number('AUD');
CREATE TRIGGER "corrective_actions_number" BEFORE INSERT ON "corrective_actions"
  FOR EACH ROW WHEN (NEW.number IS NULL OR NEW.number = '') EXECUTE FUNCTION cmms_assign_record_number('CA');

ALTER TABLE "safety_incidents" ADD CONSTRAINT "safety_incidents_kind_check"
  CHECK ("kind" IN ('NEAR_MISS', 'FIRST_AID', 'LOST_TIME', 'ENVIRONMENTAL', 'PROPERTY_DAMAGE'));
-- Days lost belong to lost-time injuries only.
ALTER TABLE "safety_incidents" ADD CONSTRAINT "safety_incidents_days_lost_check"
  CHECK ("days_lost" >= 0 AND "days_lost" <= 3650 AND ("days_lost" = 0 OR "kind" = 'LOST_TIME'));
ALTER TABLE "safety_hours_worked" ADD CONSTRAINT "safety_hours_worked_month_check" CHECK ("month" BETWEEN 1 AND 12);
ALTER TABLE "safety_hours_worked" ADD CONSTRAINT "safety_hours_worked_year_check" CHECK ("year" BETWEEN 2000 AND 2100);
ALTER TABLE "safety_hours_worked" ADD CONSTRAINT "safety_hours_worked_hours_check" CHECK ("hours" > 0);

ALTER TABLE "audits" ADD CONSTRAINT "audits_kind_check" CHECK ("kind" IN ('INTERNAL', 'EXTERNAL', 'REGULATORY'));
ALTER TABLE "audits" ADD CONSTRAINT "audits_state_check" CHECK ("state" IN ('PLANNED', 'IN_PROGRESS', 'CLOSED'));
ALTER TABLE "audits" ADD CONSTRAINT "audits_dates_check" CHECK ("ends_on" >= "starts_on");
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_severity_check" CHECK ("severity" IN ('MAJOR', 'MINOR', 'OBSERVATION'));
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_state_check"
  CHECK ("state" IN ('OPEN', 'IN_PROGRESS', 'DONE', 'VERIFIED', 'CANCELLED'));
-- Raised from exactly one source: a finding, an incident or a work order's failure.
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_one_source"
  CHECK (num_nonnulls("finding_id", "incident_id", "work_order_id") = 1);
-- Effectiveness is verified by someone other than the action's owner.
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_verifier_not_owner"
  CHECK ("verified_by_id" IS NULL OR "verified_by_id" <> "owner_id");

-- The audit keeps the template's items as they were when it was created.
CREATE FUNCTION cmms_copy_audit_checklist() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.checklist_id IS NOT NULL AND (NEW.checklist_items IS NULL OR NEW.checklist_items = '') THEN
    SELECT items INTO NEW.checklist_items FROM audit_checklists WHERE id = NEW.checklist_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "audits_checklist_copy" BEFORE INSERT ON "audits"
  FOR EACH ROW EXECUTE FUNCTION cmms_copy_audit_checklist();

-- A closed audit is a record: nothing of it, its findings or their evidence changes any more.
CREATE FUNCTION cmms_audit_is_closed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.state = 'CLOSED' THEN
    RAISE EXCEPTION 'audit % is closed and cannot be changed', OLD.number USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "audits_closed" BEFORE UPDATE OR DELETE ON "audits"
  FOR EACH ROW EXECUTE FUNCTION cmms_audit_is_closed();
CREATE FUNCTION cmms_audit_part_is_closed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  audit_state text;
BEGIN
  IF TG_TABLE_NAME = 'audit_findings' THEN
    SELECT state INTO audit_state FROM audits WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.audit_id ELSE NEW.audit_id END;
  ELSE
    SELECT a.state INTO audit_state FROM audit_findings f JOIN audits a ON a.id = f.audit_id
      WHERE f.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.finding_id ELSE NEW.finding_id END;
  END IF;
  IF audit_state = 'CLOSED' THEN
    RAISE EXCEPTION 'the audit is closed and its % cannot be changed', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "audit_findings_closed" BEFORE INSERT OR UPDATE OR DELETE ON "audit_findings"
  FOR EACH ROW EXECUTE FUNCTION cmms_audit_part_is_closed();
CREATE TRIGGER "audit_evidence_closed" BEFORE INSERT OR UPDATE OR DELETE ON "audit_evidence"
  FOR EACH ROW EXECUTE FUNCTION cmms_audit_part_is_closed();

SELECT cmms_record_history_of(ARRAY['safety_incidents', 'safety_hours_worked', 'audit_checklists', 'audits', 'audit_findings', 'audit_evidence', 'corrective_actions']);
