-- Hand-written, first (issue 20): our requisition numbers, REQ-YYYY-NNNNNN from one sequence. Not gap-free
-- (a rolled-back insert spends a number): a requisition's number only has to be unique and never reused,
-- since it is the key the ERP finds it by.
CREATE SEQUENCE "requisition_numbers" AS integer;
CREATE FUNCTION cmms_next_requisition_number() RETURNS varchar LANGUAGE sql VOLATILE AS $$
  SELECT 'REQ-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('requisition_numbers')::text, 6, '0')
$$;

-- AlterTable
ALTER TABLE "requisitions" ADD COLUMN     "budget_line_id" INTEGER,
ADD COLUMN     "erp_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "erp_etag" VARCHAR(100),
ADD COLUMN     "erp_id" VARCHAR(40),
ADD COLUMN     "erp_last_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "erp_last_error" VARCHAR(1000),
ADD COLUMN     "erp_status" VARCHAR(20),
ADD COLUMN     "erp_synced_at" TIMESTAMPTZ(3),
ADD COLUMN     "number" VARCHAR(20) NOT NULL DEFAULT cmms_next_requisition_number(),
ADD COLUMN     "received_amount" DECIMAL(14,2) NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "erp_sync_runs" (
    "id" SERIAL NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "outcome" VARCHAR(10) NOT NULL DEFAULT 'RUNNING',
    "pushed" INTEGER NOT NULL DEFAULT 0,
    "pulled" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "conflicts" INTEGER NOT NULL DEFAULT 0,
    "error" VARCHAR(1000),

    CONSTRAINT "erp_sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "erp_sync_conflicts" (
    "id" SERIAL NOT NULL,
    "requisition_id" INTEGER NOT NULL,
    "field" VARCHAR(40) NOT NULL,
    "local_value" VARCHAR(200),
    "erp_value" VARCHAR(200),
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "erp_sync_conflicts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budgets" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "year" INTEGER NOT NULL,
    "location_id" INTEGER,
    "department" VARCHAR(100),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budgets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_lines" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "account" VARCHAR(20) NOT NULL,
    "description" VARCHAR(200),

    CONSTRAINT "budget_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_line_months" (
    "id" SERIAL NOT NULL,
    "budget_line_id" INTEGER NOT NULL,
    "month" SMALLINT NOT NULL,
    "original_amount" DECIMAL(14,2) NOT NULL,
    "current_amount" DECIMAL(14,2) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_line_months_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_actuals" (
    "id" SERIAL NOT NULL,
    "budget_line_id" INTEGER NOT NULL,
    "month" SMALLINT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "source" VARCHAR(24) NOT NULL,
    "source_id" INTEGER,
    "work_order_id" INTEGER,
    "requisition_id" INTEGER,
    "posted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_actuals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_summaries" (
    "budget_line_id" INTEGER NOT NULL,
    "month" SMALLINT NOT NULL,
    "original_amount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "current_amount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "committed" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "actual" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "budget_summaries_pkey" PRIMARY KEY ("budget_line_id","month")
);

-- CreateIndex
CREATE INDEX "erp_sync_runs_started_at_idx" ON "erp_sync_runs"("started_at");

-- CreateIndex
CREATE INDEX "erp_sync_conflicts_requisition_id_idx" ON "erp_sync_conflicts"("requisition_id");

-- CreateIndex
CREATE UNIQUE INDEX "budgets_code_key" ON "budgets"("code");

-- CreateIndex
CREATE INDEX "budgets_location_id_idx" ON "budgets"("location_id");

-- CreateIndex
CREATE UNIQUE INDEX "budgets_year_location_id_key" ON "budgets"("year", "location_id");

-- CreateIndex
CREATE UNIQUE INDEX "budgets_year_department_key" ON "budgets"("year", "department");

-- CreateIndex
CREATE UNIQUE INDEX "budget_lines_budget_id_account_key" ON "budget_lines"("budget_id", "account");

-- CreateIndex
CREATE UNIQUE INDEX "budget_line_months_budget_line_id_month_key" ON "budget_line_months"("budget_line_id", "month");

-- CreateIndex
CREATE INDEX "budget_actuals_budget_line_id_month_idx" ON "budget_actuals"("budget_line_id", "month");

-- CreateIndex
CREATE INDEX "budget_actuals_requisition_id_idx" ON "budget_actuals"("requisition_id");

-- CreateIndex
CREATE INDEX "budget_actuals_work_order_id_idx" ON "budget_actuals"("work_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "budget_actuals_source_source_id_key" ON "budget_actuals"("source", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "requisitions_number_key" ON "requisitions"("number");

-- CreateIndex
CREATE UNIQUE INDEX "requisitions_erp_id_key" ON "requisitions"("erp_id");

-- AddForeignKey
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "erp_sync_conflicts" ADD CONSTRAINT "erp_sync_conflicts_requisition_id_fkey" FOREIGN KEY ("requisition_id") REFERENCES "requisitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_line_months" ADD CONSTRAINT "budget_line_months_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_actuals" ADD CONSTRAINT "budget_actuals_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_actuals" ADD CONSTRAINT "budget_actuals_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_actuals" ADD CONSTRAINT "budget_actuals_requisition_id_fkey" FOREIGN KEY ("requisition_id") REFERENCES "requisitions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_summaries" ADD CONSTRAINT "budget_summaries_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (issue 20).
ALTER TABLE "erp_sync_runs" ADD CONSTRAINT "erp_sync_runs_outcome_check" CHECK ("outcome" IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED'));
-- One run at a time, whoever starts it (the 5-minute job, a retry button, the bench).
CREATE UNIQUE INDEX "erp_sync_runs_one_running" ON "erp_sync_runs" (("outcome")) WHERE "outcome" = 'RUNNING';
ALTER TABLE "erp_sync_conflicts" ADD CONSTRAINT "erp_sync_conflicts_field_check" CHECK ("field" IN ('title'));
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_erp_attempts_check" CHECK ("erp_attempts" >= 0);
-- What the sync looks for: approved requisitions not yet in the ERP, and those whose ERP status may move.
CREATE INDEX "requisitions_erp_to_push" ON "requisitions" ("approved_at", "id") WHERE "state" = 'APPROVED' AND "erp_id" IS NULL AND "erp_sync_state" = 'PENDING';
CREATE INDEX "requisitions_erp_to_pull" ON "requisitions" ("id") WHERE "erp_id" IS NOT NULL AND "erp_status" NOT IN ('Rejected', 'Cancelled', 'Closed');

-- An approved requisition waits for the ERP, whatever approved it (the button, an import, SQL).
CREATE FUNCTION cmms_requisition_awaits_erp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'APPROVED' AND OLD.state IS DISTINCT FROM 'APPROVED' AND NEW.erp_sync_state = 'NOT_SENT' THEN
    NEW.erp_sync_state := 'PENDING';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "requisitions_await_erp" BEFORE UPDATE OF "state" ON "requisitions"
  FOR EACH ROW EXECUTE FUNCTION cmms_requisition_awaits_erp();
CREATE TRIGGER "requisitions_await_erp_on_insert" BEFORE INSERT ON "requisitions"
  FOR EACH ROW WHEN (NEW.state = 'APPROVED') EXECUTE FUNCTION cmms_requisition_awaits_erp();
UPDATE "requisitions" SET "erp_sync_state" = 'PENDING' WHERE "state" = 'APPROVED' AND "erp_sync_state" = 'NOT_SENT';

-- Conflicts the ERP overruled are business history; the runs are the job's own log.
SELECT cmms_record_history_of(ARRAY['erp_sync_conflicts']);

-- Hand-written (issue 20): budgets, commitments, actuals and their summary.
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_cost_centre_check" CHECK (("location_id" IS NULL) <> ("department" IS NULL));
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_year_check" CHECK ("year" BETWEEN 2000 AND 2100);
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_account_check" CHECK ("account" IN ('LABOUR', 'MATERIALS', 'SERVICES', 'CAPITAL', 'OTHER'));
ALTER TABLE "budget_line_months" ADD CONSTRAINT "budget_line_months_month_check" CHECK ("month" BETWEEN 1 AND 12);
ALTER TABLE "budget_line_months" ADD CONSTRAINT "budget_line_months_amounts_check" CHECK ("original_amount" >= 0 AND "current_amount" >= 0);
ALTER TABLE "budget_actuals" ADD CONSTRAINT "budget_actuals_month_check" CHECK ("month" BETWEEN 1 AND 12);
ALTER TABLE "budget_actuals" ADD CONSTRAINT "budget_actuals_source_check" CHECK ("source" IN ('WORK_ORDER_LABOUR', 'WORK_ORDER_MATERIALS', 'GOODS_RECEIPT', 'OTHER'));
ALTER TABLE "budget_summaries" ADD CONSTRAINT "budget_summaries_month_check" CHECK ("month" BETWEEN 1 AND 12);
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_received_check" CHECK ("received_amount" >= 0);
CREATE INDEX "requisitions_budget_line" ON "requisitions" ("budget_line_id") WHERE "budget_line_id" IS NOT NULL;

-- The month of a budget year a moment counts in (UTC): before the year, its first month; after, its last.
CREATE FUNCTION cmms_budget_month(at timestamptz, budget_year integer) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN extract(year FROM at AT TIME ZONE 'UTC') < budget_year THEN 1
              WHEN extract(year FROM at AT TIME ZONE 'UTC') > budget_year THEN 12
              ELSE extract(month FROM at AT TIME ZONE 'UTC') END::smallint
$$;

-- What an approved requisition commits on its line: its total less what was received, while the ERP has
-- not rejected or cancelled it.
CREATE FUNCTION cmms_requisition_commitment(state text, budget_line_id integer, erp_status text, total numeric, received numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN state = 'APPROVED' AND budget_line_id IS NOT NULL AND coalesce(erp_status, '') NOT IN ('Rejected', 'Cancelled')
              THEN greatest(total - received, 0) ELSE 0 END
$$;

-- The original amount is the first one set: revisions change the current amount only.
CREATE FUNCTION cmms_budget_month_keeps_original() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.original_amount := OLD.original_amount;
  RETURN NEW;
END $$;
CREATE TRIGGER "budget_line_months_keep_original" BEFORE UPDATE OF "original_amount" ON "budget_line_months"
  FOR EACH ROW EXECUTE FUNCTION cmms_budget_month_keeps_original();

-- The summary: every line has its twelve months, and each change below adds its difference (statement
-- triggers with transition tables: an import of thousands of rows is one UPDATE ... FROM).
CREATE FUNCTION cmms_budget_summary_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO budget_summaries (budget_line_id, month) SELECT a.id, g FROM added a CROSS JOIN generate_series(1, 12) g;
  RETURN NULL;
END $$;
CREATE TRIGGER "budget_lines_summary_rows" AFTER INSERT ON "budget_lines" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_budget_summary_rows();

CREATE FUNCTION cmms_budget_summary_add(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  UPDATE budget_summaries s
     SET original_amount = s.original_amount + d.original, current_amount = s.current_amount + d.current,
         committed = s.committed + d.committed, actual = s.actual + d.actual
    FROM (SELECT line, month, sum(original) AS original, sum(current) AS current, sum(committed) AS committed, sum(actual) AS actual
            FROM jsonb_to_recordset(deltas) AS x(line integer, month smallint, original numeric, current numeric, committed numeric, actual numeric)
           GROUP BY line, month) d
   WHERE s.budget_line_id = d.line AND s.month = d.month AND (d.original <> 0 OR d.current <> 0 OR d.committed <> 0 OR d.actual <> 0)
$$;

CREATE FUNCTION cmms_budget_summary_of_months() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE deltas jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('line', budget_line_id, 'month', month, 'original', original_amount, 'current', current_amount, 'committed', 0, 'actual', 0)) INTO deltas FROM added;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('line', budget_line_id, 'month', month, 'original', -original_amount, 'current', -current_amount, 'committed', 0, 'actual', 0)) INTO deltas FROM removed;
  ELSE
    SELECT jsonb_agg(x) INTO deltas FROM (
      SELECT jsonb_build_object('line', budget_line_id, 'month', month, 'original', original_amount, 'current', current_amount, 'committed', 0, 'actual', 0) AS x FROM added
      UNION ALL
      SELECT jsonb_build_object('line', budget_line_id, 'month', month, 'original', -original_amount, 'current', -current_amount, 'committed', 0, 'actual', 0) FROM removed) changes;
  END IF;
  IF deltas IS NOT NULL THEN PERFORM cmms_budget_summary_add(deltas); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "budget_line_months_summary_insert" AFTER INSERT ON "budget_line_months" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_budget_summary_of_months();
CREATE TRIGGER "budget_line_months_summary_update" AFTER UPDATE ON "budget_line_months" REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_budget_summary_of_months();
CREATE TRIGGER "budget_line_months_summary_delete" AFTER DELETE ON "budget_line_months" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_budget_summary_of_months();

-- Actuals: the summary's actual, and what goods receipts received against their requisition.
CREATE FUNCTION cmms_budget_summary_of_actuals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changes jsonb; deltas jsonb;
BEGIN
  -- Each branch names only the transition tables its trigger has (a branch not taken is never planned).
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('line', budget_line_id, 'month', month, 'amount', amount, 'source', source, 'requisition', requisition_id)) INTO changes FROM added;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('line', budget_line_id, 'month', month, 'amount', -amount, 'source', source, 'requisition', requisition_id)) INTO changes FROM removed;
  ELSE
    SELECT jsonb_agg(x) INTO changes FROM (
      SELECT jsonb_build_object('line', budget_line_id, 'month', month, 'amount', amount, 'source', source, 'requisition', requisition_id) AS x FROM added
      UNION ALL
      SELECT jsonb_build_object('line', budget_line_id, 'month', month, 'amount', -amount, 'source', source, 'requisition', requisition_id) FROM removed) c;
  END IF;
  IF changes IS NULL THEN RETURN NULL; END IF;
  SELECT jsonb_agg(jsonb_build_object('line', line, 'month', month, 'original', 0, 'current', 0, 'committed', 0, 'actual', amount)) INTO deltas
    FROM jsonb_to_recordset(changes) AS c(line integer, month smallint, amount numeric);
  PERFORM cmms_budget_summary_add(deltas);
  -- A receipt lowers its requisition's commitment (the requisitions trigger moves the summary).
  UPDATE requisitions r SET received_amount = r.received_amount + c.amount
    FROM (SELECT requisition, sum(amount) AS amount FROM jsonb_to_recordset(changes) AS c(amount numeric, source text, requisition integer)
           WHERE source = 'GOODS_RECEIPT' AND requisition IS NOT NULL GROUP BY requisition HAVING sum(amount) <> 0) c
   WHERE r.id = c.requisition;
  RETURN NULL;
END $$;
CREATE TRIGGER "budget_actuals_summary_insert" AFTER INSERT ON "budget_actuals" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_budget_summary_of_actuals();
CREATE TRIGGER "budget_actuals_summary_update" AFTER UPDATE ON "budget_actuals" REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_budget_summary_of_actuals();
CREATE TRIGGER "budget_actuals_summary_delete" AFTER DELETE ON "budget_actuals" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_budget_summary_of_actuals();

-- Commitments: each requisition's commitment before and after, on its line's month of approval.
CREATE FUNCTION cmms_budget_summary_of_requisitions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changes jsonb; deltas jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('line', budget_line_id, 'at', approved_at, 'amount', cmms_requisition_commitment(state, budget_line_id, erp_status, total, received_amount)))
      INTO changes FROM added WHERE budget_line_id IS NOT NULL AND state = 'APPROVED';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('line', budget_line_id, 'at', approved_at, 'amount', -cmms_requisition_commitment(state, budget_line_id, erp_status, total, received_amount)))
      INTO changes FROM removed WHERE budget_line_id IS NOT NULL AND state = 'APPROVED';
  ELSE
    -- Most updates (a title, the ERP sync's bookkeeping) change no commitment: compared row by row first.
    SELECT jsonb_agg(x) INTO changes FROM (
      SELECT jsonb_build_object('line', n.budget_line_id, 'at', n.approved_at, 'amount', cmms_requisition_commitment(n.state, n.budget_line_id, n.erp_status, n.total, n.received_amount)) AS x
        FROM added n JOIN removed o ON o.id = n.id
       WHERE n.budget_line_id IS NOT NULL AND n.state = 'APPROVED'
         AND (n.state, n.budget_line_id, n.erp_status, n.total, n.received_amount, n.approved_at) IS DISTINCT FROM (o.state, o.budget_line_id, o.erp_status, o.total, o.received_amount, o.approved_at)
      UNION ALL
      SELECT jsonb_build_object('line', o.budget_line_id, 'at', o.approved_at, 'amount', -cmms_requisition_commitment(o.state, o.budget_line_id, o.erp_status, o.total, o.received_amount))
        FROM added n JOIN removed o ON o.id = n.id
       WHERE o.budget_line_id IS NOT NULL AND o.state = 'APPROVED'
         AND (n.state, n.budget_line_id, n.erp_status, n.total, n.received_amount, n.approved_at) IS DISTINCT FROM (o.state, o.budget_line_id, o.erp_status, o.total, o.received_amount, o.approved_at)) c;
  END IF;
  IF changes IS NULL THEN RETURN NULL; END IF;
  SELECT jsonb_agg(jsonb_build_object('line', c.line, 'month', cmms_budget_month(c.at, b.year), 'original', 0, 'current', 0, 'committed', c.amount, 'actual', 0))
    INTO deltas
    FROM jsonb_to_recordset(changes) AS c(line integer, at timestamptz, amount numeric)
    JOIN budget_lines l ON l.id = c.line JOIN budgets b ON b.id = l.budget_id
   WHERE c.amount <> 0;
  IF deltas IS NOT NULL THEN PERFORM cmms_budget_summary_add(deltas); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "requisitions_commitment_insert" AFTER INSERT ON "requisitions" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_budget_summary_of_requisitions();
CREATE TRIGGER "requisitions_commitment_update" AFTER UPDATE ON "requisitions" REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_budget_summary_of_requisitions();
CREATE TRIGGER "requisitions_commitment_delete" AFTER DELETE ON "requisitions" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_budget_summary_of_requisitions();

-- The posting point of actuals. Finds the budget line: the requisition's when a receipt names one, else the
-- line of `account` in the budget of that year whose location is the nearest above (or at) `location_id`.
-- Returns the posting's id, or NULL when no budget covers it (nothing is posted). One posting per
-- (source, source_id): posting again replaces the amount. The inventory module calls it for materials
-- issued to orders (WORK_ORDER_MATERIALS) and goods receipts (GOODS_RECEIPT, with the requisition).
CREATE FUNCTION cmms_post_budget_actual(p_location_id integer, p_at timestamptz, p_account text, p_amount numeric,
                                        p_source text, p_source_id integer, p_work_order_id integer, p_requisition_id integer)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE line_id integer; line_year integer; posted integer;
BEGIN
  IF p_requisition_id IS NOT NULL THEN
    SELECT l.id, b.year INTO line_id, line_year FROM requisitions r JOIN budget_lines l ON l.id = r.budget_line_id JOIN budgets b ON b.id = l.budget_id
     WHERE r.id = p_requisition_id;
  END IF;
  IF line_id IS NULL AND p_location_id IS NOT NULL THEN
    SELECT l.id, b.year INTO line_id, line_year
      FROM locations here
      JOIN budgets b ON b.year = extract(year FROM p_at AT TIME ZONE 'UTC')
      JOIN locations centre ON centre.id = b.location_id AND here.path LIKE centre.path || '%'
      JOIN budget_lines l ON l.budget_id = b.id AND l.account = p_account
     WHERE here.id = p_location_id
     ORDER BY length(centre.path) DESC LIMIT 1;
  END IF;
  IF line_id IS NULL THEN RETURN NULL; END IF;
  INSERT INTO budget_actuals (budget_line_id, month, amount, source, source_id, work_order_id, requisition_id)
  VALUES (line_id, cmms_budget_month(p_at, line_year), p_amount, p_source, p_source_id, p_work_order_id, p_requisition_id)
  ON CONFLICT (source, source_id) DO UPDATE SET amount = EXCLUDED.amount, budget_line_id = EXCLUDED.budget_line_id, month = EXCLUDED.month
  RETURNING id INTO posted;
  RETURN posted;
END $$;

-- Labour, posted at closeout: hours × the assigned technician's hourly cost, on the LABOUR line of the
-- budget of the order's asset's location (the nearest cost centre above it).
CREATE FUNCTION cmms_post_closeout_labour() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE location_id integer; hourly numeric;
BEGIN
  SELECT a.location_id, coalesce(t.hourly_cost, 0) INTO location_id, hourly
    FROM work_orders o JOIN assets a ON a.id = o.asset_id LEFT JOIN technicians t ON t.id = o.technician_id
   WHERE o.id = NEW.work_order_id;
  IF NEW.labor_hours * hourly > 0 THEN
    PERFORM cmms_post_budget_actual(location_id, NEW.closed_at, 'LABOUR', round(NEW.labor_hours * hourly, 2), 'WORK_ORDER_LABOUR', NEW.id, NEW.work_order_id, NULL);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "work_order_closures_post_labour" AFTER INSERT OR UPDATE OF "labor_hours" ON "work_order_closures"
  FOR EACH ROW EXECUTE FUNCTION cmms_post_closeout_labour();

-- The summary as recomputed from scratch (test/budget-summary.test.ts compares the two).
CREATE VIEW budget_summaries_recomputed AS
SELECT l.id AS budget_line_id, m.month::smallint AS month,
       coalesce((SELECT sum(original_amount) FROM budget_line_months x WHERE x.budget_line_id = l.id AND x.month = m.month), 0) AS original_amount,
       coalesce((SELECT sum(current_amount) FROM budget_line_months x WHERE x.budget_line_id = l.id AND x.month = m.month), 0) AS current_amount,
       coalesce((SELECT sum(cmms_requisition_commitment(r.state, r.budget_line_id, r.erp_status, r.total, r.received_amount))
                   FROM requisitions r WHERE r.budget_line_id = l.id AND r.state = 'APPROVED' AND cmms_budget_month(r.approved_at, b.year) = m.month), 0) AS committed,
       coalesce((SELECT sum(amount) FROM budget_actuals x WHERE x.budget_line_id = l.id AND x.month = m.month), 0) AS actual
  FROM budget_lines l JOIN budgets b ON b.id = l.budget_id CROSS JOIN generate_series(1, 12) AS m(month);

-- Budgets, lines, their months (every revision) and postings are business history; the summary is derived.
SELECT cmms_record_history_of(ARRAY['budgets', 'budget_lines', 'budget_line_months', 'budget_actuals']);
