-- Change history, compact: an entry keeps its values as text, in the order of a column layout, and is
-- turned into JSON when it is read (the change_history_entries view), not when it is written.
--
-- Why. Building every entry's JSON was most of what history cost a bulk write: json_build_object looks
-- up each value's type in the catalog again for every row (json_categorize_type, then the output
-- function). A cast to text finds its output function once per statement. Entries are written by the
-- thousand and read a page at a time, so that work belongs on the read side. Counted in instructions for
-- 5 000 new assets in one statement (postgres --single under callgrind), history added 477 M to a
-- 1 269 M write; with this migration (the index change below included) it adds 186 M.
--
-- An entry (a row of change_history) now holds:
--   layout_id      the column layout its values follow: change_history_layouts keeps the table's
--                  recorded columns and their types as they were when the entry was written, so an
--                  entry reads the same after its table gains, loses or retypes a column;
--   before, after  the values as text, one per layout column: INSERT fills after, DELETE before, UPDATE
--                  both, NULL except at the columns that changed;
--   changed        UPDATE only: the positions (from 1) of the columns that changed (a NULL in before or
--                  after is a value only where changed says so).
-- Entries written before this migration keep their JSON as it was written, in legacy_changes.
-- What is recorded is unchanged: changed fields only, secrets as "[hidden]"/"[changed]", derived columns
-- never. Readers see the same JSON as before through change_history_entries.

ALTER TABLE change_history RENAME COLUMN changes TO legacy_changes;
ALTER TABLE change_history ALTER COLUMN legacy_changes DROP NOT NULL;
ALTER TABLE change_history
  ADD COLUMN layout_id integer,
  ADD COLUMN changed smallint[],
  ADD COLUMN before text[],
  ADD COLUMN after text[],
  ADD CONSTRAINT change_history_values CHECK (layout_id IS NOT NULL OR legacy_changes IS NOT NULL);

-- The record index: record_id becomes an integer (every audited table has an integer id; the generator
-- below refuses one that has not) and leads the index; table_name compares bytewise (collation "C").
-- Before, (table_name, record_id) compared two texts under the database's collation at every level of
-- the tree, and ids in text order ('15001' < '150010' < '15002') scattered each batch's new entries over
-- the whole index. In id order a batch of new rows lands at the end of the index, and a batch of
-- updates on a few neighbouring pages. (A hash index on record_id: cheaper on a small history, dearer on
-- a large one, which it scatters over.)
DROP INDEX change_history_record;
ALTER TABLE change_history ALTER COLUMN table_name TYPE text COLLATE "C",
                           ALTER COLUMN record_id TYPE integer USING record_id::integer;
CREATE INDEX change_history_record ON change_history (record_id, table_name);

-- The columns an entry's values follow. Append-only like the history: an entry's layout never changes.
CREATE TABLE change_history_layouts (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  table_name text NOT NULL,
  -- The recorded columns in table order, secrets included (updates note that they changed).
  columns text[] NOT NULL,
  -- Each column's type (format_type), or 'secret': tells the reader how to turn the text back into JSON.
  types text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (cardinality(columns) = cardinality(types)),
  UNIQUE (table_name, columns, types)
);
CREATE TRIGGER change_history_layouts_no_update BEFORE UPDATE OR DELETE ON change_history_layouts
  FOR EACH ROW EXECUTE FUNCTION cmms_history_is_append_only();
CREATE TRIGGER change_history_layouts_no_truncate BEFORE TRUNCATE ON change_history_layouts
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_history_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON change_history_layouts FROM PUBLIC;

-- One value, from the text the capture stored to the JSON json_build_object would have written at the
-- time (numbers and booleans as JSON, timestamps in ISO 8601, json as json, the rest as strings).
CREATE FUNCTION cmms_history_value(value text, type text) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN value IS NULL THEN 'null'::json
    WHEN type = 'boolean' THEN to_json(value::boolean)
    WHEN type IN ('smallint', 'integer', 'bigint', 'real', 'double precision') OR type LIKE 'numeric%' THEN
      CASE WHEN value ~ '^-?[0-9]' THEN value::json ELSE to_json(value) END -- NaN and Infinity are strings in JSON
    WHEN type LIKE 'timestamp%with time zone' THEN to_json(value::timestamptz)
    WHEN type LIKE 'timestamp%' THEN to_json(value::timestamp)
    WHEN type IN ('json', 'jsonb') THEN value::json
    WHEN type IN ('smallint[]', 'integer[]', 'bigint[]', 'real[]', 'double precision[]') OR type LIKE 'numeric%[]' THEN to_json(value::numeric[])
    WHEN type = 'boolean[]' THEN to_json(value::boolean[])
    WHEN type LIKE '%[]' THEN to_json(value::text[])
    ELSE to_json(value)
  END
