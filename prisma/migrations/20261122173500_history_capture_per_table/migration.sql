-- Change history, faster: each audited table gets its own capture function, generated from the catalog.
-- The generic cmms_history_capture() turned every updated row into jsonb twice and diffed the two field
-- by field (jsonb_each, a join and two aggregates per row): most of what history cost a bulk update. The
-- generated function compares the table's columns directly, as typed values, and builds JSON only for
-- the fields that changed. What is recorded is the same.
--
-- A generated function knows the columns it was generated for, so it must follow the table: the
-- migration runner (prisma/migrate.ts) calls cmms_refresh_history_captures() after every migration, in
-- the migration's own transaction, and cmms_stale_history_captures() lists any that lag (tested).

-- Entries are json (text), not jsonb: they are written once and read whole, never searched inside, and
-- building a row's json costs the database about a fifth less than building its jsonb (no binary
-- conversion, no key sorting; counted in instructions on 5 000 new assets). Keys keep column order.
ALTER TABLE change_history ALTER COLUMN changes TYPE json;

-- What a capture function is generated from: the table's columns ("name:type" in column order) and
-- the ignored and secret column lists. Kept in the function's comment, so a stale function can be told
-- from a current one.
CREATE FUNCTION cmms_history_column_signature(audited text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT string_agg(a.attname || ':' || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum)
         || ' ignored=' || array_to_string(cmms_history_ignored_columns(), ',')
         || ' secrets=' || array_to_string(cmms_history_secret_columns(), ',')
    FROM pg_attribute a
   WHERE a.attrelid = audited::regclass AND a.attnum > 0 AND NOT a.attisdropped
$$;

CREATE FUNCTION cmms_define_history_capture(audited text) RETURNS void LANGUAGE plpgsql AS $gen$
DECLARE
  ignored text[] := cmms_history_ignored_columns();
  secrets text[] := cmms_history_secret_columns();
  capture text := 'cmms_history_capture_' || audited;
  compared text[];        -- the columns whose change is news (secrets included, as "[changed]")
  before_fields text := '''{}''::jsonb';  -- per row: {column: old value} of the columns that changed
  after_fields text := '''{}''::jsonb';   -- per row: {column: new value} of the columns that changed
  inserted_fields text;   -- per row: {column: value} of every recorded column of a new row
  deleted_fields text;    -- the same of a deleted row
  old_tuple text;
  new_tuple text;
  column_name text;
  comparable jsonb;       -- per column: how to compare it (json has no equality; a few geometric types neither)
  o_value text;
  n_value text;
BEGIN
  SELECT coalesce(array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE NOT a.attname = ANY (ignored) OR a.attname = ANY (secrets)), '{}'),
         coalesce(jsonb_object_agg(a.attname, CASE WHEN a.atttypid = 'json'::regtype THEN '::jsonb'
                                                     WHEN a.atttypid IN ('xml'::regtype, 'point'::regtype, 'line'::regtype, 'lseg'::regtype, 'box'::regtype,
                                                                         'path'::regtype, 'polygon'::regtype, 'circle'::regtype) THEN '::text'
                                                     ELSE '' END), '{}')
    INTO compared, comparable
    FROM pg_attribute a
   WHERE a.attrelid = audited::regclass AND a.attnum > 0 AND NOT a.attisdropped;

  -- Only the columns that changed are turned into jsonb: turning whole rows into jsonb (timestamps
  -- formatted, long texts copied) and then dropping the unchanged fields cost more than the write itself.
  FOREACH column_name IN ARRAY compared LOOP
    o_value := format('o.%I', column_name) || (comparable ->> column_name);
    n_value := format('n.%I', column_name) || (comparable ->> column_name);
    IF column_name = ANY (secrets) THEN
      before_fields := before_fields || format(' || CASE WHEN %s IS DISTINCT FROM %s THEN jsonb_build_object(%L, ''[hidden]'') ELSE ''{}'' END', o_value, n_value, column_name);
      after_fields := after_fields || format(' || CASE WHEN %s IS DISTINCT FROM %s THEN jsonb_build_object(%L, ''[changed]'') ELSE ''{}'' END', o_value, n_value, column_name);
    ELSE
      before_fields := before_fields || format(' || CASE WHEN %1$s IS DISTINCT FROM %2$s THEN jsonb_build_object(%3$L, o.%3$I) ELSE ''{}'' END', o_value, n_value, column_name);
      after_fields := after_fields || format(' || CASE WHEN %1$s IS DISTINCT FROM %2$s THEN jsonb_build_object(%3$L, n.%3$I) ELSE ''{}'' END', o_value, n_value, column_name);
    END IF;
  END LOOP;
  -- Whole rows, for inserts and deletes: the recorded columns named one by one, not to_jsonb(row) minus
  -- the ignored ones, as json (a function call takes at most 50 pairs: wider tables are built as jsonb in
  -- parts, then turned into json).
  SELECT CASE WHEN count(*) = 0 THEN '''{}''::json'
              WHEN count(*) = 1 THEN format('json_build_object(%s)', min(new_pairs))
              ELSE '(' || string_agg(format('jsonb_build_object(%s)', new_pairs), ' || ') || ')::json' END,
         CASE WHEN count(*) = 0 THEN '''{}''::json'
              WHEN count(*) = 1 THEN format('json_build_object(%s)', min(old_pairs))
              ELSE '(' || string_agg(format('jsonb_build_object(%s)', old_pairs), ' || ') || ')::json' END
    INTO inserted_fields, deleted_fields
    FROM (SELECT string_agg(format('%1$L, n.%1$I', c), ', ' ORDER BY i) AS new_pairs,
                 string_agg(format('%1$L, o.%1$I', c), ', ' ORDER BY i) AS old_pairs
            FROM unnest(compared) WITH ORDINALITY AS x(c, i) WHERE NOT c = ANY (secrets)
           GROUP BY (i - 1) / 50) parts;
  -- A row comparison over every compared column, secrets included: rows whose only changes are in
  -- derived columns are not news.
  SELECT string_agg(format('o.%I', c) || (comparable ->> c), ', '), string_agg(format('n.%I', c) || (comparable ->> c), ', ')
    INTO old_tuple, new_tuple FROM unnest(compared) AS c;

  EXECUTE format($fn$
    CREATE OR REPLACE FUNCTION %1$I() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off AS $body$
    DECLARE
      actor_id integer := nullif(current_setting('cmms.actor_user_id', true), '')::integer;
      actor text := coalesce(nullif(current_setting('cmms.actor_label', true), ''), 'system:' || current_user);
      request text := nullif(current_setting('cmms.request_id', true), '');
      address text := nullif(current_setting('cmms.ip', true), '');
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO change_history (table_name, record_id, action, actor_user_id, actor_label, request_id, ip, changes)
        SELECT %2$L, n.id::text, 'INSERT', actor_id, actor, request, address, json_build_object('after', %3$s)
          FROM new_rows n;
      ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO change_history (table_name, record_id, action, actor_user_id, actor_label, request_id, ip, changes)
        SELECT %2$L, o.id::text, 'DELETE', actor_id, actor, request, address, json_build_object('before', %7$s)
          FROM old_rows o;
      ELSE
        INSERT INTO change_history (table_name, record_id, action, actor_user_id, actor_label, request_id, ip, changes)
        SELECT %2$L, n.id::text, 'UPDATE', actor_id, actor, request, address,
               json_build_object('before', %4$s, 'after', %5$s)
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE %6$s;
      END IF;
      RETURN NULL;
    END $body$
  $fn$, capture, audited, inserted_fields, before_fields, after_fields,
     CASE WHEN old_tuple IS NULL THEN 'false' ELSE format('ROW(%s) IS DISTINCT FROM ROW(%s)', old_tuple, new_tuple) END,
     deleted_fields);
  EXECUTE format('COMMENT ON FUNCTION %I() IS %L', capture, cmms_history_column_signature(audited));

  EXECUTE format('DROP TRIGGER IF EXISTS history_insert ON %I', audited);
  EXECUTE format('DROP TRIGGER IF EXISTS history_update ON %I', audited);
  EXECUTE format('DROP TRIGGER IF EXISTS history_delete ON %I', audited);
  EXECUTE format('CREATE TRIGGER history_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION %I()', audited, capture);
  EXECUTE format('CREATE TRIGGER history_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION %I()', audited, capture);
  EXECUTE format('CREATE TRIGGER history_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION %I()', audited, capture);
