// Writers of the maintenance side: the catalogue (types, frequencies, procedures, routines, the work
// calendar, failure codes), the schedules, the work requests, and the work orders with their closures.
// Set-based statements on the seed's connection, like plant-writers.ts.
import { CALENDAR, hondurasHolidays } from './calendar.js';
import { MAINTENANCE_TYPES, FREQUENCIES, PROCEDURES, ROUTINES, FAILURES } from './catalogue.js';
import { PLANT_TIME_ZONE, type DemoPlan } from './plan.js';
import { serialSequence, type Sql } from './sql.js';

// Types, frequencies, procedures with their steps, routines, the work calendar and failure codes.
export async function catalogueMaintenance(client: Sql, plan: DemoPlan): Promise<void> {
  await insertMaintenanceTypes(client);
  await insertFrequencies(client);
  await insertProcedures(client);
  await insertRoutines(client);
  await insertWorkCalendar(client, plan);
  await insertFailureCodes(client);
}

// Preventivo > Lubricación/Inspección/Calibración; Correctivo; Predictivo > Termografía/Vibraciones.
async function insertMaintenanceTypes(client: Sql): Promise<void> {
  const json = JSON.stringify(MAINTENANCE_TYPES);
  await client.query(
    `INSERT INTO maintenance_types (code, name)
     SELECT code, name FROM jsonb_to_recordset($1::jsonb) AS t(code text, name text, parent text) WHERE parent IS NULL`,
    [json],
  );
  await client.query(
    `INSERT INTO maintenance_types (code, name, parent_id)
     SELECT t.code, t.name, p.id FROM jsonb_to_recordset($1::jsonb) AS t(code text, name text, parent text)
       JOIN maintenance_types p ON p.code = t.parent`,
    [json],
  );
}

