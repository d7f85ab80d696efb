// An outside channel a notification can leave by (e-mail, Telegram, a webhook). Each is off until its
// settings are given (server/config.ts); a send that fails throws, and the delivery job retries it.
export const MESSAGE_CHANNELS = ['email', 'telegram', 'webhook'] as const;
export type MessageChannelName = (typeof MESSAGE_CHANNELS)[number];

export interface OutgoingMessage {
  /** The occasion (unique per recipient and channel): a receiver can drop a repeat by it. */
  eventKey: string;
  kind: string;
  recipient: { userId: number; name: string; email: string; telegramChatId: string | null };
  /** One line in the recipient's language: the e-mail subject and the message's first line. */
  subject: string;
  text: string;
  /** The record's page in the back office, when PUBLIC_URL is set. */
  link: string | null;
  record: { model: string; id: number } | null;
  createdAt: string;
}

export interface MessageChannel {
  readonly name: MessageChannelName;
  /** Why this recipient cannot be reached by it (no Telegram chat), or null. */
  unreachable(message: OutgoingMessage): string | null;
  send(message: OutgoingMessage): Promise<void>;
}

export type MessageChannels = Partial<Record<MessageChannelName, MessageChannel>>;

/** What server/config.ts reads for the channels; each unset group leaves its channel off. */
export interface MessagingSettings {
  email?: { smtpUrl: string; from: string };
  telegram?: { token: string; baseUrl: string };
  webhook?: { url: string; secret: string };
}
