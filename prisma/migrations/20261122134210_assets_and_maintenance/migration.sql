-- AlterTable
ALTER TABLE "users" ALTER COLUMN "updated_at" SET DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "user_profiles" ADD COLUMN     "default_location_id" INTEGER,
ALTER COLUMN "updated_at" SET DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "measurement_points" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "asset_id" INTEGER NOT NULL,
    "variable" VARCHAR(80) NOT NULL,
    "unit" VARCHAR(20) NOT NULL,
    "min_value" DECIMAL(18,4),
    "max_value" DECIMAL(18,4),
    "is_meter" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measurement_points_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "readings" (
    "id" SERIAL NOT NULL,
    "measurement_point_id" INTEGER NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "source" VARCHAR(16) NOT NULL DEFAULT 'MANUAL',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "readings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "locations" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "parent_id" INTEGER,
    "path" VARCHAR(400) NOT NULL DEFAULT '',
    "full_name" VARCHAR(1000) NOT NULL DEFAULT '',
    "depth" INTEGER NOT NULL DEFAULT 0,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "locations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "asset_categories" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "description" TEXT,

    CONSTRAINT "asset_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assets" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "description" VARCHAR(300) NOT NULL,
    "location_id" INTEGER NOT NULL,
    "category_id" INTEGER NOT NULL,
    "responsible_user_id" INTEGER,
    "status" VARCHAR(16) NOT NULL DEFAULT 'IN_SERVICE',
    "manufacturer" VARCHAR(120),
    "model" VARCHAR(120),
    "serial_number" VARCHAR(120),
    "installed_on" DATE,
    "criticality" CHAR(1) NOT NULL DEFAULT 'C',
    "parent_asset_id" INTEGER,
    "search_text" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_runs" (
    "id" SERIAL NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "file_key" VARCHAR(512) NOT NULL,
    "user_id" INTEGER,
    "mode" VARCHAR(16) NOT NULL DEFAULT 'ALL_OR_NOTHING',
    "state" VARCHAR(16) NOT NULL DEFAULT 'QUEUED',
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "rows_valid" INTEGER NOT NULL DEFAULT 0,
    "rows_rejected" INTEGER NOT NULL DEFAULT 0,
    "rows_written" INTEGER NOT NULL DEFAULT 0,
    "error_report_key" VARCHAR(512),
    "error_message" TEXT,
    "job_id" VARCHAR(64),
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maintenance_types" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "parent_id" INTEGER,

    CONSTRAINT "maintenance_types_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "frequencies" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "calendar_interval" INTEGER,
    "calendar_unit" VARCHAR(8),
    "meter_interval" DECIMAL(18,4),

    CONSTRAINT "frequencies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedures" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "description" TEXT,

    CONSTRAINT "procedures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedure_steps" (
    "id" SERIAL NOT NULL,
    "procedure_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "instruction" VARCHAR(500) NOT NULL,
    "value_type" VARCHAR(8) NOT NULL DEFAULT 'BOOLEAN',
    "unit" VARCHAR(20),
    "min_value" DECIMAL(18,4),
    "max_value" DECIMAL(18,4),

    CONSTRAINT "procedure_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routines" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "maintenance_type_id" INTEGER NOT NULL,
    "frequency_id" INTEGER NOT NULL,
    "procedure_id" INTEGER,
    "estimated_hours" DECIMAL(8,2),

    CONSTRAINT "routines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_calendars" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "working_days" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "day_start" VARCHAR(5) NOT NULL DEFAULT '07:00',
    "day_end" VARCHAR(5) NOT NULL DEFAULT '16:00',

    CONSTRAINT "work_calendars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_holidays" (
    "id" SERIAL NOT NULL,
    "calendar_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "name" VARCHAR(120) NOT NULL,

    CONSTRAINT "calendar_holidays_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maintenance_schedules" (
    "id" SERIAL NOT NULL,
    "routine_id" INTEGER NOT NULL,
    "asset_id" INTEGER NOT NULL,
    "calendar_id" INTEGER,
    "meter_point_id" INTEGER,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "next_due_on" DATE,
    "last_meter_value" DECIMAL(18,4),

    CONSTRAINT "maintenance_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "technicians" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "craft" VARCHAR(80) NOT NULL,
    "hourly_cost" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "is_active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "technicians_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_requests" (
    "id" SERIAL NOT NULL,
    "reported_by_id" INTEGER NOT NULL,
    "asset_id" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "priority" VARCHAR(8) NOT NULL DEFAULT 'MEDIUM',
    "state" VARCHAR(12) NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_orders" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(16) NOT NULL,
    "kind" VARCHAR(10) NOT NULL,
    "schedule_id" INTEGER,
    "work_request_id" INTEGER,
    "asset_id" INTEGER NOT NULL,
    "technician_id" INTEGER,
    "state" VARCHAR(12) NOT NULL DEFAULT 'PENDING',
    "priority" VARCHAR(8) NOT NULL DEFAULT 'MEDIUM',
    "description" VARCHAR(500) NOT NULL,
    "planned_on" DATE NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "search_text" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_order_step_values" (
    "id" SERIAL NOT NULL,
    "work_order_id" INTEGER NOT NULL,
    "procedure_step_id" INTEGER NOT NULL,
    "value" VARCHAR(500) NOT NULL,
    "passed" BOOLEAN,
    "recorded_by_id" INTEGER,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_order_step_values_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "failure_codes" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "parent_id" INTEGER,

    CONSTRAINT "failure_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_order_closures" (
    "id" SERIAL NOT NULL,
    "work_order_id" INTEGER NOT NULL,
    "labor_hours" DECIMAL(8,2) NOT NULL,
    "problem_id" INTEGER,
    "cause_id" INTEGER,
    "remedy_id" INTEGER,
    "observations" TEXT,
    "closed_by_id" INTEGER NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_order_closures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "measurement_points_code_key" ON "measurement_points"("code");

-- CreateIndex
CREATE INDEX "measurement_points_asset_id_idx" ON "measurement_points"("asset_id");

-- CreateIndex
CREATE INDEX "readings_taken_at_idx" ON "readings"("taken_at");

-- CreateIndex
CREATE UNIQUE INDEX "readings_measurement_point_id_taken_at_key" ON "readings"("measurement_point_id", "taken_at");

-- CreateIndex
CREATE UNIQUE INDEX "locations_code_key" ON "locations"("code");

-- CreateIndex
CREATE INDEX "locations_parent_id_idx" ON "locations"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "asset_categories_code_key" ON "asset_categories"("code");

-- CreateIndex
CREATE UNIQUE INDEX "asset_categories_name_key" ON "asset_categories"("name");

-- CreateIndex
CREATE UNIQUE INDEX "assets_code_key" ON "assets"("code");

-- CreateIndex
CREATE INDEX "assets_location_id_idx" ON "assets"("location_id");

-- CreateIndex
CREATE INDEX "assets_category_id_idx" ON "assets"("category_id");

-- CreateIndex
CREATE INDEX "assets_status_idx" ON "assets"("status");

-- CreateIndex
CREATE INDEX "assets_parent_asset_id_idx" ON "assets"("parent_asset_id");

-- CreateIndex
CREATE INDEX "assets_responsible_user_id_idx" ON "assets"("responsible_user_id");

-- CreateIndex
CREATE INDEX "import_runs_created_at_idx" ON "import_runs"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "maintenance_types_code_key" ON "maintenance_types"("code");

-- CreateIndex
CREATE INDEX "maintenance_types_parent_id_idx" ON "maintenance_types"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "frequencies_code_key" ON "frequencies"("code");

-- CreateIndex
CREATE UNIQUE INDEX "procedures_code_key" ON "procedures"("code");

-- CreateIndex
CREATE UNIQUE INDEX "procedure_steps_procedure_id_position_key" ON "procedure_steps"("procedure_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "routines_code_key" ON "routines"("code");

-- CreateIndex
CREATE UNIQUE INDEX "work_calendars_code_key" ON "work_calendars"("code");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_holidays_calendar_id_date_key" ON "calendar_holidays"("calendar_id", "date");

-- CreateIndex
CREATE INDEX "maintenance_schedules_asset_id_idx" ON "maintenance_schedules"("asset_id");

-- CreateIndex
CREATE INDEX "maintenance_schedules_is_active_next_due_on_idx" ON "maintenance_schedules"("is_active", "next_due_on");

-- CreateIndex
CREATE UNIQUE INDEX "maintenance_schedules_routine_id_asset_id_key" ON "maintenance_schedules"("routine_id", "asset_id");

-- CreateIndex
CREATE UNIQUE INDEX "technicians_user_id_key" ON "technicians"("user_id");

-- CreateIndex
CREATE INDEX "work_requests_state_idx" ON "work_requests"("state");

-- CreateIndex
CREATE INDEX "work_requests_asset_id_idx" ON "work_requests"("asset_id");

-- CreateIndex
CREATE UNIQUE INDEX "work_orders_number_key" ON "work_orders"("number");

-- CreateIndex
CREATE UNIQUE INDEX "work_orders_work_request_id_key" ON "work_orders"("work_request_id");

-- CreateIndex
CREATE INDEX "work_orders_state_planned_on_idx" ON "work_orders"("state", "planned_on");

-- CreateIndex
CREATE INDEX "work_orders_planned_on_idx" ON "work_orders"("planned_on");

-- CreateIndex
CREATE INDEX "work_orders_technician_id_state_idx" ON "work_orders"("technician_id", "state");

-- CreateIndex
CREATE INDEX "work_orders_asset_id_idx" ON "work_orders"("asset_id");

-- CreateIndex
CREATE UNIQUE INDEX "work_orders_schedule_id_planned_on_key" ON "work_orders"("schedule_id", "planned_on");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_step_values_work_order_id_procedure_step_id_key" ON "work_order_step_values"("work_order_id", "procedure_step_id");

-- CreateIndex
CREATE UNIQUE INDEX "failure_codes_code_key" ON "failure_codes"("code");

-- CreateIndex
CREATE INDEX "failure_codes_parent_id_idx" ON "failure_codes"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_closures_work_order_id_key" ON "work_order_closures"("work_order_id");

-- AddForeignKey
ALTER TABLE "user_profiles" ADD CONSTRAINT "user_profiles_default_location_id_fkey" FOREIGN KEY ("default_location_id") REFERENCES "locations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measurement_points" ADD CONSTRAINT "measurement_points_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "readings" ADD CONSTRAINT "readings_measurement_point_id_fkey" FOREIGN KEY ("measurement_point_id") REFERENCES "measurement_points"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "locations" ADD CONSTRAINT "locations_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assets" ADD CONSTRAINT "assets_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assets" ADD CONSTRAINT "assets_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "asset_categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assets" ADD CONSTRAINT "assets_responsible_user_id_fkey" FOREIGN KEY ("responsible_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assets" ADD CONSTRAINT "assets_parent_asset_id_fkey" FOREIGN KEY ("parent_asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_types" ADD CONSTRAINT "maintenance_types_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "maintenance_types"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedure_steps" ADD CONSTRAINT "procedure_steps_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routines" ADD CONSTRAINT "routines_maintenance_type_id_fkey" FOREIGN KEY ("maintenance_type_id") REFERENCES "maintenance_types"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routines" ADD CONSTRAINT "routines_frequency_id_fkey" FOREIGN KEY ("frequency_id") REFERENCES "frequencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routines" ADD CONSTRAINT "routines_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_holidays" ADD CONSTRAINT "calendar_holidays_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "work_calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_routine_id_fkey" FOREIGN KEY ("routine_id") REFERENCES "routines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "work_calendars"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_meter_point_id_fkey" FOREIGN KEY ("meter_point_id") REFERENCES "measurement_points"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "technicians" ADD CONSTRAINT "technicians_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_reported_by_id_fkey" FOREIGN KEY ("reported_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "maintenance_schedules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_work_request_id_fkey" FOREIGN KEY ("work_request_id") REFERENCES "work_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_technician_id_fkey" FOREIGN KEY ("technician_id") REFERENCES "technicians"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_step_values" ADD CONSTRAINT "work_order_step_values_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_step_values" ADD CONSTRAINT "work_order_step_values_procedure_step_id_fkey" FOREIGN KEY ("procedure_step_id") REFERENCES "procedure_steps"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_step_values" ADD CONSTRAINT "work_order_step_values_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "failure_codes" ADD CONSTRAINT "failure_codes_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "failure_codes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_closures" ADD CONSTRAINT "work_order_closures_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_closures" ADD CONSTRAINT "work_order_closures_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "failure_codes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_closures" ADD CONSTRAINT "work_order_closures_cause_id_fkey" FOREIGN KEY ("cause_id") REFERENCES "failure_codes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_closures" ADD CONSTRAINT "work_order_closures_remedy_id_fkey" FOREIGN KEY ("remedy_id") REFERENCES "failure_codes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_closures" ADD CONSTRAINT "work_order_closures_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ===========================================================================
-- Hand-written: what Prisma cannot express.
-- ===========================================================================

-- Accent- and case-insensitive search (Spanish names): unaccent + trigram indexes.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary); pinning the dictionary makes this wrapper safe to
-- declare IMMUTABLE, so it can feed generated columns and indexes. Mirrors normalizeSearchText() in TS.
CREATE FUNCTION cmms_normalize(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;

ALTER TABLE "assets" DROP COLUMN "search_text";
ALTER TABLE "assets" ADD COLUMN "search_text" text
  GENERATED ALWAYS AS (cmms_normalize("code" || ' ' || "description")) STORED;
CREATE INDEX "assets_search_text_trgm" ON "assets" USING gin ("search_text" gin_trgm_ops);

ALTER TABLE "work_orders" DROP COLUMN "search_text";
ALTER TABLE "work_orders" ADD COLUMN "search_text" text
  GENERATED ALWAYS AS (cmms_normalize("number" || ' ' || "description")) STORED;
CREATE INDEX "work_orders_search_text_trgm" ON "work_orders" USING gin ("search_text" gin_trgm_ops);

-- Location subtree filters: path LIKE '/1/5/%'.
CREATE INDEX "locations_path_prefix" ON "locations" ("path" text_pattern_ops);
CREATE INDEX "locations_full_name_trgm" ON "locations" USING gin (cmms_normalize("full_name") gin_trgm_ops);

-- Trees: nothing may become its own ancestor (locations, maintenance types, failure codes, assets).
-- The error names a pseudo-constraint "<table>_no_cycle" so the UI can explain it like any CHECK.
CREATE FUNCTION cmms_prevent_tree_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_column text := TG_ARGV[0];
  new_parent int := (to_jsonb(NEW) ->> parent_column)::int;
  cycle boolean;
BEGIN
  IF new_parent IS NULL THEN RETURN NEW; END IF;
  EXECUTE format(
    'WITH RECURSIVE up(id, parent) AS (
       SELECT id, %1$I FROM %2$I WHERE id = $1
       UNION SELECT t.id, t.%1$I FROM %2$I t JOIN up ON t.id = up.parent)
     SELECT EXISTS (SELECT 1 FROM up WHERE id = $2)', parent_column, TG_TABLE_NAME)
    INTO cycle USING new_parent, NEW.id;
  IF cycle THEN
    RAISE EXCEPTION 'row % of "%" would become its own ancestor: violates constraint "%"',
      NEW.id, TG_TABLE_NAME, TG_TABLE_NAME || '_no_cycle'
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_no_cycle';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "locations_no_cycle" BEFORE INSERT OR UPDATE OF "parent_id" ON "locations"
  FOR EACH ROW EXECUTE FUNCTION cmms_prevent_tree_cycle('parent_id');
CREATE TRIGGER "maintenance_types_no_cycle" BEFORE INSERT OR UPDATE OF "parent_id" ON "maintenance_types"
  FOR EACH ROW EXECUTE FUNCTION cmms_prevent_tree_cycle('parent_id');
CREATE TRIGGER "failure_codes_no_cycle" BEFORE INSERT OR UPDATE OF "parent_id" ON "failure_codes"
  FOR EACH ROW EXECUTE FUNCTION cmms_prevent_tree_cycle('parent_id');
CREATE TRIGGER "assets_no_cycle" BEFORE INSERT OR UPDATE OF "parent_asset_id" ON "assets"
  FOR EACH ROW EXECUTE FUNCTION cmms_prevent_tree_cycle('parent_asset_id');

-- Location path, full name and depth follow the parent; a change ripples down the subtree.
CREATE FUNCTION cmms_location_path() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE parent_row locations%ROWTYPE;
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := '/' || NEW.id || '/';
    NEW.full_name := NEW.name;
    NEW.depth := 0;
  ELSE
    SELECT * INTO parent_row FROM locations WHERE id = NEW.parent_id;
    NEW.path := parent_row.path || NEW.id || '/';
    NEW.full_name := parent_row.full_name || ' > ' || NEW.name;
    NEW.depth := parent_row.depth + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION cmms_location_path_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.path IS DISTINCT FROM OLD.path OR NEW.full_name IS DISTINCT FROM OLD.full_name THEN
    UPDATE locations SET parent_id = parent_id WHERE parent_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "locations_path" BEFORE INSERT OR UPDATE ON "locations"
  FOR EACH ROW EXECUTE FUNCTION cmms_location_path();
CREATE TRIGGER "locations_path_cascade" AFTER UPDATE ON "locations"
  FOR EACH ROW EXECUTE FUNCTION cmms_location_path_cascade();

-- Closed vocabularies and non-negative quantities.
ALTER TABLE "readings" ADD CONSTRAINT "readings_source_check" CHECK ("source" IN ('MANUAL', 'IMPORT', 'SCADA', 'WORK_ORDER'));
ALTER TABLE "measurement_points" ADD CONSTRAINT "measurement_points_limits_check"
  CHECK ("min_value" IS NULL OR "max_value" IS NULL OR "min_value" <= "max_value");
ALTER TABLE "assets" ADD CONSTRAINT "assets_status_check" CHECK ("status" IN ('IN_SERVICE', 'STANDBY', 'OUT_OF_SERVICE', 'RETIRED'));
ALTER TABLE "assets" ADD CONSTRAINT "assets_criticality_check" CHECK ("criticality" IN ('A', 'B', 'C'));
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_mode_check" CHECK ("mode" IN ('ALL_OR_NOTHING', 'VALID_ROWS'));
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_state_check" CHECK ("state" IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED'));
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_counts_check"
  CHECK ("rows_read" >= 0 AND "rows_valid" >= 0 AND "rows_rejected" >= 0 AND "rows_written" >= 0);
ALTER TABLE "frequencies" ADD CONSTRAINT "frequencies_interval_check" CHECK (
  ("calendar_interval" IS NULL) = ("calendar_unit" IS NULL)
  AND ("calendar_interval" IS NOT NULL OR "meter_interval" IS NOT NULL)
  AND ("calendar_interval" IS NULL OR "calendar_interval" > 0)
  AND ("calendar_unit" IS NULL OR "calendar_unit" IN ('DAY', 'WEEK', 'MONTH'))
  AND ("meter_interval" IS NULL OR "meter_interval" > 0));
ALTER TABLE "procedure_steps" ADD CONSTRAINT "procedure_steps_value_type_check" CHECK ("value_type" IN ('NUMBER', 'BOOLEAN', 'TEXT'));
ALTER TABLE "procedure_steps" ADD CONSTRAINT "procedure_steps_position_check" CHECK ("position" > 0);
ALTER TABLE "procedure_steps" ADD CONSTRAINT "procedure_steps_limits_check"
  CHECK ("min_value" IS NULL OR "max_value" IS NULL OR "min_value" <= "max_value");
ALTER TABLE "routines" ADD CONSTRAINT "routines_estimated_hours_check" CHECK ("estimated_hours" IS NULL OR "estimated_hours" >= 0);
ALTER TABLE "work_calendars" ADD CONSTRAINT "work_calendars_days_check"
  CHECK ("working_days" <@ ARRAY[1, 2, 3, 4, 5, 6, 7] AND cardinality("working_days") > 0);
ALTER TABLE "work_calendars" ADD CONSTRAINT "work_calendars_hours_check"
  CHECK ("day_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "day_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "day_start" < "day_end");
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_window_check" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on");
ALTER TABLE "technicians" ADD CONSTRAINT "technicians_hourly_cost_check" CHECK ("hourly_cost" >= 0);
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_priority_check" CHECK ("priority" IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT'));
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_state_check" CHECK ("state" IN ('OPEN', 'IN_REVIEW', 'CONVERTED', 'REJECTED'));
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_kind_check" CHECK ("kind" IN ('PREVENTIVE', 'CORRECTIVE'));
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_state_check"
  CHECK ("state" IN ('PENDING', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CLOSED', 'CANCELLED'));
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_priority_check" CHECK ("priority" IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT'));
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_number_check" CHECK ("number" ~ '^OT-[0-9]{4}-[0-9]{5}$');
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_preventive_schedule_check" CHECK ("kind" <> 'PREVENTIVE' OR "schedule_id" IS NOT NULL);
ALTER TABLE "failure_codes" ADD CONSTRAINT "failure_codes_kind_check" CHECK (
  ("kind" = 'PROBLEM' AND "parent_id" IS NULL) OR ("kind" IN ('CAUSE', 'REMEDY') AND "parent_id" IS NOT NULL));
ALTER TABLE "work_order_closures" ADD CONSTRAINT "work_order_closures_labor_hours_check" CHECK ("labor_hours" > 0);

-- Work-order numbers OT-YYYY-NNNNN, gap-free per year of the planned date. The counter row is updated in
-- the inserting transaction (a rollback gives the number back) and its row lock makes concurrent inserts
-- take turns, so numbers stay unique. Rows inserted with a number (imports, the demo seed) are kept, and
-- a year's counter starts from the highest number already present.
CREATE TABLE "work_order_counters" (
  "year" integer PRIMARY KEY,
  "last_number" integer NOT NULL CHECK ("last_number" >= 0)
);

CREATE FUNCTION cmms_assign_work_order_number() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  order_year int := extract(year FROM NEW.planned_on)::int;
  assigned int;
BEGIN
  IF NEW.number IS NOT NULL AND NEW.number <> '' THEN RETURN NEW; END IF;
  INSERT INTO work_order_counters (year, last_number)
    SELECT order_year, coalesce(max(substr(number, 9)::int), 0) FROM work_orders WHERE number LIKE 'OT-' || order_year || '-%'
    ON CONFLICT (year) DO NOTHING;
  UPDATE work_order_counters SET last_number = last_number + 1 WHERE year = order_year RETURNING last_number INTO assigned;
  NEW.number := 'OT-' || order_year || '-' || lpad(assigned::text, 5, '0');
  RETURN NEW;
END $$;

CREATE TRIGGER "work_orders_number" BEFORE INSERT ON "work_orders"
  FOR EACH ROW EXECUTE FUNCTION cmms_assign_work_order_number();
