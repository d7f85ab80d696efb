// Preventive generation: every active schedule gets a PENDING work order for each due date up to the day
// generated, inside its window (starts on .. ends on), moved to the next working day of its calendar.
//   - Calendar frequencies (every N days/weeks/months) run from the cycle's anchor (see cmms_pm_due_dates).
//   - Meter frequencies fire when the meter has run one interval past the value at the last order.
//   - A routine with both fires on whichever comes first, and an order fired by the meter restarts the
//     calendar cycle from that day (and any order restarts the meter count).
// Set-based: a handful of statements for any number of schedules. An advisory lock makes concurrent runs
// (two workers, the 06:00 job and a click) take turns, and a due date already holding an order of the
// schedule is skipped, so generating twice never duplicates.
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { reserveBillsOfMaterials } from '../inventory/bill-of-materials.js';

export interface PreventiveGeneration {
  /** The day generated through (YYYY-MM-DD, plant time). */
  day: string;
  /** Schedules that had something due. */
  schedulesDue: number;
  ordersCreated: number;
}

export interface GenerationRequest {
  /** Generate due dates up to this calendar day (a UTC-midnight Date, as @db.Date values are). */
  day: Date;
  /** The plant's time zone: readings taken before the end of `day` there count. */
  timeZone: string;
  /** Only these schedules; all active ones when absent. */
  scheduleIds?: number[];
}

const GENERATION_LOCK = "hashtext('cmms:preventive-generation')";
// Waiting for a concurrent run to finish counts too.
const BULK_TIMEOUT_MS = 10 * 60_000;

