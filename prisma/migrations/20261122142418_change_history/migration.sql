-- Change history: every insert, update and delete of every business table, whatever path wrote it
-- (AdminJS, actions, jobs, imports, seeds, plain SQL), recorded by database triggers. The writer's
-- identity comes from transaction settings the application sets (cmms.actor_user_id, cmms.actor_label,
-- cmms.request_id, cmms.ip); without them the entry names the database role ("system:<role>").
-- Statement-level triggers with transition tables record a 50 000-row import in one INSERT ... SELECT,
-- not 50 000 round trips. Hand-written: Prisma neither models partitioned tables nor triggers.

CREATE TABLE "change_history" (
  "id" bigint GENERATED ALWAYS AS IDENTITY,
  -- The transaction's time: every change of one save or one import batch carries the same instant.
  "changed_at" timestamptz NOT NULL DEFAULT now(),
  "table_name" text NOT NULL,
  "record_id" text NOT NULL,
  "action" text NOT NULL CHECK ("action" IN ('INSERT', 'UPDATE', 'DELETE')),
  "actor_user_id" integer,
  "actor_label" text NOT NULL,
  "request_id" text,
  "ip" text,
  -- INSERT: {"after": {...}}; DELETE: {"before": {...}}; UPDATE: only the changed fields, before and after.
  "changes" jsonb NOT NULL,
  PRIMARY KEY ("id", "changed_at")
) PARTITION BY RANGE ("changed_at");

-- Monthly partitions keep millions of entries fast to browse and cheap to retire; the default partition
-- catches anything outside them, so a write never fails for want of a partition.
CREATE TABLE "change_history_default" PARTITION OF "change_history" DEFAULT;
CREATE INDEX "change_history_record" ON "change_history" ("table_name", "record_id");

CREATE FUNCTION cmms_ensure_history_partitions(months_ahead integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  month date := date_trunc('month', now())::date;
  created integer := 0;
  name text;
BEGIN
  FOR i IN 0..months_ahead LOOP
    name := 'change_history_' || to_char(month + make_interval(months => i), 'YYYY_MM');
    -- A month whose entries already landed in the default partition (the job did not run in time) stays
    -- there: PostgreSQL refuses a partition whose range the default partition already holds rows for.
    IF to_regclass(name) IS NULL AND NOT EXISTS (
         SELECT 1 FROM change_history_default
          WHERE changed_at >= month + make_interval(months => i) AND changed_at < month + make_interval(months => i + 1)) THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF change_history FOR VALUES FROM (%L) TO (%L)',
        name, month + make_interval(months => i), month + make_interval(months => i + 1));
      created := created + 1;
    END IF;
  END LOOP;
  RETURN created;
END $$;
SELECT cmms_ensure_history_partitions(2);

-- Append-only: nobody rewrites the past, not even through the application's own connection.
CREATE FUNCTION cmms_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'change history is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "change_history_no_update" BEFORE UPDATE OR DELETE ON "change_history"
  FOR EACH ROW EXECUTE FUNCTION cmms_history_is_append_only();
CREATE TRIGGER "change_history_no_truncate" BEFORE TRUNCATE ON "change_history"
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_history_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON "change_history" FROM PUBLIC;

-- Secrets: a change is noted, the value never.
CREATE FUNCTION cmms_history_secret_columns() RETURNS text[] LANGUAGE sql IMMUTABLE
  AS $$ SELECT ARRAY['password_hash'] $$;

-- Columns whose values are never recorded: secrets, and values derived from others (their source is).
CREATE FUNCTION cmms_history_ignored_columns() RETURNS text[] LANGUAGE sql IMMUTABLE
  AS $$ SELECT ARRAY['password_hash', 'updated_at', 'last_login_at', 'search_text', 'path', 'full_name', 'depth'] $$;

