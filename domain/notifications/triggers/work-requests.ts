// Work-request kinds: a request waiting longer than the plant allows (hourly job), and a reading out of
// its limits, told with the condition request the readings trigger opened (woken by that trigger's
// NOTIFY, and swept every few minutes in case a wake-up was missed).
import type { Db } from '../../../prisma/client.js';
import { OPEN_WORK_REQUEST_STATES } from '../../maintenance/convert-work-request.js';
import { readingOutOfLimits } from '../kinds/reading-out-of-limits.kind.js';
import { workRequestWaiting } from '../kinds/work-request-waiting.kind.js';
import { notify } from '../notify.js';
import { membersOf } from '../recipients.js';
import { joined } from './plant-text.js';

const HOUR = 3_600_000;

/** Open requests older than `hours` tell those who may convert them (supervisors, administrators), once. */
export async function notifyWaitingRequests(db: Db, hours: number, now = new Date()): Promise<number> {
  const requests = await db.workRequest.findMany({
    where: { state: { in: [...OPEN_WORK_REQUEST_STATES] }, createdAt: { lt: new Date(now.getTime() - hours * HOUR) } },
    select: { id: true, description: true },
    orderBy: { id: 'asc' },
  });
  if (requests.length === 0) return 0;
  const candidates = await membersOf(db, ['SUPERVISORS', 'ADMINISTRATORS']);
  let told = 0;
  for (const request of requests) {
    const { notified } = await notify(db, {
      kind: workRequestWaiting,
      key: `work-request-waiting:${request.id}`,
      recordId: request.id,
      values: { title: joined(`#${request.id}`, request.description), hours },
      recipients: candidates,
    });
    told += notified.length;
  }
  return told;
}

/** Condition requests of the last two days not told yet: supervisors and the asset's responsible person. */
export async function notifyConditionRequests(db: Db, now = new Date()): Promise<number> {
  const requests = await db.$queryRawUnsafe<{ id: number; description: string; responsible: number | null; point: string; value: string; unit: string }[]>(
    `SELECT r.id, r.description, a.responsible_user_id AS responsible,
            concat_ws(' · ', p.code, p.variable) AS point, p.unit,
            (SELECT trim_scale(v.value)::text FROM readings v WHERE v.measurement_point_id = p.id ORDER BY v.taken_at DESC LIMIT 1) AS value
       FROM work_requests r
       JOIN assets a ON a.id = r.asset_id
       JOIN measurement_points p ON p.id = r.measurement_point_id
      WHERE r.source = 'CONDITION' AND r.created_at > $1
        AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_key = 'reading-out-of-limits:' || r.id)
      ORDER BY r.id`,
    new Date(now.getTime() - 48 * HOUR),
  );
  if (requests.length === 0) return 0;
  const supervisors = await membersOf(db, ['SUPERVISORS']);
  let told = 0;
  for (const request of requests) {
    const { notified } = await notify(db, {
      kind: readingOutOfLimits,
      key: `reading-out-of-limits:${request.id}`,
      recordId: request.id,
      values: { title: joined(`#${request.id}`, request.description), point: request.point, value: `${request.value ?? ''} ${request.unit}`.trim() },
      recipients: request.responsible ? [...supervisors, request.responsible] : supervisors,
    });
    told += notified.length;
  }
  return told;
}
