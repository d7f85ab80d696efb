// Each corrective action still open or in progress after its due date (the plant's calendar day) is told
// to its owner and to his direct manager (his profile's), once per action and day: the key carries the
// day, so a job run twice, or retried, tells nobody twice. Run daily by jobs/notify-overdue-actions.job.ts.
import type { Db } from '../../prisma/client.js';
import { correctiveActionOverdue } from '../notifications/kinds/corrective-action-overdue.kind.js';
import { notify } from '../notifications/notify.js';
import { joined, plantDate } from '../notifications/triggers/plant-text.js';
import { OPEN_ACTION_STATES } from './corrective-action-states.js';

export async function notifyOverdueCorrectiveActions(db: Db, today: Date): Promise<{ actions: number; told: number }> {
  const overdue = await db.correctiveAction.findMany({
    where: { state: { in: [...OPEN_ACTION_STATES] }, dueOn: { lt: today } },
    select: { id: true, number: true, description: true, dueOn: true, owner: { select: { id: true, name: true, profile: { select: { directManagerId: true } } } } },
    orderBy: { id: 'asc' },
  });
  const day = today.toISOString().slice(0, 10);
  let told = 0;
  for (const action of overdue) {
    const manager = action.owner.profile?.directManagerId;
    const { notified } = await notify(db, {
      kind: correctiveActionOverdue,
      key: `corrective-action-overdue:${action.id}:${day}`,
      recordId: action.id,
      values: { title: joined(action.number, action.description.slice(0, 80)), owner: action.owner.name, dueOn: plantDate(action.dueOn) },
      recipients: [action.owner.id, ...(manager ? [manager] : [])],
    });
    told += notified.length;
  }
  return { actions: overdue.length, told };
}