$$;

-- The {column: value} object of an entry's values, in column order: every recorded column but secrets
-- (positions NULL), or the changed ones. PL/pgSQL, whose simple expressions skip the executor: the same
-- in SQL (json_object_agg over generate_series, run as a query per call) read 20 000 entries in 4.9 s
-- against 0.4 s.
CREATE FUNCTION cmms_history_fields(columns text[], types text[], positions smallint[], vals text[]) RETURNS json
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  fields text[] := '{}';
BEGIN
  FOR p IN 1 .. cardinality(columns) LOOP
    IF (positions IS NULL AND types[p] <> 'secret') OR p = ANY (positions) THEN
      fields := fields || (to_json(columns[p])::text || ':' || cmms_history_value(vals[p], types[p])::text);
    END IF;
  END LOOP;
  RETURN ('{' || array_to_string(fields, ',') || '}')::json;
END $$;

-- An entry's changes as JSON: {"after": {...}} for INSERT, {"before": {...}} for DELETE, both for UPDATE.
CREATE FUNCTION cmms_history_changes(layout integer, action text, changed smallint[], before text[], after text[]) RETURNS json
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  l change_history_layouts;
BEGIN
  SELECT * INTO STRICT l FROM change_history_layouts WHERE id = layout;
  RETURN CASE action
           WHEN 'INSERT' THEN json_build_object('after', cmms_history_fields(l.columns, l.types, NULL, after))
           WHEN 'DELETE' THEN json_build_object('before', cmms_history_fields(l.columns, l.types, NULL, before))
           ELSE json_build_object('before', cmms_history_fields(l.columns, l.types, changed, before),
                                  'after', cmms_history_fields(l.columns, l.types, changed, after))
         END;
END $$;