// Calendar and meter frequencies, plus how often each comes due in a year (temp table).
async function insertFrequencies(client: Sql): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE demo_frequency ON COMMIT DROP AS
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS f(code text, name text, "calendarInterval" int, "calendarUnit" text, "meterInterval" numeric, "perYear" int)`,
    [JSON.stringify(FREQUENCIES)],
  );
  await client.query(`
    INSERT INTO frequencies (code, name, calendar_interval, calendar_unit, meter_interval)
    SELECT code, name, "calendarInterval", "calendarUnit", "meterInterval" FROM demo_frequency`);
}

// Procedures and their ordered checklist steps.
async function insertProcedures(client: Sql): Promise<void> {
  const json = JSON.stringify(PROCEDURES);
  await client.query(
    `INSERT INTO procedures (code, name, description)
     SELECT code, name, description FROM jsonb_to_recordset($1::jsonb) AS p(code text, name text, description text)`,
    [json],
  );
  await client.query(
    `INSERT INTO procedure_steps (procedure_id, position, instruction, value_type, unit, min_value, max_value)
     SELECT pr.id, s.ord, s.step ->> 'instruction', s.step ->> 'type', s.step ->> 'unit',
            (s.step ->> 'min')::numeric, (s.step ->> 'max')::numeric
       FROM jsonb_to_recordset($1::jsonb) AS p(code text, steps jsonb)
       JOIN procedures pr ON pr.code = p.code
      CROSS JOIN LATERAL jsonb_array_elements(p.steps) WITH ORDINALITY AS s(step, ord)
      ORDER BY pr.id, s.ord`,
    [json],
  );
}

// Routines, and a temp table with what scheduling needs to know about each.
async function insertRoutines(client: Sql): Promise<void> {
  await client.query(
    `INSERT INTO routines (code, name, maintenance_type_id, frequency_id, procedure_id, estimated_hours)
     SELECT r.code, r.name, t.id, f.id, p.id, r.hours
       FROM jsonb_to_recordset($1::jsonb) AS r(ord int, code text, name text, type text, frequency text, procedure text, hours numeric)
       JOIN maintenance_types t ON t.code = r.type
       JOIN frequencies f ON f.code = r.frequency
       LEFT JOIN procedures p ON p.code = r.procedure
      ORDER BY r.ord`,
    [JSON.stringify(ROUTINES.map((routine, index) => ({ ...routine, ord: index + 1 })))],
  );
  await client.query(`
    CREATE TEMP TABLE demo_routine ON COMMIT DROP AS
    SELECT r.id, r.code, r.name, r.estimated_hours, df."perYear" AS per_year,
           f.meter_interval IS NOT NULL AS meter_based,
           CASE f.calendar_unit WHEN 'WEEK' THEN 7 * f.calendar_interval WHEN 'MONTH' THEN 30 * f.calendar_interval
                                WHEN 'DAY' THEN f.calendar_interval ELSE 30 END AS interval_days
      FROM routines r JOIN frequencies f ON f.id = r.frequency_id JOIN demo_frequency df ON df.code = f.code`);
}

// "Lunes a viernes" with the Honduran holidays of every year the orders span, and the next one.
async function insertWorkCalendar(client: Sql, plan: DemoPlan): Promise<void> {
  const firstYear = Number(plan.windowStart.slice(0, 4));
  const lastYear = Number(plan.windowEnd.slice(0, 4)) + 1;
  const holidays = [];
  for (let year = firstYear; year <= lastYear; year += 1) holidays.push(...hondurasHolidays(year));
  await client.query(
    `INSERT INTO work_calendars (code, name, working_days, day_start, day_end) VALUES ($1, $2, $3, $4, $5)`,
    [CALENDAR.code, CALENDAR.name, CALENDAR.workingDays, CALENDAR.dayStart, CALENDAR.dayEnd],
  );
  await client.query(
    `INSERT INTO calendar_holidays (calendar_id, date, name)
     SELECT c.id, h.date, h.name FROM jsonb_to_recordset($1::jsonb) AS h(date date, name text)
      CROSS JOIN work_calendars c WHERE c.code = $2 ORDER BY h.date`,
    [JSON.stringify(holidays), CALENDAR.code],
  );
}

// PROBLEM rows, CAUSE rows under them, REMEDY rows under the causes; the remedies numbered in a temp table
// and listed for each category.
async function insertFailureCodes(client: Sql): Promise<void> {
  const rows = FAILURES.flatMap((problem) => [
    { code: problem.code, name: problem.problem, kind: 'PROBLEM', parent: null },
    ...problem.causes.flatMap((cause, c) => {
      const causeCode = `${problem.code}-C${c + 1}`;
      return [
        { code: causeCode, name: cause.cause, kind: 'CAUSE', parent: problem.code },
        ...cause.remedies.map((remedy, r) => ({ code: `${causeCode}-R${r + 1}`, name: remedy, kind: 'REMEDY', parent: causeCode })),
      ];
    }),
  ]);
  const json = JSON.stringify(rows);
  for (const kind of ['PROBLEM', 'CAUSE', 'REMEDY']) {
    await client.query(
      `INSERT INTO failure_codes (code, name, kind, parent_id)
       SELECT f.code, f.name, f.kind, p.id FROM jsonb_to_recordset($1::jsonb) AS f(code text, name text, kind text, parent text)
         LEFT JOIN failure_codes p ON p.code = f.parent
        WHERE f.kind = $2`,
      [json, kind],
    );
  }
  await client.query(`
    CREATE TEMP TABLE demo_failure ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY r.id)::int AS idx, p.id AS problem_id, c.id AS cause_id, r.id AS remedy_id,
           p.code AS problem_code, p.name AS problem, r.name AS remedy
      FROM failure_codes r JOIN failure_codes c ON c.id = r.parent_id JOIN failure_codes p ON p.id = c.parent_id
     WHERE r.kind = 'REMEDY';
    -- what can go wrong with each kind of equipment: the remedies under its problems
    ALTER TABLE demo_category ADD COLUMN failure_idxs int[];
    UPDATE demo_category c
       SET failure_idxs = ARRAY(SELECT f.idx FROM demo_failure f WHERE f.problem_code = ANY (c.problems) ORDER BY f.idx)`);
}

// One schedule per asset drawn earlier (~60 %). The preventive orders are shared out by how often each
// routine comes due, exactly adding up to 75 % of the orders; returns how many that is.
export async function scheduleMaintenance(client: Sql, plan: DemoPlan): Promise<number> {
  const preventiveTarget = Math.round(plan.orders * 0.75);
  const sequence = await serialSequence(client, 'maintenance_schedules');
  await client.query(
    `CREATE TEMP TABLE demo_schedule ON COMMIT DROP AS
     WITH chosen AS (
       SELECT a.i, a.id AS asset_id, a.status, a.criticality, a.description AS asset_description,
              r.id AS routine_id, r.name AS routine_name, r.per_year, r.interval_days, r.meter_based, r.estimated_hours,
              row_number() OVER (ORDER BY a.i) AS s
         FROM demo_asset a JOIN demo_routine r ON r.code = a.routine_code
     ), shared AS (
       -- floor differences of a running total: each schedule's share, summing exactly to the target
       SELECT c.*, sum(c.per_year) OVER (ORDER BY c.s) AS running, sum(c.per_year) OVER () AS total FROM chosen c
     ), sized AS (
       SELECT s.*, least(k.span_days, ($1::bigint * s.running) / s.total - ($1::bigint * (s.running - s.per_year)) / s.total)::int AS occurrences,
              pg_temp.demo_rand('schedule.phase', s.s) AS phase,
              NOT (s.status = 'RETIRED' OR pg_temp.demo_rand('schedule.paused', s.s) < 0.04) AS is_active
         FROM shared s CROSS JOIN demo_clock k
     )
     SELECT nextval($2::regclass)::int AS id, z.*,
            CASE WHEN z.occurrences > 0
                 THEN k.window_start + floor(z.phase * k.span_days / z.occurrences)::int - floor(pg_temp.demo_rand('schedule.start', z.s) * 60)::int
                 ELSE k.window_end - floor(pg_temp.demo_rand('schedule.start', z.s) * 120)::int END AS starts_on,
            CASE WHEN z.is_active
                 THEN k.window_end + floor(pg_temp.demo_rand('schedule.due', z.s) * least(z.interval_days, 60))::int END AS next_due_on,
            CASE WHEN pg_temp.demo_rand('schedule.ends', z.s) < 0.1
                 THEN k.window_end + 180 + floor(pg_temp.demo_rand('schedule.ends.on', z.s) * 720)::int END AS ends_on
       FROM sized z CROSS JOIN demo_clock k
      ORDER BY z.s`,
    [preventiveTarget, sequence],
  );
  await client.query(`
    INSERT INTO maintenance_schedules (id, routine_id, asset_id, calendar_id, meter_point_id, starts_on, ends_on, is_active, next_due_on)
    SELECT s.id, s.routine_id, s.asset_id, cal.id, mp.id, s.starts_on, s.ends_on, s.is_active, s.next_due_on
      FROM demo_schedule s
      CROSS JOIN (SELECT id FROM work_calendars WHERE code = '${CALENDAR.code}') AS cal
      LEFT JOIN measurement_points mp ON s.meter_based AND mp.asset_id = s.asset_id AND mp.is_meter
     ORDER BY s.id`);
  const { rows } = await client.query<{ preventive: number }>(`SELECT coalesce(sum(occurrences), 0)::int AS preventive FROM demo_schedule`);
  return rows[0]?.preventive ?? 0;
}

// Requests from the floor, 5 % of the orders count. The oldest-numbered ones were converted into
// corrective orders (at most one each); recent ones are still open or in review.
export async function fileWorkRequests(client: Sql, plan: DemoPlan, corrective: number): Promise<void> {
  const requests = Math.round(plan.orders * 0.05);
  const converted = Math.min(Math.round(requests * 0.6), corrective);
  const sequence = await serialSequence(client, 'work_requests');
  await client.query(
    `CREATE TEMP TABLE demo_request ON COMMIT DROP AS
     WITH drawn AS (
       SELECT j,
              CASE WHEN j <= $2 THEN 'CONVERTED'
                   WHEN pg_temp.demo_rand('request.state', j) < 0.35 THEN 'OPEN'
                   WHEN pg_temp.demo_rand('request.state', j) < 0.70 THEN 'IN_REVIEW' ELSE 'REJECTED' END AS state,
              CASE WHEN pg_temp.demo_rand('request.priority', j) < 0.10 THEN 'URGENT'
                   WHEN pg_temp.demo_rand('request.priority', j) < 0.35 THEN 'HIGH'
                   WHEN pg_temp.demo_rand('request.priority', j) < 0.80 THEN 'MEDIUM' ELSE 'LOW' END AS priority,
              1 + floor(pg_temp.demo_rand('request.asset', j) * $1::int)::int AS asset_i
         FROM generate_series(1, $3::int) AS j
     ), fitted AS (
       SELECT d.*, c.failure_idxs[1 + floor(pg_temp.demo_rand('request.failure', d.j) * cardinality(c.failure_idxs))::int] AS failure_idx
         FROM drawn d JOIN demo_asset a ON a.i = d.asset_i JOIN demo_category c ON c.idx = a.category_idx
     )
     SELECT nextval($4::regclass)::int AS id, d.j, d.state, d.priority, d.failure_idx, a.id AS asset_id, a.category_idx,
            f.problem || ' en ' || lower(left(a.description, 1)) || substr(a.description, 2) AS summary,
            a.code AS asset_code,
            crew.user_ids[1 + floor(pg_temp.demo_rand('request.reporter', d.j) * cardinality(crew.user_ids))::int] AS reported_by_id,
            CASE WHEN d.state IN ('OPEN', 'IN_REVIEW')
                 THEN k.as_of_ts - pg_temp.demo_rand('request.age', d.j) * interval '20 days'
                 ELSE (k.window_start + floor(pg_temp.demo_rand('request.age', d.j) * (k.as_of - k.window_start - 3))::int
                       + time '06:00' + pg_temp.demo_rand('request.hour', d.j) * interval '12 hours') AT TIME ZONE '${PLANT_TIME_ZONE}'
            END AS created_at
       FROM fitted d
       JOIN demo_asset a ON a.i = d.asset_i
       JOIN demo_failure f ON f.idx = d.failure_idx
      CROSS JOIN (SELECT array_agg(user_id ORDER BY n) AS user_ids FROM demo_crew) AS crew
      CROSS JOIN demo_clock k
      ORDER BY d.j`,
    [plan.assets, converted, requests, sequence],
  );
  await client.query(`
    INSERT INTO work_requests (id, reported_by_id, asset_id, description, priority, state, created_at, updated_at)
    SELECT id, reported_by_id, asset_id, summary || ' (' || asset_code || '). Reportado por operación durante la ronda.',
           priority, state, created_at, created_at
      FROM demo_request ORDER BY id`);
}

// Every order's facts before numbering: preventive ones from their schedules' occurrences, corrective
// ones from converted requests first and then from anywhere in the plant; state follows the date.
export async function planWorkOrders(client: Sql, corrective: number): Promise<void> {
  const sequence = await serialSequence(client, 'work_orders');
  await client.query(
    `CREATE TEMP TABLE demo_order ON COMMIT DROP AS
     WITH preventive AS (
       -- occurrence n of a schedule: evenly spaced over the window, shifted by the schedule's phase
       SELECT 'PREVENTIVE'::text AS kind, s.id AS schedule_id, NULL::int AS work_request_id, s.asset_id,
              k.window_start + floor((n + s.phase) * k.span_days / s.occurrences)::int AS planned_on,
              s.s * 1000000 + n AS key,
              NULL::int AS failure_idx,
              left(s.routine_name || ': ' || s.asset_description, 500) AS description,
              CASE WHEN s.criticality = 'A' AND pg_temp.demo_rand('order.priority', s.s * 1000000 + n) < 0.5 THEN 'HIGH'
                   WHEN s.criticality = 'C' AND pg_temp.demo_rand('order.priority', s.s * 1000000 + n) < 0.6 THEN 'LOW'
                   ELSE 'MEDIUM' END AS priority,
              s.estimated_hours * (0.7 + 0.6 * pg_temp.demo_rand('order.hours', s.s * 1000000 + n)) AS hours,
              NULL::timestamptz AS requested_at
         FROM demo_schedule s CROSS JOIN demo_clock k CROSS JOIN LATERAL generate_series(0, s.occurrences - 1) AS n
     ), corrective AS (
       SELECT 'CORRECTIVE'::text AS kind, NULL::int AS schedule_id, rq.id AS work_request_id,
              coalesce(rq.asset_id, a.id) AS asset_id,
              -- a converted request is attended from the next working morning on
              coalesce((rq.created_at AT TIME ZONE '${PLANT_TIME_ZONE}')::date + 1 + floor(pg_temp.demo_rand('order.delay', c) * 3)::int,
                       k.window_start + floor(pg_temp.demo_rand('order.day', c) * k.span_days)::int) AS planned_on,
              1000000000000 + c AS key,
              coalesce(rq.failure_idx,
                       cat.failure_idxs[1 + floor(pg_temp.demo_rand('order.failure', c) * cardinality(cat.failure_idxs))::int]) AS failure_idx,
              NULL::text AS description,
              coalesce(rq.priority,
                CASE WHEN pg_temp.demo_rand('order.priority', c) < 0.10 THEN 'URGENT'
                     WHEN pg_temp.demo_rand('order.priority', c) < 0.40 THEN 'HIGH'
                     WHEN pg_temp.demo_rand('order.priority', c) < 0.80 THEN 'MEDIUM' ELSE 'LOW' END) AS priority,
              0.5 + 7.5 * pg_temp.demo_rand('order.hours', c) ^ 2 AS hours,
              rq.created_at AS requested_at
         FROM generate_series(1, $1::int) AS c
         CROSS JOIN demo_clock k
         LEFT JOIN demo_request rq ON rq.state = 'CONVERTED' AND rq.j = c
         JOIN demo_asset a ON a.i = 1 + floor(pg_temp.demo_rand('order.asset', c) * (SELECT count(*) FROM demo_asset))::int
         JOIN demo_category cat ON cat.idx = coalesce(rq.category_idx, a.category_idx)
     ), planned AS (
       SELECT * FROM preventive UNION ALL SELECT * FROM corrective
     ), staged AS (
       -- future: planned or assigned; last three weeks: work in every stage; older: closed (or cancelled)
       SELECT p.*,
              CASE WHEN p.planned_on >= k.as_of THEN
                     CASE WHEN pg_temp.demo_rand('order.state', p.key) < 0.45 THEN 'PENDING'
                          WHEN pg_temp.demo_rand('order.state', p.key) < 0.95 THEN 'ASSIGNED' ELSE 'CANCELLED' END
                   WHEN k.as_of - p.planned_on <= 21 THEN
                     CASE WHEN pg_temp.demo_rand('order.state', p.key) < 0.05 THEN 'PENDING'
                          WHEN pg_temp.demo_rand('order.state', p.key) < 0.15 THEN 'ASSIGNED'
                          WHEN pg_temp.demo_rand('order.state', p.key) < 0.40 THEN 'IN_PROGRESS'
                          WHEN pg_temp.demo_rand('order.state', p.key) < 0.50 THEN 'ON_HOLD'
                          WHEN pg_temp.demo_rand('order.state', p.key) < 0.75 THEN 'COMPLETED'
                          WHEN pg_temp.demo_rand('order.state', p.key) < 0.96 THEN 'CLOSED' ELSE 'CANCELLED' END
                   WHEN k.as_of - p.planned_on <= 90 THEN
                     CASE WHEN pg_temp.demo_rand('order.state', p.key) < 0.02 THEN 'IN_PROGRESS'
                          WHEN pg_temp.demo_rand('order.state', p.key) < 0.05 THEN 'ON_HOLD'
                          WHEN pg_temp.demo_rand('order.state', p.key) < 0.17 THEN 'COMPLETED'
                          WHEN pg_temp.demo_rand('order.state', p.key) < 0.95 THEN 'CLOSED' ELSE 'CANCELLED' END
                   ELSE
                     CASE WHEN pg_temp.demo_rand('order.state', p.key) < 0.005 THEN 'COMPLETED'
                          WHEN pg_temp.demo_rand('order.state', p.key) < 0.96 THEN 'CLOSED' ELSE 'CANCELLED' END
              END AS state
         FROM planned p CROSS JOIN demo_clock k
     ), timed AS (
       SELECT st.*,
              CASE WHEN st.state IN ('IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CLOSED')
                   THEN (st.planned_on + time '07:00' + pg_temp.demo_rand('order.start', st.key) * interval '7 hours')
                        AT TIME ZONE '${PLANT_TIME_ZONE}' END AS started_at,
              round(greatest(st.hours, 0.25)::numeric, 2) AS labor_hours,
              CASE WHEN st.state <> 'PENDING'
                   THEN 1 + floor(pg_temp.demo_rand('order.technician', st.key) * (SELECT count(*) FROM demo_crew))::int END AS crew_n
         FROM staged st
     )
     SELECT nextval($2::regclass)::int AS id,
            -- the order's place in its year; issueWorkOrders turns it into a reserved number
            row_number() OVER (PARTITION BY extract(year FROM t.planned_on) ORDER BY t.planned_on, t.key)::int AS nth_in_year,
            extract(year FROM t.planned_on)::int AS year,
            t.*,
            CASE WHEN t.state IN ('COMPLETED', 'CLOSED') THEN t.started_at + t.labor_hours * interval '1 hour' END AS completed_at
       FROM timed t
      ORDER BY t.planned_on, t.key`,
    [corrective, sequence],
  );
}

// The orders themselves: numbers gap-free per year in date order, a technician unless pending,
// corrective descriptions naming the problem. Each year's numbers are reserved in one block from the
// year's counter (cmms_reserve_work_order_numbers, as preventive generation does), so orders added after
// the seed continue the sequence and the numbering trigger has nothing left to assign.
export async function issueWorkOrders(client: Sql): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE demo_number_block ON COMMIT DROP AS
    SELECT year, cmms_reserve_work_order_numbers(year, count(*)::int) - count(*)::int AS before_first
      FROM demo_order GROUP BY year`);
  await client.query(`
    INSERT INTO work_orders (id, number, kind, schedule_id, work_request_id, asset_id, technician_id, state, priority,
                             description, planned_on, started_at, completed_at, created_at, updated_at)
    SELECT o.id, cmms_work_order_number(o.year, b.before_first + o.nth_in_year), o.kind, o.schedule_id, o.work_request_id, o.asset_id, c.technician_id, o.state, o.priority,
           coalesce(o.description, left(f.problem || ' en ' || lower(left(a.description, 1)) || substr(a.description, 2), 500)),
           o.planned_on, o.started_at, o.completed_at, created.at_ts,
           greatest(created.at_ts, coalesce(o.completed_at, o.started_at, created.at_ts))
      FROM demo_order o
      JOIN demo_number_block b ON b.year = o.year
      JOIN assets a ON a.id = o.asset_id
      LEFT JOIN demo_failure f ON f.idx = o.failure_idx
      LEFT JOIN demo_crew c ON c.n = o.crew_n
     CROSS JOIN demo_clock k
     CROSS JOIN LATERAL (
       -- preventive orders are generated two weeks ahead; corrective ones when reported
       SELECT least(k.as_of_ts, coalesce(o.requested_at + interval '2 hours',
                    ((o.planned_on - CASE o.kind WHEN 'PREVENTIVE' THEN 14 ELSE 0 END) + time '06:00') AT TIME ZONE '${PLANT_TIME_ZONE}')) AS at_ts
     ) AS created
     ORDER BY o.id`);
}

