-- AlterTable
ALTER TABLE "requisitions" ADD COLUMN     "project_id" INTEGER;

-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "project_id" INTEGER;

-- AlterTable
ALTER TABLE "work_orders" ADD COLUMN     "contract_assigned_at" TIMESTAMPTZ(3),
ADD COLUMN     "project_id" INTEGER,
ADD COLUMN     "service_contract_id" INTEGER;

-- CreateTable
CREATE TABLE "projects" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "description" VARCHAR(2000),
    "manager_id" INTEGER NOT NULL,
    "location_id" INTEGER,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "budget_line_id" INTEGER,
    "state" VARCHAR(12) NOT NULL DEFAULT 'PLANNED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_tasks" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "progress" SMALLINT NOT NULL DEFAULT 0,
    "assignee_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_task_dependencies" (
    "id" SERIAL NOT NULL,
    "task_id" INTEGER NOT NULL,
    "depends_on_id" INTEGER NOT NULL,

    CONSTRAINT "project_task_dependencies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_contracts" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "vendor_id" INTEGER NOT NULL,
    "scope" VARCHAR(2000) NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "value" DECIMAL(14,2) NOT NULL,
    "response_hours" INTEGER NOT NULL,
    "resolution_hours" INTEGER NOT NULL,
    "renewal_notice_days" INTEGER NOT NULL DEFAULT 30,
    "owner_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_contracts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_contract_assets" (
    "id" SERIAL NOT NULL,
    "contract_id" INTEGER NOT NULL,
    "asset_id" INTEGER NOT NULL,

    CONSTRAINT "service_contract_assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_contract_locations" (
    "id" SERIAL NOT NULL,
    "contract_id" INTEGER NOT NULL,
    "location_id" INTEGER NOT NULL,

    CONSTRAINT "service_contract_locations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "projects_code_key" ON "projects"("code");

-- CreateIndex
CREATE INDEX "projects_location_id_idx" ON "projects"("location_id");

-- CreateIndex
CREATE INDEX "projects_manager_id_idx" ON "projects"("manager_id");

-- CreateIndex
CREATE INDEX "projects_budget_line_id_idx" ON "projects"("budget_line_id");

-- CreateIndex
CREATE INDEX "project_tasks_project_id_idx" ON "project_tasks"("project_id");

-- CreateIndex
CREATE INDEX "project_tasks_assignee_id_idx" ON "project_tasks"("assignee_id");

-- CreateIndex
CREATE INDEX "project_task_dependencies_depends_on_id_idx" ON "project_task_dependencies"("depends_on_id");

-- CreateIndex
CREATE UNIQUE INDEX "project_task_dependencies_task_id_depends_on_id_key" ON "project_task_dependencies"("task_id", "depends_on_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_contracts_code_key" ON "service_contracts"("code");

-- CreateIndex
CREATE INDEX "service_contracts_vendor_id_idx" ON "service_contracts"("vendor_id");

-- CreateIndex
CREATE INDEX "service_contracts_ends_on_idx" ON "service_contracts"("ends_on");

-- CreateIndex
CREATE INDEX "service_contract_assets_asset_id_idx" ON "service_contract_assets"("asset_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_contract_assets_contract_id_asset_id_key" ON "service_contract_assets"("contract_id", "asset_id");

-- CreateIndex
CREATE INDEX "service_contract_locations_location_id_idx" ON "service_contract_locations"("location_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_contract_locations_contract_id_location_id_key" ON "service_contract_locations"("contract_id", "location_id");

-- CreateIndex
CREATE INDEX "requisitions_project_id_idx" ON "requisitions"("project_id");

-- CreateIndex
CREATE INDEX "documents_project_id_idx" ON "documents"("project_id");

-- CreateIndex
CREATE INDEX "work_orders_project_id_idx" ON "work_orders"("project_id");

-- CreateIndex
CREATE INDEX "work_orders_service_contract_id_idx" ON "work_orders"("service_contract_id");

-- AddForeignKey
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_service_contract_id_fkey" FOREIGN KEY ("service_contract_id") REFERENCES "service_contracts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_task_dependencies" ADD CONSTRAINT "project_task_dependencies_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "project_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_task_dependencies" ADD CONSTRAINT "project_task_dependencies_depends_on_id_fkey" FOREIGN KEY ("depends_on_id") REFERENCES "project_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_contract_assets" ADD CONSTRAINT "service_contract_assets_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "service_contracts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_contract_assets" ADD CONSTRAINT "service_contract_assets_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_contract_locations" ADD CONSTRAINT "service_contract_locations_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "service_contracts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_contract_locations" ADD CONSTRAINT "service_contract_locations_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------------------
-- Hand-written (issue 24): closed values, dates, a task graph without cycles, the contract's hand-over time.
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE "projects" ADD CONSTRAINT "projects_state_check" CHECK ("state" IN ('PLANNED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED'));
ALTER TABLE "projects" ADD CONSTRAINT "projects_dates_check" CHECK ("ends_on" >= "starts_on");
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_dates_check" CHECK ("ends_on" >= "starts_on");
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "project_task_dependencies" ADD CONSTRAINT "project_task_dependencies_self_check" CHECK ("task_id" <> "depends_on_id");
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_dates_check" CHECK ("ends_on" >= "starts_on");
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_hours_check" CHECK ("response_hours" > 0 AND "resolution_hours" >= "response_hours");
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_value_check" CHECK ("value" >= 0);
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_renewal_notice_days_check" CHECK ("renewal_notice_days" BETWEEN 0 AND 365);

-- A task waits only for tasks of its own project, and never, through any chain, for itself. Checked here so
-- every path (form, import, SQL) is refused the same way; the errors name pseudo-constraints the forms
-- explain ("project_task_dependencies_same_project", "..._acyclic"), named in the message as PostgreSQL names a CHECK. Two dependencies written at once by
-- two sessions could each see no cycle: the project's row is locked first, so they take turns.
CREATE FUNCTION cmms_project_task_dependency_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  own_project integer;
  other_project integer;
  cycle boolean;
BEGIN
  IF NEW.task_id = NEW.depends_on_id THEN
    RAISE EXCEPTION 'task % would wait for itself: violates constraint "project_task_dependencies_self_check"', NEW.task_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'project_task_dependencies_self_check';
  END IF;
  SELECT project_id INTO own_project FROM project_tasks WHERE id = NEW.task_id;
  SELECT project_id INTO other_project FROM project_tasks WHERE id = NEW.depends_on_id;
  IF own_project IS DISTINCT FROM other_project THEN
    RAISE EXCEPTION 'a task depends only on tasks of its own project: violates constraint "project_task_dependencies_same_project"' USING ERRCODE = 'check_violation', CONSTRAINT = 'project_task_dependencies_same_project';
  END IF;
  PERFORM 1 FROM projects WHERE id = own_project FOR UPDATE;
  -- Is the new prerequisite already waiting, directly or not, for this task?
  WITH RECURSIVE waits(id) AS (
    SELECT d.depends_on_id FROM project_task_dependencies d WHERE d.task_id = NEW.depends_on_id AND d.id IS DISTINCT FROM NEW.id
    UNION
    SELECT d.depends_on_id FROM project_task_dependencies d JOIN waits w ON d.task_id = w.id WHERE d.id IS DISTINCT FROM NEW.id)
  SELECT EXISTS (SELECT 1 FROM waits WHERE id = NEW.task_id) INTO cycle;
  IF cycle THEN
    RAISE EXCEPTION 'task % would wait for itself through other tasks: violates constraint "project_task_dependencies_acyclic"', NEW.task_id USING ERRCODE = 'check_violation', CONSTRAINT = 'project_task_dependencies_acyclic';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "project_task_dependencies_checked" BEFORE INSERT OR UPDATE ON "project_task_dependencies"
  FOR EACH ROW EXECUTE FUNCTION cmms_project_task_dependency_check();

-- A task with dependencies does not move to another project (its dependencies would cross projects).
CREATE FUNCTION cmms_project_task_stays() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.project_id <> OLD.project_id AND EXISTS (
       SELECT 1 FROM project_task_dependencies WHERE task_id = OLD.id OR depends_on_id = OLD.id) THEN
    RAISE EXCEPTION 'a task with dependencies stays in its project: violates constraint "project_tasks_project_check"' USING ERRCODE = 'check_violation', CONSTRAINT = 'project_tasks_project_check';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "project_tasks_stay" BEFORE UPDATE OF "project_id" ON "project_tasks"
  FOR EACH ROW EXECUTE FUNCTION cmms_project_task_stays();

-- The SLA clocks of a contractor's order start when it is handed to him: the moment its contract is set
-- (or changed), unless the same statement gives that moment (a migration of past orders); cleared with it.
-- Forms never write it (it is no form field).
CREATE FUNCTION cmms_work_order_contract_handover() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.service_contract_id IS NULL THEN
    NEW.contract_assigned_at := NULL;
  ELSIF TG_OP = 'INSERT' THEN
    NEW.contract_assigned_at := coalesce(NEW.contract_assigned_at, now());
  ELSIF NEW.service_contract_id IS DISTINCT FROM OLD.service_contract_id AND NEW.contract_assigned_at IS NOT DISTINCT FROM OLD.contract_assigned_at THEN
    NEW.contract_assigned_at := now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "work_orders_contract_handover" BEFORE INSERT OR UPDATE OF "service_contract_id", "contract_assigned_at" ON "work_orders"
  FOR EACH ROW WHEN (NEW.service_contract_id IS NOT NULL OR NEW.contract_assigned_at IS NOT NULL)
  EXECUTE FUNCTION cmms_work_order_contract_handover();

SELECT cmms_record_history_of(ARRAY['projects', 'project_tasks', 'project_task_dependencies', 'service_contracts', 'service_contract_assets', 'service_contract_locations']);