-- Transition tables carry no statistics, so the planner may join old and new rows with a nested loop
-- (1 000 x 1 000 rows per import batch); inside this function only, it must hash them.
CREATE FUNCTION cmms_history_capture() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off AS $$
DECLARE
  ignored text[] := cmms_history_ignored_columns();
  actor_id integer := nullif(current_setting('cmms.actor_user_id', true), '')::integer;
  actor text := coalesce(nullif(current_setting('cmms.actor_label', true), ''), 'system:' || current_user);
  request text := nullif(current_setting('cmms.request_id', true), '');
  address text := nullif(current_setting('cmms.ip', true), '');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO change_history (table_name, record_id, action, actor_user_id, actor_label, request_id, ip, changes)
    SELECT TG_TABLE_NAME, n.j ->> 'id', 'INSERT', actor_id, actor, request, address, jsonb_build_object('after', n.j - ignored)
      FROM (SELECT to_jsonb(r) AS j FROM new_rows r) n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO change_history (table_name, record_id, action, actor_user_id, actor_label, request_id, ip, changes)
    SELECT TG_TABLE_NAME, o.j ->> 'id', 'DELETE', actor_id, actor, request, address, jsonb_build_object('before', o.j - ignored)
      FROM (SELECT to_jsonb(r) AS j FROM old_rows r) o;
  ELSE
    -- Each pair is turned into jsonb once (MATERIALIZED), then only the fields that changed are kept. A
    -- secret that changed is noted as changed, never with its value ("password_hash": "[changed]").
    INSERT INTO change_history (table_name, record_id, action, actor_user_id, actor_label, request_id, ip, changes)
    WITH pairs AS MATERIALIZED (
      SELECT n.id, to_jsonb(o) AS o_all, to_jsonb(n) AS n_all
        FROM new_rows n JOIN old_rows o ON o.id = n.id)
    SELECT TG_TABLE_NAME, pairs.id::text, 'UPDATE', actor_id, actor, request, address,
           jsonb_build_object('before', coalesce(diff.before, '{}') || coalesce(secret.before, '{}'),
                              'after', coalesce(diff.after, '{}') || coalesce(secret.after, '{}'))
      FROM pairs
      CROSS JOIN LATERAL (
        SELECT jsonb_object_agg(field.key, pairs.o_all -> field.key) AS before, jsonb_object_agg(field.key, field.value) AS after
          FROM jsonb_each(pairs.n_all - ignored) AS field
         WHERE (pairs.o_all -> field.key) IS DISTINCT FROM field.value) diff
      CROSS JOIN LATERAL (
        SELECT jsonb_object_agg(key, '[hidden]') AS before, jsonb_object_agg(key, '[changed]') AS after
          FROM unnest(cmms_history_secret_columns()) AS key
         WHERE pairs.n_all ? key AND (pairs.o_all -> key) IS DISTINCT FROM (pairs.n_all -> key)) secret
     WHERE diff.after IS NOT NULL OR secret.after IS NOT NULL; -- changes to derived columns only are not news
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  audited text[] := ARRAY[
    'users', 'groups', 'user_groups', 'user_profiles', 'locations', 'asset_categories', 'assets', 'import_runs',
    'measurement_points', 'readings', 'maintenance_types', 'frequencies', 'procedures', 'procedure_steps',
    'routines', 'work_calendars', 'calendar_holidays', 'maintenance_schedules', 'work_requests', 'technicians',
    'work_orders', 'work_order_shares', 'work_order_step_values', 'failure_codes', 'work_order_closures'];
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

-- Retention: whole months older than the cutoff are dropped (DDL by the maintenance job, never row
-- deletes); entries in the default partition are kept.
CREATE FUNCTION cmms_drop_history_partitions_before(cutoff date) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  partition record;
  dropped integer := 0;
BEGIN
  FOR partition IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'change_history'::regclass AND c.relname ~ '^change_history_[0-9]{4}_[0-9]{2}$'
       AND (to_date(substr(c.relname, 16), 'YYYY_MM') + interval '1 month') <= cutoff
  LOOP
    EXECUTE format('DROP TABLE %I', partition.relname);
    dropped := dropped + 1;
  END LOOP;
  RETURN dropped;
END $$;
