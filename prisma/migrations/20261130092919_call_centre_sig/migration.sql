-- AlterTable
ALTER TABLE "tickets" ADD COLUMN     "caller_address" VARCHAR(300),
ADD COLUMN     "answered_at" TIMESTAMPTZ(3),
ADD COLUMN     "asset_id" INTEGER,
ADD COLUMN     "location_id" INTEGER,
ADD COLUMN     "priority" VARCHAR(8) NOT NULL DEFAULT 'MEDIUM',
ADD COLUMN     "reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "resolved_at" TIMESTAMPTZ(3),
ADD COLUMN     "sig_row" JSONB,
ADD COLUMN     "work_request_id" INTEGER;

-- CreateTable
CREATE TABLE "ticket_notes" (
    "id" SERIAL NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "author_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_slas" (
    "id" SERIAL NOT NULL,
    "type" VARCHAR(12) NOT NULL,
    "response_hours" INTEGER NOT NULL,
    "resolution_hours" INTEGER NOT NULL,

    CONSTRAINT "ticket_slas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sig_sync_runs" (
    "id" SERIAL NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "state" VARCHAR(10) NOT NULL DEFAULT 'RUNNING',
    "pages_read" INTEGER NOT NULL DEFAULT 0,
    "found" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "error_code" VARCHAR(40),
    "error_values" JSONB,

    CONSTRAINT "sig_sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ticket_notes_ticket_id_idx" ON "ticket_notes"("ticket_id");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_slas_type_key" ON "ticket_slas"("type");

-- CreateIndex
CREATE INDEX "sig_sync_runs_started_at_idx" ON "sig_sync_runs"("started_at");

-- CreateIndex
CREATE INDEX "tickets_work_request_id_idx" ON "tickets"("work_request_id");

-- CreateIndex
CREATE INDEX "tickets_asset_id_idx" ON "tickets"("asset_id");

-- CreateIndex
CREATE INDEX "tickets_location_id_idx" ON "tickets"("location_id");

-- CreateIndex
CREATE INDEX "tickets_reported_at_idx" ON "tickets"("reported_at");

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_work_request_id_fkey" FOREIGN KEY ("work_request_id") REFERENCES "work_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_notes" ADD CONSTRAINT "ticket_notes_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_notes" ADD CONSTRAINT "ticket_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: closed values, the resolution clock, a ticket following its order, the SLA defaults, history.
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_priority_check" CHECK ("priority" IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT'));
ALTER TABLE "sig_sync_runs" ADD CONSTRAINT "sig_sync_runs_state_check" CHECK ("state" IN ('RUNNING', 'SUCCEEDED', 'FAILED'));
ALTER TABLE "ticket_slas" ADD CONSTRAINT "ticket_slas_type_check" CHECK ("type" IN ('FAILURE', 'SERVICE', 'COMPLAINT', 'INFORMATION'));
ALTER TABLE "ticket_slas" ADD CONSTRAINT "ticket_slas_hours_check" CHECK ("response_hours" > 0 AND "resolution_hours" >= "response_hours");
ALTER TABLE "ticket_notes" ADD CONSTRAINT "ticket_notes_body_check" CHECK (length(btrim("body")) > 0);

-- Resolved when the state says so, whoever moves it (an operator, or the ticket's order below); reopened clears it.
CREATE FUNCTION cmms_ticket_resolved_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state IN ('RESOLVED', 'CLOSED') THEN
    NEW.resolved_at := COALESCE(NEW.resolved_at, now());
  ELSE
    NEW.resolved_at := NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "tickets_resolved_at" BEFORE INSERT OR UPDATE OF "state" ON "tickets"
  FOR EACH ROW EXECUTE FUNCTION cmms_ticket_resolved_at();

-- A ticket follows its work request's order: completed or closed, the open tickets of that request are
-- resolved in the same transaction (the person completing the order is the author in their history).
CREATE FUNCTION cmms_tickets_follow_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.work_request_id IS NOT NULL AND NEW.state IN ('COMPLETED', 'CLOSED') AND OLD.state IS DISTINCT FROM NEW.state THEN
    UPDATE tickets SET state = 'RESOLVED', updated_at = now()
     WHERE work_request_id = NEW.work_request_id AND state IN ('OPEN', 'IN_PROGRESS');
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "work_orders_resolve_tickets" AFTER UPDATE OF "state" ON "work_orders"
  FOR EACH ROW EXECUTE FUNCTION cmms_tickets_follow_order();

-- Service levels until the plant sets its own (hours from the report to the first answer / to resolution).
INSERT INTO "ticket_slas" ("type", "response_hours", "resolution_hours") VALUES
  ('FAILURE', 2, 24), ('SERVICE', 8, 72), ('COMPLAINT', 24, 120), ('INFORMATION', 4, 24);

SELECT cmms_record_history_of(ARRAY['ticket_notes', 'ticket_slas']);
