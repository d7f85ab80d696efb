// The in-app centre: a person's own notifications only (never anyone else's, whatever id is asked),
// rendered in his language, with the record they open; unread counts for the bell; read marks.
import type { Db } from '../../prisma/client.js';
import { renderNotification, type Language, type MessageValues } from './kind.js';
import { notificationKind } from './kinds/index.js';

export const RETENTION_DAYS = 90;
const PAGE = 50;

export interface CentreLine {
  id: number;
  kind: string;
  text: string;
  /** The record's title, shown as the link that opens it (names, never ids). */
  title: string | null;
  model: string | null;
  recordId: number | null;
  read: boolean;
  createdAt: string;
}

export async function unreadCount(db: Db, userId: number): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function centreOf(db: Db, userId: number, language: Language, options: { before?: number } = {}): Promise<{ lines: CentreLine[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId, ...(options.before && { id: { lt: options.before } }) },
      orderBy: { id: 'desc' },
      take: PAGE,
    }),
    unreadCount(db, userId),
  ]);
  return {
    unread,
    lines: rows.map((row) => {
      const values = (row.values ?? {}) as MessageValues;
      const kind = notificationKind(row.kind);
      return {
        id: row.id,
        kind: row.kind,
        text: kind ? renderNotification(kind, language, values) : String(values.title ?? row.kind),
        title: typeof values.title === 'string' ? values.title : null,
        model: row.model,
        recordId: row.recordId,
        read: row.readAt !== null,
        createdAt: row.createdAt.toISOString(),
      };
    }),
  };
}

/** Marks one of his notifications read; someone else's id changes nothing (and says so: false). */
export async function markRead(db: Db, userId: number, notificationId: number): Promise<boolean> {
  const { count } = await db.notification.updateMany({ where: { id: notificationId, userId }, data: { readAt: new Date() } });
  return count > 0;
}

export async function markAllRead(db: Db, userId: number): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}

/** The daily clean-up: notifications (and with them their deliveries) older than 90 days. */
export async function removeOldNotifications(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.notification.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - RETENTION_DAYS * 86_400_000) } } });
  return count;
}
