-- AlterTable
ALTER TABLE "requisitions" ADD COLUMN     "awaiting_approver_id" INTEGER;

-- AlterTable
ALTER TABLE "groups" ADD COLUMN     "can_approve_overdraft" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "requisition_approvals" (
    "id" SERIAL NOT NULL,
    "requisition_id" INTEGER NOT NULL,
    "approver_id" INTEGER NOT NULL,
    "decision" VARCHAR(10) NOT NULL,
    "total" DECIMAL(14,2) NOT NULL,
    "available_before" DECIMAL(14,2),
    "overdraft" BOOLEAN NOT NULL DEFAULT false,
    "escalated_to_id" INTEGER,
    "signed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sha256" CHAR(64) NOT NULL,

    CONSTRAINT "requisition_approvals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "requisition_approvals_requisition_id_idx" ON "requisition_approvals"("requisition_id");

-- AddForeignKey
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_awaiting_approver_id_fkey" FOREIGN KEY ("awaiting_approver_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requisition_approvals" ADD CONSTRAINT "requisition_approvals_requisition_id_fkey" FOREIGN KEY ("requisition_id") REFERENCES "requisitions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requisition_approvals" ADD CONSTRAINT "requisition_approvals_approver_id_fkey" FOREIGN KEY ("approver_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requisition_approvals" ADD CONSTRAINT "requisition_approvals_escalated_to_id_fkey" FOREIGN KEY ("escalated_to_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (issue 20): the signed steps of a requisition's approval chain are evidence, as document
-- signatures are: never changed nor removed (the documents' trigger function, for every role).
ALTER TABLE "requisition_approvals" ADD CONSTRAINT "requisition_approvals_decision_check" CHECK ("decision" IN ('ESCALATED', 'APPROVED', 'REJECTED'));
ALTER TABLE "requisition_approvals" ADD CONSTRAINT "requisition_approvals_escalated_check" CHECK (("decision" = 'ESCALATED') = ("escalated_to_id" IS NOT NULL));
CREATE TRIGGER "requisition_approvals_immutable" BEFORE UPDATE OR DELETE ON "requisition_approvals"
  FOR EACH ROW EXECUTE FUNCTION cmms_signature_is_immutable();
CREATE TRIGGER "requisition_approvals_no_truncate" BEFORE TRUNCATE ON "requisition_approvals"
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_signature_is_immutable();
REVOKE UPDATE, DELETE, TRUNCATE ON "requisition_approvals" FROM PUBLIC;
CREATE INDEX "requisitions_awaiting_approver" ON "requisitions" ("awaiting_approver_id") WHERE "awaiting_approver_id" IS NOT NULL;
SELECT cmms_record_history_of(ARRAY['requisition_approvals']);

-- Materials actuals: stock issued to a work order is spent on the MATERIALS line of the budget above the
-- order's asset (the nearest cost centre, as labour at closeout); a return is posted negative, so it
-- reverses what it gives back. One posting per movement (the ledger is append-only).
CREATE FUNCTION cmms_post_order_materials() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE location_id integer; amount numeric;
BEGIN
  amount := round(-NEW.quantity * coalesce(NEW.unit_cost, 0), 2);
  IF amount = 0 THEN RETURN NULL; END IF;
  SELECT a.location_id INTO location_id FROM work_orders o JOIN assets a ON a.id = o.asset_id WHERE o.id = NEW.work_order_id;
  PERFORM cmms_post_budget_actual(location_id, NEW.moved_at, 'MATERIALS', amount, 'WORK_ORDER_MATERIALS', NEW.id, NEW.work_order_id, NULL);
  RETURN NULL;
END $$;
CREATE TRIGGER "stock_movements_post_order_materials" AFTER INSERT ON "stock_movements"
  FOR EACH ROW WHEN (NEW.kind IN ('ISSUE', 'RETURN') AND NEW.work_order_id IS NOT NULL) EXECUTE FUNCTION cmms_post_order_materials();

-- The budget report reads a line's twelve summary rows together (domain/budgets/budget-report.ts). Every
-- commitment and posting updates them; with room left on each page the update stays on the page (a HOT
-- update), so a line's months stay side by side instead of scattering one page per month.
ALTER TABLE "budget_summaries" SET (fillfactor = 50);
