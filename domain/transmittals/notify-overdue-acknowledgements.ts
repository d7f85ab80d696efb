// Every morning (jobs/notify-overdue-transmittals.job.ts, plant time): each recipient of a transmittal
// still awaiting acknowledgements whose day to acknowledge has passed in the plant's calendar, and who
// has not acknowledged, is told to the transmittal's sender, once per recipient whatever the runs (the
// notification's key is the recipient's). Revoked links are not chased: the sender took that link back.
import type { Db } from '../../prisma/client.js';
import { todayIn } from '../dates.js';
import { notify } from '../notifications/notify.js';
import { transmittalAcknowledgementOverdue } from '../notifications/kinds/transmittal-acknowledgement-overdue.kind.js';
import { writtenDay } from './transmittal-mail.js';
import { AWAITING_STATES } from './transmittal-states.js';

export async function notifyOverdueAcknowledgements(db: Db, timeZone: string, now = new Date()) {
  const today = todayIn(timeZone, now);
  const overdue = await db.transmittalRecipient.findMany({
    where: {
      acknowledgement: { is: null },
      tokenHash: { not: null },
      linkRevokedAt: null,
      transmittal: { is: { state: { in: [...AWAITING_STATES] }, acknowledgeBy: { lt: today } } },
    },
    include: { user: { select: { name: true } }, externalContact: { select: { name: true, company: true } }, transmittal: { select: { id: true, number: true, subject: true, senderId: true, acknowledgeBy: true } } },
    orderBy: { id: 'asc' },
    take: 5000,
  });
  let told = 0;
  for (const recipient of overdue) {
    const { transmittal } = recipient;
    const name = recipient.user?.name ?? [recipient.externalContact?.name, recipient.externalContact?.company].filter(Boolean).join(', ');
    const outcome = await notify(db, {
      kind: transmittalAcknowledgementOverdue,
      key: `transmittal-acknowledgement-overdue:${recipient.id}`,
      recordId: transmittal.id,
      values: { title: `${transmittal.number} · ${transmittal.subject}`, recipient: name, due: writtenDay(transmittal.acknowledgeBy!, 'es') },
      recipients: [transmittal.senderId],
    });
    told += outcome.notified.length;
  }
  return { overdue: overdue.length, told };
}
