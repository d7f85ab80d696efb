-- AlterTable
ALTER TABLE "work_requests" ADD COLUMN     "rejection_reason" VARCHAR(1000);

-- CreateTable
CREATE TABLE "work_order_notes" (
    "id" SERIAL NOT NULL,
    "work_order_id" INTEGER NOT NULL,
    "author_id" INTEGER,
    "text" VARCHAR(2000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_order_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "work_order_notes_work_order_id_idx" ON "work_order_notes"("work_order_id");

-- AddForeignKey
ALTER TABLE "work_order_notes" ADD CONSTRAINT "work_order_notes_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_notes" ADD CONSTRAINT "work_order_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A note says something: not blank (the form refuses it first, with a sentence).
ALTER TABLE "work_order_notes" ADD CONSTRAINT "work_order_notes_text_check" CHECK (btrim("text") <> '');

-- Notes are recorded in the change history like every business table.
SELECT cmms_record_history_of(ARRAY['work_order_notes']);
