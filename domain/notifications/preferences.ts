// Which outside channels a person gets a kind by: his own choice per kind and channel where he made
// one, otherwise the kind's default for his groups (any of them turning a channel on).
import type { Prisma } from '@prisma/client';
import type { GroupCode } from '../../prisma/groups.js';
import { OUTSIDE_CHANNELS, type NotificationKind, type OutsideChannel } from './kind.js';
import type { NotifyDb } from './notify-db.js';
import { NOTIFICATION_KINDS, notificationKind } from './kinds/index.js';
import type { Db } from '../../prisma/client.js';
import { z } from 'zod';

export function defaultChannels(kind: NotificationKind, groups: GroupCode[]): Set<OutsideChannel> {
  return new Set(groups.flatMap((group) => kind.defaults[group] ?? []));
}

/** Each person's outside channels for this kind. */
export async function channelsFor(
  db: NotifyDb,
  kind: NotificationKind,
  people: { userId: number; groups: GroupCode[] }[],
): Promise<Map<number, OutsideChannel[]>> {
  const choices = await db.$queryRawUnsafe<{ user_id: number; channel: OutsideChannel; enabled: boolean }[]>(
    `SELECT user_id, channel, enabled FROM notification_preferences WHERE kind = $1 AND user_id = ANY($2::int[])`,
    kind.name,
    people.map((p) => p.userId),
  );
  const chosen = new Map(choices.map((c) => [`${c.user_id}:${c.channel}`, c.enabled]));
  return new Map(
    people.map((person) => {
      const defaults = defaultChannels(kind, person.groups);
      return [person.userId, OUTSIDE_CHANNELS.filter((channel) => chosen.get(`${person.userId}:${channel}`) ?? defaults.has(channel))];
    }),
  );
}

/** The preferences page: every kind his groups may receive, each channel on or off, and his Telegram chat. */
export async function preferencesOf(db: Db, userId: number, groups: GroupCode[]) {
  const [choices, contact] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId } }),
    db.notificationContact.findUnique({ where: { userId } }),
  ]);
  const chosen = new Map(choices.map((c) => [`${c.kind}:${c.channel}`, c.enabled]));
  return {
    telegramChatId: contact?.telegramChatId ?? '',
    kinds: NOTIFICATION_KINDS.map((kind) => {
      const defaults = defaultChannels(kind, groups);
      return {
        kind: kind.name,
        label: kind.label,
        channels: Object.fromEntries(OUTSIDE_CHANNELS.map((channel) => [channel, chosen.get(`${kind.name}:${channel}`) ?? defaults.has(channel)])) as Record<OutsideChannel, boolean>,
      };
    }),
  };
}

export const preferencesInput = z.object({
  telegramChatId: z.string().trim().max(64).regex(/^-?\d*$/, 'telegramChatIdDigits').default(''),
  choices: z
    .array(z.object({ kind: z.string().refine((name) => notificationKind(name) !== undefined, 'unknownKind'), channel: z.enum(OUTSIDE_CHANNELS), enabled: z.boolean() }))
    .max(OUTSIDE_CHANNELS.length * 200),
});

/** Stores his choices (each kind × channel he sends) and his Telegram chat id. */
export async function savePreferences(db: Db, userId: number, input: z.input<typeof preferencesInput>): Promise<void> {
  const { telegramChatId, choices } = preferencesInput.parse(input);
  await db.transactionAs(async (tx: Prisma.TransactionClient) => {
    for (const choice of choices)
      await tx.notificationPreference.upsert({
        where: { userId_kind_channel: { userId, kind: choice.kind, channel: choice.channel } },
        create: { userId, ...choice },
        update: { enabled: choice.enabled },
      });
    await tx.notificationContact.upsert({
      where: { userId },
      create: { userId, telegramChatId: telegramChatId || null },
      update: { telegramChatId: telegramChatId || null },
    });
  });
}