// Closures for every CLOSED order: hours worked, closed by the order's technician within two days,
// problem/cause/remedy for corrective work.
export async function closeWorkOrders(client: Sql): Promise<void> {
  await client.query(`
    INSERT INTO work_order_closures (work_order_id, labor_hours, problem_id, cause_id, remedy_id, observations, closed_by_id, closed_at)
    SELECT o.id, o.labor_hours, f.problem_id, f.cause_id, f.remedy_id,
           CASE WHEN o.kind = 'CORRECTIVE' THEN f.remedy || '. Equipo probado y entregado a operación.'
                WHEN pg_temp.demo_rand('closure.note', o.key) < 0.85 THEN 'Rutina ejecutada sin novedades.'
                ELSE 'Se observa desgaste leve; se recomienda seguimiento en la próxima rutina.' END,
           c.user_id,
           least(k.as_of_ts, o.completed_at + pg_temp.demo_rand('closure.delay', o.key) * interval '48 hours')
      FROM demo_order o
      JOIN demo_crew c ON c.n = o.crew_n
      LEFT JOIN demo_failure f ON o.kind = 'CORRECTIVE' AND f.idx = o.failure_idx
     CROSS JOIN demo_clock k
     WHERE o.state = 'CLOSED'
     ORDER BY o.id`);
}
