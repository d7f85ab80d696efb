-- AlterTable
ALTER TABLE "import_runs" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "checkpoint_row" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "resumed_from_row" INTEGER,
ADD COLUMN     "rows_total" INTEGER;

-- CreateTable
CREATE TABLE "import_run_errors" (
    "id" SERIAL NOT NULL,
    "import_run_id" INTEGER NOT NULL,
    "row_number" INTEGER NOT NULL,
    "column" VARCHAR(120),
    "value" TEXT,
    "reason" TEXT NOT NULL,

    CONSTRAINT "import_run_errors_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_run_errors_import_run_id_row_number_idx" ON "import_run_errors"("import_run_id", "row_number");

-- AddForeignKey
ALTER TABLE "import_run_errors" ADD CONSTRAINT "import_run_errors_import_run_id_fkey" FOREIGN KEY ("import_run_id") REFERENCES "import_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

