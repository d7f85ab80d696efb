-- AlterTable
ALTER TABLE "requisition_approvals" ADD COLUMN     "ip" VARCHAR(64),
ADD COLUMN     "user_agent" VARCHAR(500);

-- CreateTable
CREATE TABLE "budget_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "overdraft_tolerance_percent" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_settings_pkey" PRIMARY KEY ("id")
);


-- Hand-written (issue 20): one row of settings, always there; the tolerance between 0 and 100 %.
ALTER TABLE "budget_settings" ADD CONSTRAINT "budget_settings_single_row" CHECK ("id" = 1);
ALTER TABLE "budget_settings" ADD CONSTRAINT "budget_settings_overdraft_tolerance_percent_check" CHECK ("overdraft_tolerance_percent" BETWEEN 0 AND 100);
INSERT INTO "budget_settings" ("id") VALUES (1);
-- A change of the tolerance is business history.
SELECT cmms_record_history_of(ARRAY['budget_settings']);