/** Who may generate: the job (no ability: it acts as the system) or a user with `generate WorkOrder`. */
export async function generatePreventiveOrders(db: Db, ability: AppAbility | null, request: GenerationRequest): Promise<PreventiveGeneration> {
  if (ability && !ability.can('generate', 'WorkOrder')) throw new AccessDeniedError('generate', 'WorkOrder');
  const day = request.day.toISOString().slice(0, 10);
  const scheduleIds = await schedulesOf(db, ability, request.scheduleIds ?? null);

  return db.transactionAs(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${GENERATION_LOCK})`);

    // What each candidate schedule needs: its cycle, window, and meter (latest reading up to the day's end).
    await tx.$executeRawUnsafe(
      `CREATE TEMP TABLE pm_candidate ON COMMIT DROP AS
       SELECT s.id AS schedule_id, s.asset_id, s.calendar_id, s.next_due_on, s.ends_on,
              coalesce(s.cycle_anchor_on, s.starts_on) AS anchor,
              greatest(s.starts_on, coalesce(s.next_due_on, s.starts_on)) AS from_day,
              CASE WHEN s.ends_on IS NULL OR s.ends_on > $1::date THEN $1::date ELSE s.ends_on END AS until_day,
              f.calendar_interval AS every, f.calendar_unit AS unit, f.meter_interval,
              meter.value AS meter_value,
              CASE WHEN meter.value IS NOT NULL THEN coalesce(s.last_meter_value, (
                SELECT b.value FROM readings b WHERE b.measurement_point_id = s.meter_point_id AND b.taken_at < s.starts_on
                 ORDER BY b.taken_at DESC LIMIT 1), 0) END AS meter_baseline,
              r.name AS routine_name, a.criticality
         FROM maintenance_schedules s
         JOIN routines r ON r.id = s.routine_id
         JOIN frequencies f ON f.id = r.frequency_id
         JOIN assets a ON a.id = s.asset_id
         LEFT JOIN LATERAL (
           SELECT m.value FROM readings m
            WHERE m.measurement_point_id = s.meter_point_id AND m.taken_at < (($1::date + 1)::timestamp AT TIME ZONE $2)
            ORDER BY m.taken_at DESC LIMIT 1) meter ON f.meter_interval IS NOT NULL
        WHERE s.is_active AND a.status <> 'RETIRED' AND s.starts_on <= $1::date
          AND ($3::int[] IS NULL OR s.id = ANY ($3::int[]))`,
      day, request.timeZone, scheduleIds,
    );
    await tx.$executeRawUnsafe('ANALYZE pm_candidate');

    // Every due date, moved to the next working day of the schedule's calendar (not a day off, not a
    // holiday); two due dates moved onto the same day make one order. The next working day of every day
    // in the span is worked out once per calendar (a running minimum, latest day first), not per order.
    await tx.$executeRawUnsafe(
      `CREATE TEMP TABLE pm_due ON COMMIT DROP AS
       WITH due AS (
         SELECT c.schedule_id, d.due, false AS by_meter
           FROM pm_candidate c CROSS JOIN LATERAL cmms_pm_due_dates(c.anchor, c.every, c.unit, c.from_day, c.until_day) AS d(due)
          WHERE c.every IS NOT NULL
         UNION ALL -- a next due date someone moved by hand counts once, even off the cycle
         SELECT c.schedule_id, c.next_due_on, false FROM pm_candidate c WHERE c.next_due_on BETWEEN c.from_day AND c.until_day
         UNION ALL
         SELECT c.schedule_id, $1::date, true FROM pm_candidate c WHERE c.meter_value - c.meter_baseline >= c.meter_interval
       ), span AS (
         SELECT min(due) AS first_day, max(due) + 366 AS last_day FROM due
       ), calendar_days AS (
         SELECT cal.id AS calendar_id, day::date AS day,
                min(day::date) FILTER (WHERE extract(isodow FROM day)::int = ANY (cal.working_days) AND h.id IS NULL)
                  OVER (PARTITION BY cal.id ORDER BY day DESC) AS next_working_day
           FROM work_calendars cal
           CROSS JOIN span CROSS JOIN generate_series(span.first_day::timestamp, span.last_day::timestamp, interval '1 day') AS day
           LEFT JOIN calendar_holidays h ON h.calendar_id = cal.id AND h.date = day::date
          WHERE cal.id IN (SELECT calendar_id FROM pm_candidate)
       )
       SELECT d.schedule_id, coalesce(cd.next_working_day, d.due) AS planned_on, bool_or(d.by_meter) AS by_meter
         FROM due d JOIN pm_candidate c USING (schedule_id)
         LEFT JOIN calendar_days cd ON cd.calendar_id = c.calendar_id AND cd.day = d.due
        GROUP BY 1, 2`,
      day,
    );
    await tx.$executeRawUnsafe('ANALYZE pm_due');

    // Numbers reserved per year in one counter update each, in planned order: gap-free and unique.
    const created = await tx.$executeRawUnsafe(
      `WITH fresh AS (
         SELECT d.schedule_id, d.planned_on, extract(year FROM d.planned_on)::int AS year,
                row_number() OVER (PARTITION BY extract(year FROM d.planned_on) ORDER BY d.planned_on, d.schedule_id)::int AS n
           FROM pm_due d
          WHERE NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.schedule_id = d.schedule_id AND w.planned_on = d.planned_on)
       ), reserved AS (
         SELECT year, cmms_reserve_work_order_numbers(year, count(*)::int) - count(*)::int AS base FROM fresh GROUP BY year
       )
       INSERT INTO work_orders (number, kind, schedule_id, asset_id, state, priority, description, planned_on, updated_at)
       SELECT cmms_work_order_number(f.year, r.base + f.n), 'PREVENTIVE', f.schedule_id, c.asset_id, 'PENDING',
              CASE WHEN c.criticality = 'A' THEN 'HIGH' ELSE 'MEDIUM' END, left(c.routine_name, 500), f.planned_on, now()
         FROM fresh f JOIN reserved r USING (year) JOIN pm_candidate c USING (schedule_id)
        ORDER BY f.year, f.n`,
    );
    // The new orders' bills of materials are reserved with them (inventory).
    if (created) await reserveBillsOfMaterials(tx);

    // The next cycle: calendar due date after the day (restarted by a meter-fired order), meter baseline.
    const schedulesDue = await tx.$executeRawUnsafe(
      `WITH fired AS (SELECT schedule_id, bool_or(by_meter) AS by_meter FROM pm_due GROUP BY schedule_id),
            next AS MATERIALIZED ( -- each next due date computed once, not once per mention below
              SELECT c.schedule_id, f.by_meter,
                     CASE WHEN c.every IS NOT NULL THEN cmms_pm_next_due(CASE WHEN f.by_meter THEN $1::date ELSE c.anchor END, c.every, c.unit, $1::date) END AS next_due_on,
                     c.meter_value, c.ends_on, c.every
                FROM fired f JOIN pm_candidate c USING (schedule_id))
       UPDATE maintenance_schedules s
          SET cycle_anchor_on = CASE WHEN n.by_meter AND n.every IS NOT NULL THEN $1::date ELSE s.cycle_anchor_on END,
              next_due_on = CASE WHEN n.next_due_on <= coalesce(n.ends_on, n.next_due_on) THEN n.next_due_on END,
              last_meter_value = coalesce(n.meter_value, s.last_meter_value)
         FROM next n
        WHERE s.id = n.schedule_id`,
      day,
    );
    return { day, schedulesDue, ordersCreated: created };
  }, { timeout: BULK_TIMEOUT_MS, maxWait: 10_000 });
}

/** The schedules a user generates for: those asked for (all when none), narrowed to the schedules his rules
 * let him read (a supervisor scoped to a site generates his site's orders only). Null: every schedule. */
async function schedulesOf(db: Db, ability: AppAbility | null, asked: number[] | null): Promise<number[] | null> {
  const readable = ability ? accessibleWhere(ability, 'read', 'MaintenanceSchedule') : {};
  if (!readable) return [];
  if (!Object.keys(readable).length) return asked;
  const rows = await db.maintenanceSchedule.findMany({ where: { AND: [readable, asked ? { id: { in: asked } } : {}] }, select: { id: true } });
  return rows.map((row) => row.id);
}
