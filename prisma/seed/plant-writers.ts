// Writers of the plant itself: groups and technicians, kinds of equipment, the location tree, assets,
// measurement points and their readings. Set-based statements on the seed's connection; the seeded
// pg_temp.demo_rand() and the demo_clock dates come from prepareSession() in demo.ts.
import { GROUP_CODES, GROUPS } from '../groups.js';
import { CREW, PLANT, AREAS, POSITIONS, MEASURES, CATEGORIES } from './catalogue.js';
import { serialSequence, type Sql } from './sql.js';

// The five user groups (normally created at first start).
export async function ensureGroups(client: Sql): Promise<void> {
  const groups = GROUP_CODES.map((code) => ({ code, ...GROUPS[code] }));
  await client.query(
    `INSERT INTO groups (code, name, description, can_read_history)
     SELECT code, name, description, "canReadHistory"
       FROM jsonb_to_recordset($1::jsonb) AS g(code text, name text, description text, "canReadHistory" boolean)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(groups)],
  );
}

// Technicians: users without a password (they cannot sign in), a technicians row each, in TECHNICIANS.
export async function hireTechnicians(client: Sql): Promise<void> {
  const roster = CREW.map((member, index) => ({
    ...member,
    n: index + 1,
    email: `tecnico${String(index + 1).padStart(2, '0')}@planta.demo`,
  }));
  await client.query(
    `INSERT INTO users (email, name, password_hash, locale)
     SELECT r.email, r.name, NULL, 'es' FROM jsonb_to_recordset($1::jsonb) AS r(n int, email text, name text) ORDER BY r.n
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name`,
    [JSON.stringify(roster)],
  );
  await client.query(
    `CREATE TEMP TABLE demo_crew ON COMMIT DROP AS
     SELECT r.n, u.id AS user_id, r.craft, r."hourlyCost" AS hourly_cost
       FROM jsonb_to_recordset($1::jsonb) AS r(n int, email text, craft text, "hourlyCost" numeric)
       JOIN users u ON u.email = r.email`,
    [JSON.stringify(roster)],
  );
  await client.query(`
    INSERT INTO technicians (user_id, craft, hourly_cost)
    SELECT user_id, craft, hourly_cost FROM demo_crew ORDER BY n`);
  await client.query(`
    ALTER TABLE demo_crew ADD COLUMN technician_id int;
    UPDATE demo_crew c SET technician_id = t.id FROM technicians t WHERE t.user_id = c.user_id;
    INSERT INTO user_groups (user_id, group_id)
    SELECT c.user_id, g.id FROM demo_crew c CROSS JOIN groups g WHERE g.code = 'TECHNICIANS'
    ON CONFLICT (user_id, group_id) DO NOTHING`);
}

// The ~25 kinds of equipment, with the words that describe each one (kept in a temp table).
export async function catalogueAssetCategories(client: Sql): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE demo_category ON COMMIT DROP AS
     SELECT c.ord AS idx, c.code, c.name, c.qualifiers, c.manufacturers, c."modelPrefix" AS model_prefix,
            c.measures, c.routines, c.problems
       FROM jsonb_to_recordset($1::jsonb)
            AS c(ord int, code text, name text, qualifiers text[], manufacturers text[], "modelPrefix" text, measures text[], routines text[],
                 problems text[])`,
    [JSON.stringify(CATEGORIES.map((category, index) => ({ ...category, ord: index + 1 })))],
  );
  await client.query(`
    INSERT INTO asset_categories (code, name, description)
    SELECT code, name, 'Fabricantes habituales: ' || array_to_string(manufacturers, ', ') FROM demo_category ORDER BY idx;
    ALTER TABLE demo_category ADD COLUMN id int;
    UPDATE demo_category d SET id = c.id FROM asset_categories c WHERE c.code = d.code`);
}

