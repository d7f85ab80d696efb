-- Hand-written, first (issue 20): our requisition numbers, REQ-YYYY-NNNNNN from one sequence. Not gap-free
-- (a rolled-back insert spends a number): a requisition's number only has to be unique and never reused,
-- since it is the key the ERP finds it by.
CREATE SEQUENCE "requisition_numbers" AS integer;
CREATE FUNCTION cmms_next_requisition_number() RETURNS varchar LANGUAGE sql VOLATILE AS $$
  SELECT 'REQ-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('requisition_numbers')::text, 6, '0')
$$;

-- AlterTable
ALTER TABLE "requisitions" ADD COLUMN     "erp_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "erp_etag" VARCHAR(100),
ADD COLUMN     "erp_id" VARCHAR(40),
ADD COLUMN     "erp_last_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "erp_last_error" VARCHAR(1000),
ADD COLUMN     "erp_status" VARCHAR(20),
ADD COLUMN     "erp_synced_at" TIMESTAMPTZ(3),
ADD COLUMN     "number" VARCHAR(20) NOT NULL DEFAULT cmms_next_requisition_number();

-- CreateTable
CREATE TABLE "erp_sync_runs" (
    "id" SERIAL NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "outcome" VARCHAR(10) NOT NULL DEFAULT 'RUNNING',
    "pushed" INTEGER NOT NULL DEFAULT 0,
    "pulled" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "conflicts" INTEGER NOT NULL DEFAULT 0,
    "error" VARCHAR(1000),

    CONSTRAINT "erp_sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "erp_sync_conflicts" (
    "id" SERIAL NOT NULL,
    "requisition_id" INTEGER NOT NULL,
    "field" VARCHAR(40) NOT NULL,
    "local_value" VARCHAR(200),
    "erp_value" VARCHAR(200),
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "erp_sync_conflicts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "erp_sync_runs_started_at_idx" ON "erp_sync_runs"("started_at");

-- CreateIndex
CREATE INDEX "erp_sync_conflicts_requisition_id_idx" ON "erp_sync_conflicts"("requisition_id");

-- CreateIndex
CREATE UNIQUE INDEX "requisitions_number_key" ON "requisitions"("number");

-- CreateIndex
CREATE UNIQUE INDEX "requisitions_erp_id_key" ON "requisitions"("erp_id");

-- AddForeignKey
ALTER TABLE "erp_sync_conflicts" ADD CONSTRAINT "erp_sync_conflicts_requisition_id_fkey" FOREIGN KEY ("requisition_id") REFERENCES "requisitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (issue 20).
ALTER TABLE "erp_sync_runs" ADD CONSTRAINT "erp_sync_runs_outcome_check" CHECK ("outcome" IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED'));
-- One run at a time, whoever starts it (the 5-minute job, a retry button, the bench).
CREATE UNIQUE INDEX "erp_sync_runs_one_running" ON "erp_sync_runs" (("outcome")) WHERE "outcome" = 'RUNNING';
ALTER TABLE "erp_sync_conflicts" ADD CONSTRAINT "erp_sync_conflicts_field_check" CHECK ("field" IN ('title'));
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_erp_attempts_check" CHECK ("erp_attempts" >= 0);
-- What the sync looks for: approved requisitions not yet in the ERP, and those whose ERP status may move.
CREATE INDEX "requisitions_erp_to_push" ON "requisitions" ("approved_at", "id") WHERE "state" = 'APPROVED' AND "erp_id" IS NULL AND "erp_sync_state" = 'PENDING';
CREATE INDEX "requisitions_erp_to_pull" ON "requisitions" ("id") WHERE "erp_id" IS NOT NULL AND "erp_status" NOT IN ('Rejected', 'Cancelled', 'Closed');

-- An approved requisition waits for the ERP, whatever approved it (the button, an import, SQL).
CREATE FUNCTION cmms_requisition_awaits_erp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'APPROVED' AND OLD.state IS DISTINCT FROM 'APPROVED' AND NEW.erp_sync_state = 'NOT_SENT' THEN
    NEW.erp_sync_state := 'PENDING';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "requisitions_await_erp" BEFORE UPDATE OF "state" ON "requisitions"
  FOR EACH ROW EXECUTE FUNCTION cmms_requisition_awaits_erp();
CREATE TRIGGER "requisitions_await_erp_on_insert" BEFORE INSERT ON "requisitions"
  FOR EACH ROW WHEN (NEW.state = 'APPROVED') EXECUTE FUNCTION cmms_requisition_awaits_erp();
UPDATE "requisitions" SET "erp_sync_state" = 'PENDING' WHERE "state" = 'APPROVED' AND "erp_sync_state" = 'NOT_SENT';

-- Conflicts the ERP overruled are business history; the runs are the job's own log.
SELECT cmms_record_history_of(ARRAY['erp_sync_conflicts']);
