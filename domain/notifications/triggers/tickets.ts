// Call-centre tickets past their service level (domain/call-center/ticket-sla.ts detects them): each
// ticket's answer and resolution deadline told once, to the supervisors whose rules let them read the
// ticket (scoped supervisors: their sites' tickets), the deadline in plant time.
import { overdueTickets, type TicketOverdueAlert } from '../../call-center/ticket-sla.js';
import type { Db } from '../../../prisma/client.js';
import { ticketResolutionOverdue, ticketResponseOverdue } from '../kinds/ticket-overdue.kind.js';
import { notify } from '../notify.js';
import { membersOf } from '../recipients.js';
import { joined, plantDateTime } from './plant-text.js';

const KINDS = { ticketOverdueAlert_response: ticketResponseOverdue, ticketOverdueAlert_resolution: ticketResolutionOverdue };
// Deadlines older than this are not told any more: a ticket left open for months is not news, and the
// notifications that say it was told are kept 90 days only.
const LOOK_BACK_DAYS = 30;
const DAY = 86_400_000;

const keyOf = (alert: TicketOverdueAlert) => `${KINDS[alert.messageKey].name}:${alert.record.id}:${alert.values.due}`;

/** Every open ticket past a deadline of the last LOOK_BACK_DAYS not yet told; returns the people told. */
export async function notifyOverdueTickets(db: Db, timeZone: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOOK_BACK_DAYS * DAY);
  const alerts = (await overdueTickets(db, now)).filter((alert) => new Date(alert.values.due) >= since);
  if (alerts.length === 0) return 0;
  // Told already (to anyone): skipped without asking everyone's rules again every sweep.
  const toldRows = await db.notification.findMany({ where: { eventKey: { in: alerts.map(keyOf) } }, select: { eventKey: true }, distinct: ['eventKey'] });
  const told = new Set(toldRows.map((row) => row.eventKey));
  const fresh = alerts.filter((alert) => !told.has(keyOf(alert)));
  if (fresh.length === 0) return 0;
  const tickets = new Map(
    (await db.ticket.findMany({ where: { id: { in: fresh.map((alert) => alert.record.id) } }, select: { id: true, description: true } })).map((t) => [t.id, t.description]),
  );
  const supervisors = await membersOf(db, ['SUPERVISORS']);
  let people = 0;
  for (const alert of fresh) {
    const description = tickets.get(alert.record.id) ?? '';
    const { notified } = await notify(db, {
      kind: KINDS[alert.messageKey],
      key: keyOf(alert),
      recordId: alert.record.id,
      values: { title: joined(alert.values.number, description.length > 80 ? `${description.slice(0, 79)}…` : description), due: plantDateTime(new Date(alert.values.due), timeZone) },
      recipients: supervisors,
    });
    people += notified.length;
  }
  return people;
}
