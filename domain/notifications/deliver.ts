// Sending one delivery (one event, one person, one outside channel): rendered in his language and
// handed to the channel. Called by the delivery job, which retries a failure; other channels' deliveries
// are other jobs, so a failing channel holds up nobody else.
import type { MessageChannels, OutgoingMessage } from '../../integrations/messaging/index.js';
import type { Db } from '../../prisma/client.js';
import { renderNotification, type MessageValues } from './kind.js';
import { notificationKind } from './kinds/index.js';

export type DeliveryOutcome = 'sent' | 'already-sent' | 'skipped' | 'gone';

export async function deliver(db: Db, channels: MessageChannels, deliveryId: number, settings: { publicUrl?: string }): Promise<DeliveryOutcome> {
  const delivery = await db.notificationDelivery.findUnique({
    where: { id: deliveryId },
    include: { notification: { include: { user: { select: { id: true, name: true, email: true, locale: true, isActive: true, notificationContact: true } } } } },
  });
  if (!delivery) return 'gone'; // removed by the 90-day clean-up
  if (delivery.state === 'SENT') return 'already-sent';
  const { notification } = delivery;
  const { user } = notification;
  const channel = channels[delivery.channel as keyof MessageChannels];
  const kind = notificationKind(notification.kind);
  const skip = async (reason: string) => {
    await db.notificationDelivery.update({ where: { id: deliveryId }, data: { state: 'SKIPPED', lastError: reason } });
    return 'skipped' as const;
  };
  if (!channel) return skip(`channel ${delivery.channel} is not configured`);
  if (!kind) return skip(`kind ${notification.kind} is no longer declared`);
  if (!user.isActive) return skip('the account is deactivated');
  const language = user.locale === 'en' ? 'en' : 'es';
  const text = renderNotification(kind, language, notification.values as MessageValues);
  const message: OutgoingMessage = {
    eventKey: delivery.eventKey,
    kind: notification.kind,
    recipient: { userId: user.id, name: user.name, email: user.email, telegramChatId: user.notificationContact?.telegramChatId ?? null },
    subject: text,
    text,
    link: settings.publicUrl && notification.model && notification.recordId ? `${settings.publicUrl.replace(/\/$/, '')}/admin/resources/${notification.model}/records/${notification.recordId}/show` : null,
    record: notification.model && notification.recordId ? { model: notification.model, id: notification.recordId } : null,
    createdAt: notification.createdAt.toISOString(),
  };
  const unreachable = channel.unreachable(message);
  if (unreachable) return skip(unreachable);
  await db.notificationDelivery.update({ where: { id: deliveryId }, data: { attempts: { increment: 1 } } });
  try {
    await channel.send(message);
  } catch (error) {
    await db.notificationDelivery.update({ where: { id: deliveryId }, data: { lastError: (error as Error).message.slice(0, 500) } });
    throw error;
  }
  await db.notificationDelivery.update({ where: { id: deliveryId }, data: { state: 'SENT', sentAt: new Date(), lastError: null } });
  return 'sent';
}

/** After the last retry: the delivery says so (its job is in the dead letters). */
export async function markDeliveryDead(db: Db, deliveryId: number): Promise<void> {
  await db.notificationDelivery.updateMany({ where: { id: deliveryId, state: { not: 'SENT' } }, data: { state: 'DEAD' } });
}

/** Deliveries written by notify() and not queued yet, claimed for queueing (QUEUED) in one statement, so
 * two dispatchers never queue one twice. (At most once: a process dying between this and queueing the
 * jobs leaves those few QUEUED, never sent twice.) Deliveries by a channel this installation has not
 * configured (no SMTP server, no Telegram bot) are marked SKIPPED here, a batch at a time, rather than
 * each queued as a job that only finds the same: a plant without e-mail had every supervisor's e-mail of
 * every notification go through the queue (60 000 such jobs behind in a 30-minute load). */
export async function claimPendingDeliveries(db: Db, limit: number, configured: readonly string[]): Promise<{ queued: number[]; skipped: number }> {
  const skipped = await db.$executeRawUnsafe(
    `UPDATE notification_deliveries SET state = 'SKIPPED', last_error = 'channel ' || channel || ' is not configured'
      WHERE id IN (SELECT id FROM notification_deliveries WHERE state = 'PENDING' AND channel <> ALL($2::text[]) ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)`,
    limit,
    configured,
  );
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `UPDATE notification_deliveries SET state = 'QUEUED'
      WHERE id IN (SELECT id FROM notification_deliveries WHERE state = 'PENDING' AND channel = ANY($2::text[]) ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    limit,
    configured,
  );
  return { queued: rows.map((r) => r.id).sort((a, b) => a - b), skipped };
}
