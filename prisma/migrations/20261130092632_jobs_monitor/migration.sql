-- CreateTable
CREATE TABLE "job_interventions" (
    "id" SERIAL NOT NULL,
    "action" VARCHAR(10) NOT NULL,
    "queue" VARCHAR(60) NOT NULL,
    "job_id" UUID,
    "job_name" VARCHAR(60) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_interventions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_interventions_created_at_idx" ON "job_interventions"("created_at");


-- The three things an administrator may do from the jobs monitor.
ALTER TABLE "job_interventions" ADD CONSTRAINT "job_interventions_action_check" CHECK ("action" IN ('RETRY', 'CANCEL', 'RUN_NOW'));

-- Who retried, cancelled or ran a job is in the change history.
SELECT cmms_record_history_of(ARRAY['job_interventions']);
