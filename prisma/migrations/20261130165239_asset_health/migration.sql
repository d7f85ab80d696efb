-- CreateTable
CREATE TABLE "downtime_events" (
    "id" SERIAL NOT NULL,
    "asset_id" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "planned" BOOLEAN NOT NULL DEFAULT false,
    "reason" VARCHAR(12) NOT NULL DEFAULT 'FAILURE',
    "work_order_id" INTEGER,
    "work_request_id" INTEGER,
    "notes" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "downtime_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "category_reliability" (
    "id" SERIAL NOT NULL,
    "category_id" INTEGER NOT NULL,
    "assessed_on" DATE NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "failures" INTEGER NOT NULL,
    "censored" INTEGER NOT NULL,
    "shape" DECIMAL(10,4),
    "scale_days" DECIMAL(12,2),
    "mean_days" DECIMAL(12,2),

    CONSTRAINT "category_reliability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "asset_health" (
    "id" SERIAL NOT NULL,
    "asset_id" INTEGER NOT NULL,
    "assessed_on" DATE NOT NULL,
    "score" INTEGER NOT NULL,
    "risk_state" VARCHAR(16) NOT NULL,
    "failure_probability" DECIMAL(6,4),
    "expected_remaining_days" DECIMAL(12,1),
    "days_since_failure" DECIMAL(12,1),
    "overdue_preventive" INTEGER NOT NULL DEFAULT 0,
    "open_excursions" INTEGER NOT NULL DEFAULT 0,
    "predicted_crossings" INTEGER NOT NULL DEFAULT 0,
    "reasons" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "asset_health_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "point_trends" (
    "id" SERIAL NOT NULL,
    "measurement_point_id" INTEGER NOT NULL,
    "assessed_on" DATE NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "readings" INTEGER NOT NULL,
    "slope_per_day" DECIMAL(18,6),
    "pivot_at" TIMESTAMPTZ(3),
    "pivot_value" DECIMAL(18,4),
    "limit_side" VARCHAR(3),
    "predicted_crossing_at" TIMESTAMPTZ(3),
    "earliest_crossing_at" TIMESTAMPTZ(3),
    "latest_crossing_at" TIMESTAMPTZ(3),
    "work_request_id" INTEGER,

    CONSTRAINT "point_trends_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "health_assessments" (
    "id" SERIAL NOT NULL,
    "day" DATE NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "assets" INTEGER NOT NULL DEFAULT 0,
    "categories_fitted" INTEGER NOT NULL DEFAULT 0,
    "points" INTEGER NOT NULL DEFAULT 0,
    "requests_raised" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "health_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "downtime_events_asset_id_started_at_idx" ON "downtime_events"("asset_id", "started_at");

-- CreateIndex
CREATE INDEX "downtime_events_work_order_id_idx" ON "downtime_events"("work_order_id");

-- CreateIndex
CREATE INDEX "downtime_events_work_request_id_idx" ON "downtime_events"("work_request_id");

-- CreateIndex
CREATE UNIQUE INDEX "category_reliability_category_id_key" ON "category_reliability"("category_id");

-- CreateIndex
CREATE UNIQUE INDEX "asset_health_asset_id_key" ON "asset_health"("asset_id");

-- CreateIndex
CREATE INDEX "asset_health_score_idx" ON "asset_health"("score");

-- CreateIndex
CREATE UNIQUE INDEX "point_trends_measurement_point_id_key" ON "point_trends"("measurement_point_id");

-- CreateIndex
CREATE INDEX "point_trends_state_idx" ON "point_trends"("state");

-- CreateIndex
CREATE UNIQUE INDEX "health_assessments_day_key" ON "health_assessments"("day");

-- AddForeignKey
ALTER TABLE "downtime_events" ADD CONSTRAINT "downtime_events_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "downtime_events" ADD CONSTRAINT "downtime_events_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "downtime_events" ADD CONSTRAINT "downtime_events_work_request_id_fkey" FOREIGN KEY ("work_request_id") REFERENCES "work_requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "category_reliability" ADD CONSTRAINT "category_reliability_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "asset_categories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_health" ADD CONSTRAINT "asset_health_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_trends" ADD CONSTRAINT "point_trends_measurement_point_id_fkey" FOREIGN KEY ("measurement_point_id") REFERENCES "measurement_points"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_trends" ADD CONSTRAINT "point_trends_work_request_id_fkey" FOREIGN KEY ("work_request_id") REFERENCES "work_requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------
-- Written by hand (issue 25, asset health)
-- ---------------------------------------------------------------------------------------------------

ALTER TABLE "downtime_events" ADD CONSTRAINT "downtime_events_reason_check" CHECK ("reason" IN ('FAILURE', 'PREVENTIVE', 'OPERATIONAL', 'EXTERNAL', 'OTHER'));
ALTER TABLE "downtime_events" ADD CONSTRAINT "downtime_events_period_check" CHECK ("ended_at" IS NULL OR "ended_at" >= "started_at");
ALTER TABLE "category_reliability" ADD CONSTRAINT "category_reliability_state_check" CHECK ("state" IN ('FITTED', 'TOO_LITTLE_DATA'));
ALTER TABLE "asset_health" ADD CONSTRAINT "asset_health_risk_state_check" CHECK ("risk_state" IN ('ESTIMATED', 'TOO_LITTLE_DATA'));
ALTER TABLE "asset_health" ADD CONSTRAINT "asset_health_score_check" CHECK ("score" BETWEEN 0 AND 100);
ALTER TABLE "point_trends" ADD CONSTRAINT "point_trends_state_check" CHECK ("state" IN ('CROSSING', 'LATER', 'STEADY', 'OUTSIDE', 'TOO_LITTLE_DATA'));
ALTER TABLE "point_trends" ADD CONSTRAINT "point_trends_limit_side_check" CHECK ("limit_side" IN ('MAX', 'MIN'));

-- An asset is stopped or it is not: one open stop at a time ("Registrar parada" twice is told so).
CREATE UNIQUE INDEX "downtime_events_one_open_per_asset" ON "downtime_events" ("asset_id") WHERE "ended_at" IS NULL;

-- Work requests the 06:00 job raises for a reading trend predicted to cross its limit (no reporter, as
-- the condition requests the readings trigger opens).
ALTER TABLE "work_requests" DROP CONSTRAINT "work_requests_source_check";
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_source_check" CHECK ("source" IN ('PERSON', 'CONDITION', 'TREND'));
ALTER TABLE "work_requests" DROP CONSTRAINT "work_requests_reporter_check";
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_reporter_check" CHECK ("source" IN ('CONDITION', 'TREND') OR "reported_by_id" IS NOT NULL);

-- The work-order lifecycle's one hook, in the database so every path that completes an order (the
-- technician's "Completar", a supervisor's closeout, SQL) ends its stop: an order completed or closed
-- ends the open downtime it caused or that its request reported, at its completion time.
CREATE FUNCTION cmms_end_downtime_of_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE downtime_events d
     SET ended_at = greatest(d.started_at, coalesce(NEW.completed_at, now())), work_order_id = NEW.id
   WHERE d.ended_at IS NULL
     AND (d.work_order_id = NEW.id OR (NEW.work_request_id IS NOT NULL AND d.work_request_id = NEW.work_request_id AND d.work_order_id IS NULL));
  RETURN NULL;
END $$;
CREATE TRIGGER "work_orders_end_downtime" AFTER UPDATE OF "state" ON "work_orders"
  FOR EACH ROW WHEN (NEW.state IN ('COMPLETED', 'CLOSED') AND OLD.state NOT IN ('COMPLETED', 'CLOSED')) EXECUTE FUNCTION cmms_end_downtime_of_order();

-- A request turned into an order hands its stop to the order (the order "fixed it").
CREATE FUNCTION cmms_downtime_follows_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE downtime_events SET work_order_id = NEW.id WHERE work_request_id = NEW.work_request_id AND work_order_id IS NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER "work_orders_take_request_downtime" AFTER INSERT ON "work_orders"
  FOR EACH ROW WHEN (NEW.work_request_id IS NOT NULL) EXECUTE FUNCTION cmms_downtime_follows_request();

-- Stops are plant records: recorded. The job's results (category_reliability, asset_health, point_trends,
-- health_assessments) are derived and replaced daily: UNRECORDED_TABLES says so.
SELECT cmms_record_history_of(ARRAY['downtime_events']);
