-- CreateTable
CREATE TABLE "requisitions" (
    "id" SERIAL NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "requested_by_id" INTEGER NOT NULL,
    "work_order_id" INTEGER,
    "state" VARCHAR(10) NOT NULL DEFAULT 'DRAFT',
    "total" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "approved_by_id" INTEGER,
    "approved_at" TIMESTAMPTZ(3),
    "erp_sync_state" VARCHAR(10) NOT NULL DEFAULT 'NOT_SENT',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "requisitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "requisition_items" (
    "id" SERIAL NOT NULL,
    "requisition_id" INTEGER NOT NULL,
    "description" VARCHAR(200) NOT NULL,
    "quantity" DECIMAL(12,3) NOT NULL,
    "unit" VARCHAR(20) NOT NULL,
    "unit_price" DECIMAL(14,2) NOT NULL,

    CONSTRAINT "requisition_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(40) NOT NULL,
    "type" VARCHAR(12) NOT NULL DEFAULT 'FAILURE',
    "description" TEXT NOT NULL,
    "requester" VARCHAR(150) NOT NULL,
    "state" VARCHAR(12) NOT NULL DEFAULT 'OPEN',
    "source" VARCHAR(8) NOT NULL DEFAULT 'MANUAL',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "requisitions_state_idx" ON "requisitions"("state");

-- CreateIndex
CREATE INDEX "requisitions_requested_by_id_idx" ON "requisitions"("requested_by_id");

-- CreateIndex
CREATE INDEX "requisition_items_requisition_id_idx" ON "requisition_items"("requisition_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_number_key" ON "tickets"("number");

-- CreateIndex
CREATE INDEX "tickets_state_idx" ON "tickets"("state");

-- AddForeignKey
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requisition_items" ADD CONSTRAINT "requisition_items_requisition_id_fkey" FOREIGN KEY ("requisition_id") REFERENCES "requisitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------------
-- Hand-written below.
-- ---------------------------------------------------------------------------------------------------

ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_state_check" CHECK ("state" IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED'));
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_erp_sync_state_check" CHECK ("erp_sync_state" IN ('NOT_SENT', 'PENDING', 'SENT', 'FAILED'));
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_approval_check"
  CHECK (("state" = 'APPROVED') = ("approved_by_id" IS NOT NULL AND "approved_at" IS NOT NULL));
ALTER TABLE "requisition_items" ADD CONSTRAINT "requisition_items_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "requisition_items" ADD CONSTRAINT "requisition_items_unit_price_check" CHECK ("unit_price" >= 0);
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_type_check" CHECK ("type" IN ('FAILURE', 'SERVICE', 'COMPLAINT', 'INFORMATION'));
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_state_check" CHECK ("state" IN ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'));
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_source_check" CHECK ("source" IN ('MANUAL', 'SIG'));

-- A requisition's items are fixed once it is submitted: what an approver judged (its total) cannot grow
-- behind his back. The total follows the items in the same transaction.
CREATE FUNCTION cmms_requisition_items_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM requisitions r WHERE r.state <> 'DRAFT'
                AND r.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.requisition_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.requisition_id END)) THEN
    RAISE EXCEPTION 'the items of a submitted requisition cannot change: violates constraint "requisition_items_locked_check"' USING ERRCODE = 'check_violation', CONSTRAINT = 'requisition_items_locked_check';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE FUNCTION cmms_requisition_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE requisitions r
     SET total = coalesce((SELECT sum(round(i.quantity * i.unit_price, 2)) FROM requisition_items i WHERE i.requisition_id = r.id), 0)
   WHERE r.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.requisition_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.requisition_id END);
  RETURN NULL;
END $$;

CREATE TRIGGER "requisition_items_guard" BEFORE INSERT OR UPDATE OR DELETE ON "requisition_items"
  FOR EACH ROW EXECUTE FUNCTION cmms_requisition_items_guard();
CREATE TRIGGER "requisition_items_total" AFTER INSERT OR UPDATE OR DELETE ON "requisition_items"
  FOR EACH ROW EXECUTE FUNCTION cmms_requisition_total();

-- Ticket numbers: the SIG's for scraped tickets; ours otherwise.
CREATE FUNCTION cmms_ticket_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.number IS NULL OR NEW.number = '' THEN NEW.number := 'TCK-' || lpad(NEW.id::text, 6, '0'); END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "tickets_number" BEFORE INSERT ON "tickets" FOR EACH ROW EXECUTE FUNCTION cmms_ticket_number();

SELECT cmms_record_history_of(ARRAY['requisitions', 'requisition_items', 'tickets']);