// Plant > areas > systems > positions, one level per statement so the trigger finds each parent's path.
export async function buildLocationTree(client: Sql): Promise<void> {
  const areas = AREAS.map((area, index) => ({ ...area, ord: index + 1 }));
  await client.query(`INSERT INTO locations (code, name) VALUES ($1, $2)`, [PLANT.code, PLANT.name]);
  await client.query(
    `CREATE TEMP TABLE demo_area ON COMMIT DROP AS
     SELECT a.ord, $2 || '-' || a.code AS code, a.code AS area_code, a.name, a.systems, a.categories
       FROM jsonb_to_recordset($1::jsonb) AS a(ord int, code text, name text, systems text[], categories text[])`,
    [JSON.stringify(areas), PLANT.code],
  );
  await client.query(
    `INSERT INTO locations (code, name, parent_id)
     SELECT a.code, a.name, p.id FROM demo_area a CROSS JOIN locations p WHERE p.code = $1 ORDER BY a.ord`,
    [PLANT.code],
  );
  await client.query(`
    INSERT INTO locations (code, name, parent_id)
    SELECT a.code || '-S' || lpad(s.ord::text, 2, '0'), s.name, l.id
      FROM demo_area a JOIN locations l ON l.code = a.code
     CROSS JOIN LATERAL unnest(a.systems) WITH ORDINALITY AS s(name, ord)
     ORDER BY a.ord, s.ord`);
  // 6 to 10 positions per system: about 400 leaves where the assets stand.
  await client.query(
    `INSERT INTO locations (code, name, parent_id)
     SELECT s.code || '-P' || lpad(p::text, 2, '0'), ($1::text[])[p], s.id
       FROM demo_area a JOIN locations s ON s.code LIKE a.code || '-S__'
      CROSS JOIN LATERAL generate_series(1, 6 + floor(pg_temp.demo_rand('location.positions', s.id) * 5)::int) AS p
      ORDER BY s.id, p`,
    [POSITIONS],
  );
  // The leaves, numbered, each with the equipment its area mostly holds.
  await client.query(`
    CREATE TEMP TABLE demo_leaf ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY l.id)::int AS idx, l.id AS location_id, a.area_code,
           ARRAY(SELECT c.idx FROM demo_category c WHERE c.code = ANY (a.categories) ORDER BY c.idx) AS category_idxs
      FROM demo_area a JOIN locations l ON l.code LIKE a.code || '-S__-P__'`);
}

// N assets over the leaves: 80 % of an asset's category comes from its area's usual equipment, ~5 %
// are sub-assets of the asset just before them (same place, lower id), codes ACT-000001...
export async function installAssets(client: Sql, assets: number): Promise<void> {
  const sequence = await serialSequence(client, 'assets');
  await client.query(
    `CREATE TEMP TABLE demo_asset ON COMMIT DROP AS
     WITH drawn AS (
       SELECT i, (i > 1 AND pg_temp.demo_rand('asset.sub', i) < 0.0525
                  AND NOT (i > 2 AND pg_temp.demo_rand('asset.sub', i - 1) < 0.0525)) AS is_sub
         FROM generate_series(1, $1::int) AS i
     ), placed AS (
       -- a sub-asset stands where its parent (the previous asset) stands
       SELECT d.i, d.is_sub, l.location_id, l.category_idxs
         FROM drawn d
         JOIN demo_leaf l ON l.idx = 1 + floor(pg_temp.demo_rand('asset.leaf', CASE WHEN d.is_sub THEN d.i - 1 ELSE d.i END)
                                              * (SELECT count(*) FROM demo_leaf))::int
     ), typed AS (
       SELECT p.*,
              CASE WHEN pg_temp.demo_rand('asset.usual', p.i) < 0.8
                   THEN p.category_idxs[1 + floor(pg_temp.demo_rand('asset.category', p.i) * cardinality(p.category_idxs))::int]
                   ELSE 1 + floor(pg_temp.demo_rand('asset.category', p.i) * (SELECT count(*) FROM demo_category))::int
              END AS category_idx
         FROM placed p
     ), described AS (
       SELECT t.i, t.is_sub, t.location_id, t.category_idx, c.id AS category_id, c.name AS category_name,
              c.qualifiers[1 + floor(pg_temp.demo_rand('asset.qualifier', t.i) * cardinality(c.qualifiers))::int] AS qualifier,
              c.manufacturers[1 + floor(pg_temp.demo_rand('asset.maker', t.i) * cardinality(c.manufacturers))::int] AS manufacturer,
              c.model_prefix,
              CASE WHEN pg_temp.demo_rand('asset.criticality', t.i) < 0.15 THEN 'A'
                   WHEN pg_temp.demo_rand('asset.criticality', t.i) < 0.50 THEN 'B' ELSE 'C' END AS criticality,
              CASE WHEN pg_temp.demo_rand('asset.status', t.i) < 0.86 THEN 'IN_SERVICE'
                   WHEN pg_temp.demo_rand('asset.status', t.i) < 0.93 THEN 'STANDBY'
                   WHEN pg_temp.demo_rand('asset.status', t.i) < 0.97 THEN 'OUT_OF_SERVICE' ELSE 'RETIRED' END AS status,
              k.as_of - floor(pg_temp.demo_rand('asset.installed', t.i) * 20 * 365.25)::int AS installed_on
         FROM typed t JOIN demo_category c ON c.idx = t.category_idx CROSS JOIN demo_clock k
     )
     SELECT nextval($2::regclass)::int AS id, d.*,
            -- lpad() would cut the millionth asset's code to ACT-100000: pad to at least six digits
            'ACT-' || lpad(d.i::text, greatest(6, length(d.i::text)), '0') AS code,
            -- "Bomba centrífuga de alimentación 3": numbered among its likes in the same position
            d.category_name || ' ' || d.qualifier || ' '
              || row_number() OVER (PARTITION BY d.location_id, d.category_idx, d.qualifier ORDER BY d.i) AS description
       FROM described d
      ORDER BY d.i`,
    [assets, sequence],
  );
  await client.query(`CREATE UNIQUE INDEX ON demo_asset (i); ANALYZE demo_asset`);
  await client.query(`
    INSERT INTO assets (id, code, description, location_id, category_id, responsible_user_id, status, manufacturer,
                        model, serial_number, installed_on, criticality, parent_asset_id)
    SELECT a.id, a.code, a.description, a.location_id, a.category_id,
           CASE WHEN a.criticality = 'A' THEN crew.user_ids[1 + floor(pg_temp.demo_rand('asset.responsible', a.i) * cardinality(crew.user_ids))::int] END,
           a.status, a.manufacturer,
           a.model_prefix || '-' || (100 + floor(pg_temp.demo_rand('asset.model', a.i) * 900)::int),
           upper(left(regexp_replace(a.manufacturer, '[^A-Za-z]', '', 'g'), 3)) || to_char(a.installed_on, 'YY')
             || lpad(floor(pg_temp.demo_rand('asset.serial', a.i) * 1000000)::int::text, 6, '0'),
           a.installed_on, a.criticality, parent.id
      FROM demo_asset a
      LEFT JOIN demo_asset parent ON a.is_sub AND parent.i = a.i - 1
     CROSS JOIN (SELECT array_agg(user_id ORDER BY n) AS user_ids FROM demo_crew) AS crew
     ORDER BY a.i`);
}

