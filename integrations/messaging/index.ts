// The channels that are configured; the others stay off (and the preferences page says so).
import type { MessageChannels, MessagingSettings } from './channel.js';
import { emailChannel } from './email.channel.js';
import { telegramChannel } from './telegram.channel.js';
import { webhookChannel } from './webhook.channel.js';

export type { MessageChannels, MessagingSettings, OutgoingMessage, MessageChannel, MessageChannelName } from './channel.js';
export { MESSAGE_CHANNELS } from './channel.js';

export function createMessageChannels(settings: MessagingSettings): MessageChannels {
  return {
    ...(settings.email && { email: emailChannel(settings.email) }),
    ...(settings.telegram && { telegram: telegramChannel(settings.telegram) }),
    ...(settings.webhook && { webhook: webhookChannel(settings.webhook) }),
  };
}
