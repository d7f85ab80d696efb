-- CreateTable
CREATE TABLE "reorder_alerts" (
    "id" SERIAL NOT NULL,
    "stock_level_id" INTEGER NOT NULL,
    "requisition_id" INTEGER,
    "raised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cleared_at" TIMESTAMPTZ(3),

    CONSTRAINT "reorder_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reorder_alerts_stock_level_id_idx" ON "reorder_alerts"("stock_level_id");

-- CreateIndex
CREATE INDEX "reorder_alerts_requisition_id_idx" ON "reorder_alerts"("requisition_id");

-- AddForeignKey
ALTER TABLE "reorder_alerts" ADD CONSTRAINT "reorder_alerts_stock_level_id_fkey" FOREIGN KEY ("stock_level_id") REFERENCES "stock_levels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reorder_alerts" ADD CONSTRAINT "reorder_alerts_requisition_id_fkey" FOREIGN KEY ("requisition_id") REFERENCES "requisitions"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written below.
-- One open fall per stock level: two sweeps at once raise it once (INSERT ... ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX "reorder_alerts_open_per_level" ON "reorder_alerts"("stock_level_id") WHERE "cleared_at" IS NULL;

-- Live import progress (issue 18): a statement that changes import runs raises the same cmms_live event
-- as work orders do; the web processes pass it to the run's owner and to readers of import runs, with
-- the run's counters (admin/live/events-route.ts), instead of the page polling.
CREATE TRIGGER import_runs_live_insert AFTER INSERT ON import_runs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_live_rows('ImportRun');
CREATE TRIGGER import_runs_live_update AFTER UPDATE ON import_runs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_live_rows('ImportRun');
