// Reads what the three job alerts look at (failures of the last day, each queue's depth over the last M
// minutes, the schedules) and asks the domain's detections who must be told what.
import type pg from 'pg';
import { administratorIds, deepQueueAlerts, exhaustedRetryAlerts, lateScheduleAlerts, type JobAlert } from '../../domain/jobs-monitor/job-alerts.js';
import type { Db } from '../../prisma/client.js';
import type { JobAlertSettings } from '../job.js';
import { readRecentFailures } from './failed-jobs.js';
import { readQueueDepthHeld } from './queue-counts.js';
import { readSchedules } from './schedule-status.js';

/** Failures this recent are looked at on every pass; their event keys keep each one told once. */
const FAILURE_WINDOW_MS = 24 * 3_600_000;

export async function detectJobAlerts(prisma: Db, pool: pg.Pool, settings: JobAlertSettings, now: Date = new Date()): Promise<JobAlert[]> {
  const admins = await administratorIds(prisma);
  const [failures, depths, schedules] = await Promise.all([
    readRecentFailures(pool, { since: new Date(now.getTime() - FAILURE_WINDOW_MS), limit: 500 }),
    readQueueDepthHeld(pool, settings.queueMinutes, now),
    readSchedules(pool, now),
  ]);
  return [...exhaustedRetryAlerts(failures, admins), ...deepQueueAlerts(depths, settings, admins, now), ...lateScheduleAlerts(schedules, admins)];
}
