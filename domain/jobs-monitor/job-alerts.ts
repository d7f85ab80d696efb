// What administrators must be told about the background jobs (issue 18): a job that exhausted its
// retries, a queue deeper than its threshold for longer than M minutes, a schedule that has not run for
// twice its period. Each detection takes what the monitor read and returns findings: who (the active
// administrators), the message key and its values, and an event key that names the event once, so the
// notification mechanism can send it once however often the detection runs.
import type { Db } from '../../prisma/client.js';

export type JobAlertKind = 'jobExhaustedRetries' | 'queueTooDeep' | 'scheduleLate';

export interface JobAlert {
  kind: JobAlertKind;
  eventKey: string;
  /** User ids of the administrators to tell. */
  recipients: number[];
  messageKey: string;
  values: Record<string, string | number>;
}

export interface FailedJobSeen {
  id: string;
  queue: string;
  job: string;
  error: string;
  retryCount: number;
  retryLimit: number;
}

export interface QueueDepthSeen {
  queue: string;
  /** The fewest jobs waiting at any minute of the window: above the threshold means above it throughout. */
  lowest: number;
  current: number;
}

export interface ScheduleSeen {
  job: string;
  queue: string;
  late: boolean;
  /** Its last run, or its creation when it never ran: the stall this alert is about. */
  since: Date;
}

/** The active members of Administradores. */
export async function administratorIds(prisma: Db): Promise<number[]> {
  const admins = await prisma.user.findMany({
    where: { isActive: true, groups: { some: { group: { code: 'ADMINISTRATORS' } } } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return admins.map((admin) => admin.id);
}

/** A failed job whose retries are used up (pg-boss fails it for good and dead-letters it). */
export function exhaustedRetryAlerts(failures: FailedJobSeen[], recipients: number[]): JobAlert[] {
  return failures
    .filter((failure) => failure.retryCount >= failure.retryLimit)
    .map((failure) => ({
      kind: 'jobExhaustedRetries',
      eventKey: `job-exhausted:${failure.id}`,
      recipients,
      messageKey: 'jobAlert_jobExhaustedRetries',
      values: { job: failure.job, queue: failure.queue, attempts: failure.retryCount + 1, error: failure.error.slice(0, 300) },
    }));
}

/** A queue that held more than `threshold` waiting jobs at every minute of the last `minutes`. Told once
 * per queue and hour while it stays deep. */
export function deepQueueAlerts(depths: QueueDepthSeen[], settings: { queueDepth: number; queueMinutes: number }, recipients: number[], now: Date): JobAlert[] {
  return depths
    .filter((depth) => depth.lowest > settings.queueDepth)
    .map((depth) => ({
      kind: 'queueTooDeep',
      eventKey: `queue-deep:${depth.queue}:${now.toISOString().slice(0, 13)}`,
      recipients,
      messageKey: 'jobAlert_queueTooDeep',
      values: { queue: depth.queue, depth: depth.current, threshold: settings.queueDepth, minutes: settings.queueMinutes },
    }));
}

/** A schedule that has not run for twice its period (the scheduler is stalled, or no worker keeps it). */
export function lateScheduleAlerts(schedules: ScheduleSeen[], recipients: number[]): JobAlert[] {
  return schedules
    .filter((schedule) => schedule.late)
    .map((schedule) => ({
      kind: 'scheduleLate',
      eventKey: `schedule-late:${schedule.job}:${schedule.since.toISOString()}`,
      recipients,
      messageKey: 'jobAlert_scheduleLate',
      values: { job: schedule.job, queue: schedule.queue, since: schedule.since.toISOString() },
    }));
}