-- The history as it is read (the back office's ChangeHistory model, exports, tests): one row per entry,
-- its changes as JSON. Filters on the other columns reach change_history's indexes through the view,
-- and the JSON is built only for the rows a query returns.
CREATE VIEW change_history_entries AS
SELECT h.id, h.changed_at, h.table_name, h.record_id, h.action, h.actor_user_id, h.actor_label, h.request_id, h.ip,
       coalesce(h.legacy_changes, cmms_history_changes(h.layout_id, h.action, h.changed, h.before, h.after)) AS changes
  FROM change_history h;
-- Reading is the view's only use: writing through it is refused like writing the history itself.
CREATE TRIGGER change_history_entries_read_only INSTEAD OF INSERT OR UPDATE OR DELETE ON change_history_entries
  FOR EACH ROW EXECUTE FUNCTION cmms_history_is_append_only();

-- The generator, rewritten to store text in layout order (see the top of this file for why).
CREATE OR REPLACE FUNCTION cmms_define_history_capture(audited text) RETURNS void LANGUAGE plpgsql AS $gen$
DECLARE
  ignored text[] := cmms_history_ignored_columns();
  secrets text[] := cmms_history_secret_columns();
  capture text := 'cmms_history_capture_' || audited;
  layout_columns text[]; -- the columns whose change is news (secrets included, as "[changed]")
  layout_types text[];   -- their types, 'secret' for secrets
  comparable text[];    -- per column, the cast that makes it comparable (json has no equality; a few geometric types neither)
  layout integer;
  new_values text;      -- per row: ARRAY[every recorded value of the new row as text] (secrets NULL)
  old_values text;      -- the same of the old row
  changed_positions text; -- per row: the positions of the columns that changed
  before_values text;   -- per row: ARRAY[the old value where the column changed, else NULL]
  after_values text;    -- per row: ARRAY[the new value where the column changed, else NULL]
  old_tuple text;
  new_tuple text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = audited::regclass AND a.attname = 'id' AND a.atttypid = 'integer'::regtype) THEN
    RAISE EXCEPTION 'change history records tables with an integer id column; % has none', audited;
  END IF;
  SELECT coalesce(array_agg(a.attname::text ORDER BY a.attnum), '{}'),
         coalesce(array_agg(CASE WHEN a.attname = ANY (secrets) THEN 'secret' ELSE format_type(a.atttypid, a.atttypmod) END ORDER BY a.attnum), '{}'),
         coalesce(array_agg(CASE WHEN a.atttypid = 'json'::regtype THEN '::jsonb'
                                 WHEN a.atttypid IN ('xml'::regtype, 'point'::regtype, 'line'::regtype, 'lseg'::regtype, 'box'::regtype,
                                                     'path'::regtype, 'polygon'::regtype, 'circle'::regtype) THEN '::text'
                                 ELSE '' END ORDER BY a.attnum), '{}')
    INTO layout_columns, layout_types, comparable
    FROM pg_attribute a
   WHERE a.attrelid = audited::regclass AND a.attnum > 0 AND NOT a.attisdropped
     AND (NOT a.attname = ANY (ignored) OR a.attname = ANY (secrets));

  INSERT INTO change_history_layouts (table_name, columns, types) VALUES (audited, layout_columns, layout_types)
  ON CONFLICT (table_name, columns, types) DO NOTHING;
  SELECT l.id INTO layout FROM change_history_layouts l WHERE l.table_name = audited AND l.columns = layout_columns AND l.types = layout_types;

  -- Casting to text, not building JSON: the output function is looked up once per statement, where
  -- json_build_object looks the type up again for every value of every row.
  SELECT 'ARRAY[' || coalesce(string_agg(CASE WHEN t = 'secret' THEN 'NULL' ELSE format('n.%I::text', c) END, ', ' ORDER BY i), '') || ']::text[]',
         'ARRAY[' || coalesce(string_agg(CASE WHEN t = 'secret' THEN 'NULL' ELSE format('o.%I::text', c) END, ', ' ORDER BY i), '') || ']::text[]',
         'array_remove(ARRAY[' || coalesce(string_agg(format('CASE WHEN o.%1$I%3$s IS DISTINCT FROM n.%1$I%3$s THEN %2$s::smallint END', c, i, k), ', ' ORDER BY i), '') || ']::smallint[], NULL)',
         'ARRAY[' || coalesce(string_agg(format('CASE WHEN o.%1$I%2$s IS DISTINCT FROM n.%1$I%2$s THEN %3$s END', c, k,
                                                CASE WHEN t = 'secret' THEN '''[hidden]''' ELSE format('o.%I::text', c) END), ', ' ORDER BY i), '') || ']::text[]',
         'ARRAY[' || coalesce(string_agg(format('CASE WHEN o.%1$I%2$s IS DISTINCT FROM n.%1$I%2$s THEN %3$s END', c, k,
                                                CASE WHEN t = 'secret' THEN '''[changed]''' ELSE format('n.%I::text', c) END), ', ' ORDER BY i), '') || ']::text[]',
         string_agg(format('o.%I%s', c, k), ', ' ORDER BY i),
         string_agg(format('n.%I%s', c, k), ', ' ORDER BY i)
    INTO new_values, old_values, changed_positions, before_values, after_values, old_tuple, new_tuple
    FROM unnest(layout_columns, layout_types, comparable) WITH ORDINALITY AS x(c, t, k, i);

  -- DateStyle and IntervalStyle are fixed so values are written in one format whatever the writer's
  -- session says; timestamps carry their offset.
  EXECUTE format($fn$
    CREATE OR REPLACE FUNCTION %1$I() RETURNS trigger LANGUAGE plpgsql
      SET enable_nestloop = off SET datestyle = 'ISO, YMD' SET intervalstyle = 'postgres' AS $body$
    DECLARE
      actor_id integer := nullif(current_setting('cmms.actor_user_id', true), '')::integer;
      actor text := coalesce(nullif(current_setting('cmms.actor_label', true), ''), 'system:' || current_user);
      request text := nullif(current_setting('cmms.request_id', true), '');
      address text := nullif(current_setting('cmms.ip', true), '');
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO change_history (table_name, record_id, action, actor_user_id, actor_label, request_id, ip, layout_id, after)
        SELECT %2$L, n.id, 'INSERT', actor_id, actor, request, address, %3$s, %4$s
          FROM new_rows n;
      ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO change_history (table_name, record_id, action, actor_user_id, actor_label, request_id, ip, layout_id, before)
        SELECT %2$L, o.id, 'DELETE', actor_id, actor, request, address, %3$s, %5$s
          FROM old_rows o;
      ELSE
        INSERT INTO change_history (table_name, record_id, action, actor_user_id, actor_label, request_id, ip, layout_id, changed, before, after)
        SELECT %2$L, n.id, 'UPDATE', actor_id, actor, request, address, %3$s, %6$s, %7$s, %8$s
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE %9$s;
      END IF;
      RETURN NULL;
    END $body$
  $fn$, capture, audited, layout, new_values, old_values, changed_positions, before_values, after_values,
     CASE WHEN old_tuple IS NULL THEN 'false' ELSE format('ROW(%s) IS DISTINCT FROM ROW(%s)', old_tuple, new_tuple) END);
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

-- Every audited table's capture, regenerated in the new form.
SELECT cmms_define_history_capture(audited) FROM cmms_history_audited_tables() AS audited;
