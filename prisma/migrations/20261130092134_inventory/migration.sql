-- AlterTable
ALTER TABLE "groups" ADD COLUMN     "can_manage_store" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "vendors" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "tax_id" VARCHAR(40),
    "contact_name" VARCHAR(150),
    "email" VARCHAR(200),
    "phone" VARCHAR(40),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vendors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "materials" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "description" VARCHAR(200) NOT NULL,
    "unit" VARCHAR(20) NOT NULL,
    "category" VARCHAR(80),
    "manufacturer_part_number" VARCHAR(80),
    "minimum_stock" DECIMAL(14,3) NOT NULL DEFAULT 0,
    "reorder_point" DECIMAL(14,3) NOT NULL DEFAULT 0,
    "reorder_quantity" DECIMAL(14,3) NOT NULL DEFAULT 0,
    "preferred_vendor_id" INTEGER,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "materials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warehouses" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "location_id" INTEGER,
    "allow_negative_stock" BOOLEAN NOT NULL DEFAULT false,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warehouses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bins" (
    "id" SERIAL NOT NULL,
    "warehouse_id" INTEGER NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "description" VARCHAR(150),
    "is_active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "bins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_levels" (
    "id" SERIAL NOT NULL,
    "material_id" INTEGER NOT NULL,
    "warehouse_id" INTEGER NOT NULL,
    "bin_id" INTEGER,
    "on_hand" DECIMAL(14,3) NOT NULL DEFAULT 0,
    "reserved" DECIMAL(14,3) NOT NULL DEFAULT 0,
    "available" DECIMAL(14,3),
    "average_cost" DECIMAL(14,4) NOT NULL DEFAULT 0,
    "movement_count" INTEGER NOT NULL DEFAULT 0,
    "last_movement_at" TIMESTAMPTZ(3),

    CONSTRAINT "stock_levels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_movements" (
    "id" SERIAL NOT NULL,
    "kind" VARCHAR(12) NOT NULL,
    "material_id" INTEGER NOT NULL,
    "warehouse_id" INTEGER NOT NULL,
    "bin_id" INTEGER,
    "quantity" DECIMAL(14,3) NOT NULL,
    "unit_cost" DECIMAL(14,4),
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "balance_after" DECIMAL(14,3) NOT NULL DEFAULT 0,
    "average_cost_after" DECIMAL(14,4) NOT NULL DEFAULT 0,
    "work_order_id" INTEGER,
    "other_warehouse_id" INTEGER,
    "counted_quantity" DECIMAL(14,3),
    "source_document" VARCHAR(100),
    "note" VARCHAR(500),
    "moved_by_id" INTEGER NOT NULL,
    "moved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_movements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reservations" (
    "id" SERIAL NOT NULL,
    "material_id" INTEGER NOT NULL,
    "warehouse_id" INTEGER NOT NULL,
    "work_order_id" INTEGER NOT NULL,
    "quantity" DECIMAL(14,3) NOT NULL,
    "requested" DECIMAL(14,3) NOT NULL,
    "state" VARCHAR(10) NOT NULL DEFAULT 'OPEN',
    "reserved_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reservations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routine_materials" (
    "id" SERIAL NOT NULL,
    "routine_id" INTEGER NOT NULL,
    "material_id" INTEGER NOT NULL,
    "warehouse_id" INTEGER NOT NULL,
    "quantity" DECIMAL(14,3) NOT NULL,

    CONSTRAINT "routine_materials_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "vendors_code_key" ON "vendors"("code");

-- CreateIndex
CREATE UNIQUE INDEX "materials_code_key" ON "materials"("code");

-- CreateIndex
CREATE INDEX "materials_preferred_vendor_id_idx" ON "materials"("preferred_vendor_id");

-- CreateIndex
CREATE UNIQUE INDEX "warehouses_code_key" ON "warehouses"("code");

-- CreateIndex
CREATE INDEX "warehouses_location_id_idx" ON "warehouses"("location_id");

-- CreateIndex
CREATE UNIQUE INDEX "bins_warehouse_id_code_key" ON "bins"("warehouse_id", "code");

-- CreateIndex
CREATE INDEX "stock_levels_warehouse_id_idx" ON "stock_levels"("warehouse_id");

-- CreateIndex
CREATE UNIQUE INDEX "stock_levels_material_id_warehouse_id_key" ON "stock_levels"("material_id", "warehouse_id");

-- CreateIndex
CREATE INDEX "stock_movements_work_order_id_idx" ON "stock_movements"("work_order_id");

-- CreateIndex
CREATE INDEX "stock_movements_warehouse_id_moved_at_idx" ON "stock_movements"("warehouse_id", "moved_at");

-- CreateIndex
CREATE UNIQUE INDEX "stock_movements_material_id_warehouse_id_sequence_key" ON "stock_movements"("material_id", "warehouse_id", "sequence");

-- CreateIndex
CREATE INDEX "reservations_material_id_warehouse_id_state_idx" ON "reservations"("material_id", "warehouse_id", "state");

-- CreateIndex
CREATE INDEX "reservations_work_order_id_idx" ON "reservations"("work_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "routine_materials_routine_id_material_id_key" ON "routine_materials"("routine_id", "material_id");

-- AddForeignKey
ALTER TABLE "materials" ADD CONSTRAINT "materials_preferred_vendor_id_fkey" FOREIGN KEY ("preferred_vendor_id") REFERENCES "vendors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bins" ADD CONSTRAINT "bins_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_bin_id_fkey" FOREIGN KEY ("bin_id") REFERENCES "bins"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_bin_id_fkey" FOREIGN KEY ("bin_id") REFERENCES "bins"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_moved_by_id_fkey" FOREIGN KEY ("moved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_reserved_by_id_fkey" FOREIGN KEY ("reserved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routine_materials" ADD CONSTRAINT "routine_materials_routine_id_fkey" FOREIGN KEY ("routine_id") REFERENCES "routines"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routine_materials" ADD CONSTRAINT "routine_materials_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routine_materials" ADD CONSTRAINT "routine_materials_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------------
-- Hand-written below.
-- ---------------------------------------------------------------------------------------------------
ALTER TABLE "stock_levels" DROP COLUMN "available";
ALTER TABLE "stock_levels" ADD COLUMN "available" DECIMAL(14,3) GENERATED ALWAYS AS ("on_hand" - "reserved") STORED;
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_reserved_nonnegative_check" CHECK ("reserved" >= 0);
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_average_cost_check" CHECK ("average_cost" >= 0);
ALTER TABLE "materials" ADD CONSTRAINT "materials_quantities_check"
  CHECK ("minimum_stock" >= 0 AND "reorder_point" >= 0 AND "reorder_quantity" >= 0);
ALTER TABLE "routine_materials" ADD CONSTRAINT "routine_materials_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_state_check" CHECK ("state" IN ('OPEN', 'ISSUED', 'RELEASED'));
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_quantity_check"
  CHECK ("quantity" >= 0 AND "requested" > 0 AND "quantity" <= "requested" AND ("state" <> 'OPEN' OR "quantity" > 0));
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_kind_check"
  CHECK ("kind" IN ('RECEIPT', 'ISSUE', 'RETURN', 'TRANSFER_OUT', 'TRANSFER_IN', 'ADJUSTMENT', 'COUNT'));
-- The sign of a movement follows its kind; what each kind must name (its order, its other warehouse, its
-- counted quantity, a receipt's price).
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_quantity_check" CHECK (
  CASE "kind" WHEN 'RECEIPT' THEN "quantity" > 0 WHEN 'RETURN' THEN "quantity" > 0 WHEN 'TRANSFER_IN' THEN "quantity" > 0
              WHEN 'ISSUE' THEN "quantity" < 0 WHEN 'TRANSFER_OUT' THEN "quantity" < 0
              WHEN 'ADJUSTMENT' THEN "quantity" <> 0 ELSE TRUE END);
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_references_check" CHECK (
  ("kind" NOT IN ('ISSUE', 'RETURN') OR "work_order_id" IS NOT NULL)
  AND ("kind" NOT IN ('TRANSFER_OUT', 'TRANSFER_IN') OR "other_warehouse_id" IS NOT NULL)
  AND ("kind" <> 'COUNT' OR "counted_quantity" IS NOT NULL)
  AND ("kind" <> 'RECEIPT' OR "unit_cost" IS NOT NULL));
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_unit_cost_check" CHECK ("unit_cost" IS NULL OR "unit_cost" >= 0);

-- Weighted average cost: an inbound movement blends its unit cost into what is on hand; an outbound one
-- leaves the average as it is. With nothing (or a debt) on hand, the new lot sets the price.
CREATE FUNCTION cmms_average_cost(on_hand numeric, average numeric, quantity numeric, unit_cost numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN quantity <= 0 OR unit_cost IS NULL THEN average
              WHEN on_hand <= 0 THEN round(unit_cost, 4)
              ELSE round((on_hand * average + quantity * unit_cost) / (on_hand + quantity), 4) END
$$;

-- Posting a movement: its stock level (created at zero the first time) is locked, so movements of one
-- material in one warehouse take turns and each sees the one before; the level moves in this same
-- statement's transaction. Below zero is refused unless the warehouse allows negative stock.
CREATE FUNCTION cmms_stock_movement_post() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  level stock_levels%ROWTYPE;
  allow_negative boolean;
BEGIN
  INSERT INTO stock_levels (material_id, warehouse_id, bin_id) VALUES (NEW.material_id, NEW.warehouse_id, NEW.bin_id)
    ON CONFLICT (material_id, warehouse_id) DO NOTHING;
  SELECT * INTO level FROM stock_levels WHERE material_id = NEW.material_id AND warehouse_id = NEW.warehouse_id FOR UPDATE;
  -- Outbound movements leave at the current average; inbound ones without a price come in at it.
  IF NEW.quantity < 0 OR NEW.unit_cost IS NULL THEN NEW.unit_cost := level.average_cost; END IF;
  NEW.sequence := level.movement_count + 1;
  NEW.balance_after := level.on_hand + NEW.quantity;
  NEW.average_cost_after := cmms_average_cost(level.on_hand, level.average_cost, NEW.quantity, NEW.unit_cost);
  IF NEW.balance_after < 0 THEN
    SELECT w.allow_negative_stock INTO allow_negative FROM warehouses w WHERE w.id = NEW.warehouse_id;
    IF NOT allow_negative THEN
      RAISE EXCEPTION 'stock of material % in warehouse % would fall to %: violates constraint "stock_levels_on_hand_check"',
        NEW.material_id, NEW.warehouse_id, NEW.balance_after USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_levels_on_hand_check';
    END IF;
  END IF;
  UPDATE stock_levels
     SET on_hand = NEW.balance_after, average_cost = NEW.average_cost_after, movement_count = NEW.sequence,
         bin_id = coalesce(bin_id, NEW.bin_id), last_movement_at = NEW.moved_at
   WHERE id = level.id;
  RETURN NEW;
END $$;
CREATE TRIGGER "stock_movements_post" BEFORE INSERT ON "stock_movements" FOR EACH ROW EXECUTE FUNCTION cmms_stock_movement_post();

-- The ledger is append-only: a mistake is corrected by a new movement (an adjustment), never by editing.
-- Truncating an empty ledger destroys nothing (a demo plant's --reset cascades through here): allowed,
-- as for the signatures' audit.
CREATE FUNCTION cmms_stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND NOT EXISTS (SELECT 1 FROM stock_movements) THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'the stock ledger is append-only: post an adjustment instead: violates constraint "stock_movements_append_only_check"'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_movements_append_only_check';
END $$;
CREATE TRIGGER "stock_movements_append_only" BEFORE UPDATE OR DELETE ON "stock_movements"
  FOR EACH ROW EXECUTE FUNCTION cmms_stock_movements_append_only();
CREATE TRIGGER "stock_movements_no_truncate" BEFORE TRUNCATE ON "stock_movements"
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_stock_movements_append_only();

-- Reserved stock is the sum of the open reservations, kept in the same transaction. A reservation that
-- grows is refused beyond what is available, unless the warehouse allows negative stock.
CREATE FUNCTION cmms_reservations_reserved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  level stock_levels%ROWTYPE;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE stock_levels s SET reserved = coalesce((SELECT sum(r.quantity) FROM reservations r
       WHERE r.material_id = s.material_id AND r.warehouse_id = s.warehouse_id AND r.state = 'OPEN'), 0)
     WHERE s.material_id = OLD.material_id AND s.warehouse_id = OLD.warehouse_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO stock_levels (material_id, warehouse_id) VALUES (NEW.material_id, NEW.warehouse_id)
      ON CONFLICT (material_id, warehouse_id) DO NOTHING;
    UPDATE stock_levels s SET reserved = coalesce((SELECT sum(r.quantity) FROM reservations r
       WHERE r.material_id = s.material_id AND r.warehouse_id = s.warehouse_id AND r.state = 'OPEN'), 0)
     WHERE s.material_id = NEW.material_id AND s.warehouse_id = NEW.warehouse_id
     RETURNING * INTO level;
    IF NEW.state = 'OPEN' AND (TG_OP = 'INSERT' OR NEW.quantity > OLD.quantity OR OLD.state <> 'OPEN') AND level.available < 0
       AND NOT (SELECT w.allow_negative_stock FROM warehouses w WHERE w.id = NEW.warehouse_id) THEN
      RAISE EXCEPTION 'reserving % of material % in warehouse % leaves % available: violates constraint "stock_levels_available_check"',
        NEW.quantity, NEW.material_id, NEW.warehouse_id, level.available USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_levels_available_check';
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "reservations_reserved" AFTER INSERT OR UPDATE OR DELETE ON "reservations"
  FOR EACH ROW EXECUTE FUNCTION cmms_reservations_reserved();

-- The stock levels as the ledger alone says they should be: each level's movements replayed in the order
-- they were posted (their sequence). The nightly check compares it with stock_levels.
CREATE FUNCTION cmms_stock_rebuilt() RETURNS TABLE (material_id integer, warehouse_id integer, on_hand numeric, average_cost numeric, movement_count integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  m record;
BEGIN
  material_id := NULL;
  FOR m IN SELECT sm.material_id AS mid, sm.warehouse_id AS wid, sm.quantity, sm.unit_cost
             FROM stock_movements sm ORDER BY sm.material_id, sm.warehouse_id, sm.sequence LOOP
    IF material_id IS DISTINCT FROM m.mid OR warehouse_id IS DISTINCT FROM m.wid THEN
      IF material_id IS NOT NULL THEN RETURN NEXT; END IF;
      material_id := m.mid; warehouse_id := m.wid; on_hand := 0; average_cost := 0; movement_count := 0;
    END IF;
    average_cost := cmms_average_cost(on_hand, average_cost, m.quantity, m.unit_cost);
    on_hand := on_hand + m.quantity;
    movement_count := movement_count + 1;
  END LOOP;
  IF material_id IS NOT NULL THEN RETURN NEXT; END IF;
END $$;

SELECT cmms_record_history_of(ARRAY['vendors', 'materials', 'warehouses', 'bins', 'reservations', 'routine_materials']);
