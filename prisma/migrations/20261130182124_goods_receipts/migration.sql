-- AlterTable
ALTER TABLE "requisitions" ADD COLUMN     "receipt_state" VARCHAR(10) NOT NULL DEFAULT 'NONE';

-- AlterTable
ALTER TABLE "requisition_items" ADD COLUMN     "material_id" INTEGER,
ADD COLUMN     "warehouse_id" INTEGER;

-- CreateTable
CREATE TABLE "goods_receipts" (
    "id" SERIAL NOT NULL,
    "requisition_id" INTEGER NOT NULL,
    "requisition_item_id" INTEGER NOT NULL,
    "quantity" DECIMAL(12,3) NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "warehouse_id" INTEGER,
    "stock_movement_id" INTEGER,
    "delivery_note" VARCHAR(100),
    "note" VARCHAR(500),
    "received_by_id" INTEGER NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "goods_receipts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "goods_receipts_stock_movement_id_key" ON "goods_receipts"("stock_movement_id");

-- CreateIndex
CREATE INDEX "goods_receipts_requisition_id_idx" ON "goods_receipts"("requisition_id");

-- CreateIndex
CREATE INDEX "goods_receipts_requisition_item_id_idx" ON "goods_receipts"("requisition_item_id");

-- AddForeignKey
ALTER TABLE "requisition_items" ADD CONSTRAINT "requisition_items_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requisition_items" ADD CONSTRAINT "requisition_items_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_requisition_id_fkey" FOREIGN KEY ("requisition_id") REFERENCES "requisitions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_requisition_item_id_fkey" FOREIGN KEY ("requisition_item_id") REFERENCES "requisition_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_stock_movement_id_fkey" FOREIGN KEY ("stock_movement_id") REFERENCES "stock_movements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_received_by_id_fkey" FOREIGN KEY ("received_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (issue 20, goods receipts).
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_receipt_state_check" CHECK ("receipt_state" IN ('NONE', 'PARTIAL', 'RECEIVED'));
-- A line for stock names its material and the warehouse it goes into, or neither (a direct purchase).
ALTER TABLE "requisition_items" ADD CONSTRAINT "requisition_items_stock_check" CHECK (("material_id" IS NULL) = ("warehouse_id" IS NULL));
ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_quantity_check" CHECK ("quantity" > 0 AND "amount" >= 0);
-- Received into a warehouse exactly when it entered the ledger.
ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_stock_check" CHECK (("warehouse_id" IS NULL) = ("stock_movement_id" IS NULL));

-- A receipt is what came in: never changed nor removed, like the ledger it may have entered.
-- Truncating an empty table destroys nothing (a demo plant's --reset cascades through here): allowed.
CREATE FUNCTION cmms_goods_receipts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND NOT EXISTS (SELECT 1 FROM goods_receipts) THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'goods receipts are append-only: violates constraint "goods_receipts_append_only_check"'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'goods_receipts_append_only_check';
END $$;
CREATE TRIGGER "goods_receipts_append_only" BEFORE UPDATE OR DELETE ON "goods_receipts"
  FOR EACH ROW EXECUTE FUNCTION cmms_goods_receipts_append_only();
CREATE TRIGGER "goods_receipts_no_truncate" BEFORE TRUNCATE ON "goods_receipts"
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_goods_receipts_append_only();

SELECT cmms_record_history_of(ARRAY['goods_receipts']);
