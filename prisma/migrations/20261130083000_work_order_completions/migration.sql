-- CreateTable
CREATE TABLE "work_order_completions" (
    "id" SERIAL NOT NULL,
    "work_order_id" INTEGER NOT NULL,
    "labor_hours" DECIMAL(8,2) NOT NULL,
    "problem_id" INTEGER,
    "cause_id" INTEGER,
    "remedy_id" INTEGER,
    "observations" TEXT,
    "materials" JSONB NOT NULL DEFAULT '[]',
    "reported_by_id" INTEGER NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_order_completions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "work_order_completions_work_order_id_key" ON "work_order_completions"("work_order_id");

-- AddForeignKey
ALTER TABLE "work_order_completions" ADD CONSTRAINT "work_order_completions_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_completions" ADD CONSTRAINT "work_order_completions_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "failure_codes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_completions" ADD CONSTRAINT "work_order_completions_cause_id_fkey" FOREIGN KEY ("cause_id") REFERENCES "failure_codes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_completions" ADD CONSTRAINT "work_order_completions_remedy_id_fkey" FOREIGN KEY ("remedy_id") REFERENCES "failure_codes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_completions" ADD CONSTRAINT "work_order_completions_reported_by_id_fkey" FOREIGN KEY ("reported_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: hours as the closeout accepts them, materials a JSON list, and the change history.
ALTER TABLE "work_order_completions" ADD CONSTRAINT "work_order_completions_labor_hours_check" CHECK ("labor_hours" > 0);
ALTER TABLE "work_order_completions" ADD CONSTRAINT "work_order_completions_materials_check" CHECK (jsonb_typeof("materials") = 'array');
SELECT cmms_record_history_of(ARRAY['work_order_completions']);