// About one point per two assets (variables fitting the category); an asset whose planned routine runs
// on running hours always gets its hour meter.
export async function placeMeasurementPoints(client: Sql): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE demo_measure ON COMMIT DROP AS
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS m(code text, variable text, unit text, min numeric, max numeric, "isMeter" boolean)`,
    [JSON.stringify(MEASURES)],
  );
  // The routine each asset will be scheduled on (if any) is drawn here, so the meter is there first.
  await client.query(`
    ALTER TABLE demo_asset ADD COLUMN routine_code text;
    UPDATE demo_asset a
       SET routine_code = c.routines[1 + floor(pg_temp.demo_rand('schedule.routine', a.i) * cardinality(c.routines))::int]
      FROM demo_category c
     WHERE c.idx = a.category_idx AND pg_temp.demo_rand('schedule', a.i) < 0.6`);
  await client.query(`
    INSERT INTO measurement_points (code, asset_id, variable, unit, min_value, max_value, is_meter)
    SELECT a.code || '-' || m.code, a.id, m.variable, m.unit, m.min, m.max, m."isMeter"
      FROM demo_asset a
      JOIN demo_category c ON c.idx = a.category_idx
      LEFT JOIN demo_routine r ON r.code = a.routine_code
      JOIN demo_measure m ON m.code = CASE WHEN r.meter_based THEN 'HOR'
                                           ELSE c.measures[1 + floor(pg_temp.demo_rand('point.variable', a.i) * cardinality(c.measures))::int] END
     WHERE r.meter_based OR pg_temp.demo_rand('point', a.i) < 0.45
     ORDER BY a.i`);
}

// Ten readings per point, nine days apart over the last 90 days: meters climb, the rest wander inside
// their limits with ~3 % excursions above the maximum.
export async function recordReadings(client: Sql): Promise<void> {
  // History loaded at once is back-fill: marked as judged, it opens no condition requests (the readings
  // trigger, migration *_preventive_and_closeout). Requests come from readings taken from now on.
  await client.query(`UPDATE measurement_points SET last_evaluated_at = k.as_of_ts FROM demo_clock k`);
  await client.query(`
    INSERT INTO readings (measurement_point_id, taken_at, value, source)
    SELECT mp.id,
           k.as_of_ts - ((9 - r) * 9) * interval '1 day' - pg_temp.demo_rand('reading.time', mp.id * 16 + r) * interval '8 hours',
           CASE WHEN mp.is_meter
                  THEN round((1000 + pg_temp.demo_rand('meter.base', mp.id) * 40000
                              + r * 216 * (0.55 + 0.4 * pg_temp.demo_rand('meter.use', mp.id)))::numeric, 1)
                WHEN pg_temp.demo_rand('reading.excursion', mp.id * 16 + r) < 0.03
                  THEN round(mp.max_value * (1.05 + 0.2 * pg_temp.demo_rand('reading.value', mp.id * 16 + r))::numeric, 2)
                ELSE round(mp.min_value + (mp.max_value - mp.min_value)
                           * (0.2 + 0.5 * pg_temp.demo_rand('reading.value', mp.id * 16 + r))::numeric, 2)
           END,
           CASE WHEN pg_temp.demo_rand('reading.source', mp.id) < 0.6 THEN 'SCADA' ELSE 'MANUAL' END
      FROM measurement_points mp CROSS JOIN generate_series(0, 9) AS r CROSS JOIN demo_clock k
     ORDER BY mp.id, r`);
}
