// Telegram through the Bot API's sendMessage (TELEGRAM_BOT_TOKEN; TELEGRAM_API_URL for a proxy or the
// test fake). A person is reached once he has given his chat id on the preferences page.
import type { MessageChannel, OutgoingMessage } from './channel.js';

export function telegramChannel(settings: { token: string; baseUrl: string }): MessageChannel {
  const endpoint = `${settings.baseUrl.replace(/\/$/, '')}/bot${settings.token}/sendMessage`;
  return {
    name: 'telegram',
    unreachable: (message) => (message.recipient.telegramChatId ? null : 'no Telegram chat id'),
    async send(message: OutgoingMessage) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: message.recipient.telegramChatId, text: message.link ? `${message.text}\n${message.link}` : message.text, disable_web_page_preview: true }),
        signal: AbortSignal.timeout(15_000),
      });
      const answer = (await response.json().catch(() => ({}))) as { ok?: boolean; description?: string };
      // The token is part of the URL: never in an error.
      if (!response.ok || !answer.ok) throw new Error(`Telegram answered ${response.status}: ${answer.description ?? 'no description'}`);
    },
  };
}
