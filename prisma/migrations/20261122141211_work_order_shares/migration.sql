-- CreateTable
CREATE TABLE "work_order_shares" (
    "id" SERIAL NOT NULL,
    "work_order_id" INTEGER NOT NULL,
    "technician_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_order_shares_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "work_order_shares_technician_id_idx" ON "work_order_shares"("technician_id");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_shares_work_order_id_technician_id_key" ON "work_order_shares"("work_order_id", "technician_id");

-- AddForeignKey
ALTER TABLE "work_order_shares" ADD CONSTRAINT "work_order_shares_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_shares" ADD CONSTRAINT "work_order_shares_technician_id_fkey" FOREIGN KEY ("technician_id") REFERENCES "technicians"("id") ON DELETE CASCADE ON UPDATE CASCADE;

