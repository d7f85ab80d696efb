// What a kind of notification is: one declaration (kinds/<name>.kind.ts, listed in kinds/index.ts) says
// which record it is about and which rule a recipient needs on it, its message in Spanish and English,
// its name on the preferences page and which outside channels each group gets by default. Sending it
// is one call to notify() from its trigger (notify.ts).
import type { Prisma } from '@prisma/client';
import type { GroupCode } from '../../prisma/groups.js';
import type { Action } from '../access/abilities.js';

/** Channels besides the in-app centre, which every notification reaches. */
export const OUTSIDE_CHANNELS = ['email', 'telegram', 'webhook'] as const;
export type OutsideChannel = (typeof OUTSIDE_CHANNELS)[number];

export type Language = 'es' | 'en';
export type MessageValues = Record<string, string | number>;

export interface NotificationKind {
  /** Stored with each notification and preference, never shown: 'work-order-assigned'. */
  name: string;
  /** The model of the record it is about (opened from the centre), or null for a summary (a digest). */
  model: Prisma.ModelName | null;
  /** What a recipient must be allowed on that record (default 'read'); anyone else is not told. */
  rule?: Action;
  /** The message, with {value} placeholders filled from the event's values; also the e-mail subject. */
  message: Record<Language, string>;
  /** The kind's name on the preferences page. */
  label: Record<Language, string>;
  /** Outside channels on by default for members of each group (a person's own choice wins). */
  defaults: Partial<Record<GroupCode, OutsideChannel[]>>;
}

export function defineNotificationKind(kind: NotificationKind): NotificationKind {
  if (!/^[a-z][a-z0-9-]{1,59}$/.test(kind.name)) throw new Error(`Notification kind name "${kind.name}" must be lower-case words joined by dashes`);
  return kind;
}

/** The message in that language, placeholders filled ({title}, {count}...); an unknown one stays empty. */
export function renderNotification(kind: Pick<NotificationKind, 'message'>, language: Language, values: MessageValues): string {
  return kind.message[language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
