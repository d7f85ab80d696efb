// Telling people something happened. A trigger (an operation, a job, a database hook) calls notify()
// with the kind, the occasion's key, the record and the people it concerns; notify keeps those whose
// rules let them read the record, writes one line in each one's centre and one delivery per outside
// channel he chose, all at most once per occasion (unique keys: a trigger that runs twice tells
// nobody twice), and raises the NOTIFY that updates their bells and wakes the dispatcher.
import type { NotificationKind, MessageValues } from './kind.js';
import { LIVE_CHANNEL, OUTBOX_CHANNEL, RECIPIENTS_PER_MESSAGE, type LiveMessage } from './live-channels.js';
import type { NotifyDb } from './notify-db.js';
import { channelsFor } from './preferences.js';
import { allowedOn, recipientsOf } from './recipients.js';

export interface NotificationEvent {
  kind: NotificationKind;
  /** The occasion, unique for what happened: "work-order-assigned:812:5", "overdue-digest:2026-11-30". */
  key: string;
  /** The record it is about (of the kind's model); omitted for a summary. */
  recordId?: number;
  /** The message's values; `title` names the record as the plant does ("OT-2026-00812 · Revisar fuga"). */
  values: MessageValues;
  /** Everyone the trigger thinks concerned; the kind's rule narrows them. */
  recipients: number[];
}

export interface NotifyOutcome {
  /** People newly told (a repeat of the occasion tells nobody). */
  notified: number[];
  /** Outside deliveries queued. */
  deliveries: number;
}

export async function notify(db: NotifyDb, event: NotificationEvent): Promise<NotifyOutcome> {
  const { kind } = event;
  if (event.key.length > 200) throw new Error(`Notification key too long: ${event.key.slice(0, 60)}…`);
  const people = await recipientsOf(db, event.recipients);
  const allowed = kind.model ? await allowedOn(db, people, kind.model, kind.rule ?? 'read', event.recordId ?? null) : people;
  if (allowed.length === 0) return { notified: [], deliveries: 0 };
  const channels = await channelsFor(db, kind, allowed);
  const deliveryUsers: number[] = [];
  const deliveryChannels: string[] = [];
  for (const [userId, chosen] of channels)
    for (const channel of chosen) {
      deliveryUsers.push(userId);
      deliveryChannels.push(channel);
    }
  // One statement for any number of people: the centre's lines, then the deliveries of the new ones only.
  const rows = await db.$queryRawUnsafe<{ user_id: number; deliveries: number }[]>(
    `WITH new AS (
       INSERT INTO notifications (user_id, kind, event_key, model, record_id, message_key, values)
       SELECT u, $1, $2, $3, $4, $5, $6::jsonb FROM unnest($7::int[]) AS u
       ON CONFLICT (event_key, user_id) DO NOTHING
       RETURNING id, user_id),
     sent AS (
       INSERT INTO notification_deliveries (notification_id, event_key, user_id, channel)
       SELECT new.id, $2, new.user_id, c.channel FROM new JOIN unnest($8::int[], $9::text[]) AS c(user_id, channel) ON c.user_id = new.user_id
       ON CONFLICT (event_key, user_id, channel) DO NOTHING
       RETURNING 1)
     SELECT new.user_id, (SELECT count(*)::int FROM sent) AS deliveries FROM new`,
    kind.name,
    event.key,
    kind.model,
    event.recordId ?? null,
    `notification_${kind.name}`,
    JSON.stringify(event.values),
    allowed.map((p) => p.userId),
    deliveryUsers,
    deliveryChannels,
  );
  const notified = rows.map((r) => r.user_id);
  const deliveries = rows[0]?.deliveries ?? 0;
  for (let i = 0; i < notified.length; i += RECIPIENTS_PER_MESSAGE) {
    const message: LiveMessage = { t: 'notification', u: notified.slice(i, i + RECIPIENTS_PER_MESSAGE) };
    await db.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, LIVE_CHANNEL, JSON.stringify(message));
  }
  if (deliveries > 0) await db.$executeRawUnsafe(`SELECT pg_notify($1, 'deliveries')`, OUTBOX_CHANNEL);
  return { notified, deliveries };
}
