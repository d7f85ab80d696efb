// Every schedule pg-boss keeps: its cron and time zone, its next run, when it last ran, and whether it is
// late (two of its runs came and went without one, i.e. it has not run for twice its period).
import { CronExpressionParser } from 'cron-parser';
import type pg from 'pg';
import { PGBOSS_SCHEMA } from './pgboss-tables.js';

/** pg-boss's cron pass runs about once a minute: a run up to this long after its time is not late. */
const LATE_GRACE_MS = 2 * 60_000;

export interface ScheduleStatus {
  /** The job of ours it starts (the schedule's key, jobs/registry.ts). */
  job: string;
  queue: string;
  cron: string;
  timeZone: string;
  nextRun: Date | null;
  lastRun: Date | null;
  /** When the schedule was written, if it never ran. */
  since: Date;
  late: boolean;
}

export async function readSchedules(pool: pg.Pool, now: Date = new Date()): Promise<ScheduleStatus[]> {
  const { rows } = await pool.query<{ queue: string; key: string; cron: string; timezone: string | null; created_on: Date; last_run: Date | null }>(
    `SELECT s.name AS queue, s.key, s.cron, s.timezone, s.created_on,
            (SELECT j.created_on FROM ${PGBOSS_SCHEMA}.job j WHERE j.name = s.name AND j.id = s.last_job_id) AS last_run
       FROM ${PGBOSS_SCHEMA}.schedule s
      ORDER BY s.key, s.name`,
  );
  return rows.map((row) => scheduleStatus({ job: row.key, queue: row.queue, cron: row.cron, timeZone: row.timezone ?? 'UTC', createdOn: row.created_on, lastRun: row.last_run }, now));
}

export function scheduleStatus(
  schedule: { job: string; queue: string; cron: string; timeZone: string; createdOn: Date; lastRun: Date | null },
  now: Date,
): ScheduleStatus {
  const since = schedule.lastRun ?? schedule.createdOn;
  const [nextRun] = occurrences(schedule.cron, schedule.timeZone, now, 1);
  // The second occurrence after the last run (or the schedule's creation) is the latest it may wait.
  const afterSince = occurrences(schedule.cron, schedule.timeZone, since, 2);
  const deadline = afterSince[1];
  return {
    job: schedule.job,
    queue: schedule.queue,
    cron: schedule.cron,
    timeZone: schedule.timeZone,
    nextRun: nextRun ?? null,
    lastRun: schedule.lastRun,
    since,
    late: deadline !== undefined && now.getTime() > deadline.getTime() + LATE_GRACE_MS,
  };
}

/** The next `count` occurrences strictly after `from`, evaluated as pg-boss does (cron-parser, the zone). */
function occurrences(cron: string, timeZone: string, from: Date, count: number): Date[] {
  try {
    const interval = CronExpressionParser.parse(cron, { tz: timeZone, currentDate: from, strict: false });
    return interval.take(count).map((date) => date.toDate());
  } catch {
    return []; // not a cron pg-boss would have accepted (an rrule): shown without next run, never late
  }
}