END $gen$;

-- The audited tables: those with a history_insert trigger.
CREATE FUNCTION cmms_history_audited_tables() RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT c.relname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
   WHERE t.tgname = 'history_insert' AND NOT t.tgisinternal ORDER BY 1
$$;

-- Audited tables whose capture function no longer matches their columns (or the ignored/secret lists).
CREATE FUNCTION cmms_stale_history_captures() RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT audited FROM cmms_history_audited_tables() AS audited
   WHERE obj_description(to_regprocedure('cmms_history_capture_' || audited || '()'), 'pg_proc')
         IS DISTINCT FROM cmms_history_column_signature(audited)
      OR NOT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                      WHERE t.tgrelid = audited::regclass AND t.tgname = 'history_update'
                        AND p.proname = 'cmms_history_capture_' || audited)
$$;

-- Regenerates the stale ones; the migration runner calls it after every migration.
CREATE FUNCTION cmms_refresh_history_captures() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  audited text;
  refreshed integer := 0;
BEGIN
  FOR audited IN SELECT cmms_stale_history_captures() LOOP
    PERFORM cmms_define_history_capture(audited);
    refreshed := refreshed + 1;
  END LOOP;
  RETURN refreshed;
END $$;

-- New tables join the history through the same generator.
CREATE OR REPLACE FUNCTION cmms_record_history_of(audited text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY audited LOOP
    PERFORM cmms_define_history_capture(t);
  END LOOP;
END $$;

SELECT cmms_refresh_history_captures();

-- Every trigger now runs its table's own function.
DROP FUNCTION cmms_history_capture();
