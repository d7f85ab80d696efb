-- AlterTable
ALTER TABLE "measurement_points" ADD COLUMN     "excursion_since" TIMESTAMPTZ(3),
ADD COLUMN     "last_evaluated_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "maintenance_schedules" ADD COLUMN     "cycle_anchor_on" DATE;

-- AlterTable
ALTER TABLE "work_requests" ADD COLUMN     "measurement_point_id" INTEGER,
ADD COLUMN     "source" VARCHAR(10) NOT NULL DEFAULT 'PERSON',
ALTER COLUMN "reported_by_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "work_order_materials" (
    "id" SERIAL NOT NULL,
    "work_order_id" INTEGER NOT NULL,
    "description" VARCHAR(200) NOT NULL,
    "quantity" DECIMAL(12,3) NOT NULL,
    "unit" VARCHAR(20) NOT NULL,

    CONSTRAINT "work_order_materials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi_snapshots" (
    "id" BIGSERIAL NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "scope" VARCHAR(10) NOT NULL,
    "scope_id" INTEGER NOT NULL,
    "scope_name" VARCHAR(150) NOT NULL,
    "metric" VARCHAR(20) NOT NULL,
    "value" DECIMAL(14,2),

    CONSTRAINT "kpi_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "work_order_materials_work_order_id_idx" ON "work_order_materials"("work_order_id");

-- CreateIndex
CREATE INDEX "kpi_snapshots_taken_at_idx" ON "kpi_snapshots"("taken_at");

-- CreateIndex
CREATE INDEX "kpi_snapshots_metric_scope_scope_id_taken_at_idx" ON "kpi_snapshots"("metric", "scope", "scope_id", "taken_at");

-- AddForeignKey
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_measurement_point_id_fkey" FOREIGN KEY ("measurement_point_id") REFERENCES "measurement_points"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_materials" ADD CONSTRAINT "work_order_materials_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------------
-- Hand-written below.
-- ---------------------------------------------------------------------------------------------------

ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_source_check" CHECK ("source" IN ('PERSON', 'CONDITION'));
-- A person's request names him; only the plant's own (condition) requests have no reporter.
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_reporter_check" CHECK ("source" = 'CONDITION' OR "reported_by_id" IS NOT NULL);
ALTER TABLE "work_order_materials" ADD CONSTRAINT "work_order_materials_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "kpi_snapshots" ADD CONSTRAINT "kpi_snapshots_scope_check" CHECK ("scope" IN ('PLANT', 'SITE', 'CATEGORY'));
ALTER TABLE "kpi_snapshots" ADD CONSTRAINT "kpi_snapshots_metric_check"
  CHECK ("metric" IN ('MTBF_HOURS', 'MTTR_HOURS', 'PM_COMPLIANCE_PCT', 'BACKLOG', 'OVERDUE'));

-- Work-order numbers, reserved in blocks: the preventive generator numbers thousands of orders with one
-- counter update instead of one per row. Numbers past 99 999 in a year widen (lpad alone would cut them).
CREATE FUNCTION cmms_reserve_work_order_numbers(order_year integer, how_many integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  last_reserved int;
BEGIN
  UPDATE work_order_counters SET last_number = last_number + how_many WHERE year = order_year RETURNING last_number INTO last_reserved;
  IF NOT FOUND THEN
    INSERT INTO work_order_counters (year, last_number)
      SELECT order_year, coalesce(max(substr(number, 9)::int), 0) FROM work_orders WHERE number LIKE 'OT-' || order_year || '-%'
      ON CONFLICT (year) DO NOTHING;
    UPDATE work_order_counters SET last_number = last_number + how_many WHERE year = order_year RETURNING last_number INTO last_reserved;
  END IF;
  RETURN last_reserved;
END $$;

ALTER TABLE "work_orders" DROP CONSTRAINT "work_orders_number_check";
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_number_check" CHECK ("number" ~ '^OT-[0-9]{4}-[0-9]{5,}$');

CREATE FUNCTION cmms_work_order_number(order_year integer, n integer) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT 'OT-' || order_year || '-' || lpad(n::text, greatest(5, length(n::text)), '0') $$;

CREATE OR REPLACE FUNCTION cmms_assign_work_order_number() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  order_year int := extract(year FROM NEW.planned_on)::int;
BEGIN
  IF NEW.number IS NOT NULL AND NEW.number <> '' THEN RETURN NEW; END IF;
  NEW.number := cmms_work_order_number(order_year, cmms_reserve_work_order_numbers(order_year, 1));
  RETURN NEW;
END $$;

-- Preventive calendar: a cycle's due dates are anchor + k x interval. Months count from the anchor, so a
-- cycle anchored on the 31st falls on the last day of shorter months (Feb 29th in a leap year) and comes
-- back to the 31st. Plain expressions, so PostgreSQL inlines them into the generator's set-based queries.
CREATE FUNCTION cmms_pm_nth_due(anchor date, every integer, unit text, k integer) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN unit = 'MONTH' THEN (anchor + make_interval(months => k * every))::date
              ELSE anchor + k * every * CASE WHEN unit = 'WEEK' THEN 7 ELSE 1 END END
$$;

-- The index k of the last due date on or before a day (for months: of the due date in that day's month).
CREATE FUNCTION cmms_pm_cycle_index(anchor date, every integer, unit text, day date) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN unit = 'MONTH'
              THEN ((extract(year FROM day) - extract(year FROM anchor)) * 12 + extract(month FROM day) - extract(month FROM anchor))::int / every
              ELSE (day - anchor) / (every * CASE WHEN unit = 'WEEK' THEN 7 ELSE 1 END) END
$$;

-- The due dates of a cycle between two days.
CREATE FUNCTION cmms_pm_due_dates(anchor date, every integer, unit text, from_day date, until_day date)
RETURNS SETOF date LANGUAGE sql IMMUTABLE AS $$
  SELECT cmms_pm_nth_due(anchor, every, unit, k)
    FROM generate_series(greatest(0, cmms_pm_cycle_index(anchor, every, unit, from_day) - 1), cmms_pm_cycle_index(anchor, every, unit, until_day) + 1) AS k
   WHERE cmms_pm_nth_due(anchor, every, unit, k) BETWEEN from_day AND until_day
$$;

-- The first due date of a cycle after a day.
CREATE FUNCTION cmms_pm_next_due(anchor date, every integer, unit text, after_day date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN after_day < anchor THEN anchor
              WHEN cmms_pm_nth_due(anchor, every, unit, cmms_pm_cycle_index(anchor, every, unit, after_day)) > after_day
                THEN cmms_pm_nth_due(anchor, every, unit, cmms_pm_cycle_index(anchor, every, unit, after_day))
              ELSE cmms_pm_nth_due(anchor, every, unit, cmms_pm_cycle_index(anchor, every, unit, after_day) + 1) END
$$;

-- Condition monitoring: a reading outside its point's limits opens a work request when an excursion
-- begins (the reading before it was within limits, or there was none), never once per reading. Readings
-- older than the newest already judged (back-filled history) change nothing.
CREATE FUNCTION cmms_open_condition_requests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH judged AS (
    SELECT r.measurement_point_id AS point_id, r.taken_at, r.value, mp.excursion_since,
           coalesce(r.value < mp.min_value, false) OR coalesce(r.value > mp.max_value, false) AS outside
      FROM new_rows r JOIN measurement_points mp ON mp.id = r.measurement_point_id
     WHERE mp.last_evaluated_at IS NULL OR r.taken_at > mp.last_evaluated_at
  ), sequenced AS (
    SELECT j.*, lag(j.outside) OVER (PARTITION BY j.point_id ORDER BY j.taken_at) AS previous_outside FROM judged j
  ), starts AS (
    SELECT s.* FROM sequenced s WHERE s.outside AND NOT coalesce(s.previous_outside, s.excursion_since IS NOT NULL)
  ), latest AS (
    SELECT DISTINCT ON (point_id) point_id, taken_at, outside FROM sequenced ORDER BY point_id, taken_at DESC
  ), opened AS (
    INSERT INTO work_requests (asset_id, description, priority, state, source, measurement_point_id)
    SELECT mp.asset_id,
           format('Lectura fuera de límites en %s (%s): %s %s el %s UTC; límites %s a %s %s.',
                  mp.code, mp.variable, trim_scale(s.value), mp.unit, to_char(s.taken_at AT TIME ZONE 'UTC', 'DD/MM/YYYY HH24:MI'),
                  coalesce(trim_scale(mp.min_value)::text, '-'), coalesce(trim_scale(mp.max_value)::text, '-'), mp.unit),
           CASE WHEN a.criticality = 'A' THEN 'HIGH' ELSE 'MEDIUM' END, 'OPEN', 'CONDITION', mp.id
      FROM starts s JOIN measurement_points mp ON mp.id = s.point_id JOIN assets a ON a.id = mp.asset_id
     ORDER BY s.point_id, s.taken_at
    RETURNING id
  )
  UPDATE measurement_points mp
     SET last_evaluated_at = l.taken_at,
         excursion_since = CASE WHEN NOT l.outside THEN NULL
                                ELSE coalesce((SELECT max(s.taken_at) FROM starts s WHERE s.point_id = l.point_id), mp.excursion_since) END
    FROM latest l
   WHERE mp.id = l.point_id; -- (the INSERT above runs whether or not it is read: PostgreSQL runs data-modifying WITHs once, in full)
  RETURN NULL;
END $$;

CREATE TRIGGER "readings_condition_requests" AFTER INSERT ON "readings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_open_condition_requests();

-- The newest reading judged moves with every reading: bookkeeping, not news for the history.
CREATE OR REPLACE FUNCTION cmms_history_ignored_columns() RETURNS text[] LANGUAGE sql IMMUTABLE
  AS $$ SELECT ARRAY['password_hash', 'updated_at', 'last_login_at', 'search_text', 'path', 'full_name', 'depth', 'last_evaluated_at'] $$;

-- Every write of a table recorded in the change history: the three statement triggers of
-- *_change_history, for the tables later migrations add.
CREATE FUNCTION cmms_record_history_of(audited text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY audited LOOP
    EXECUTE format('CREATE TRIGGER history_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION cmms_history_capture()', t);
    EXECUTE format('CREATE TRIGGER history_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION cmms_history_capture()', t);
    EXECUTE format('CREATE TRIGGER history_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION cmms_history_capture()', t);
  END LOOP;
END $$;

SELECT cmms_record_history_of(ARRAY['work_order_materials']);
