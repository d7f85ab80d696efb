// A webhook for automation servers (n8n...): the message POSTed as JSON, signed with HMAC-SHA256 of the
// exact body under WEBHOOK_SECRET in `X-CMMS-Signature: sha256=<hex>` (the receiver recomputes it).
import { createHmac } from 'node:crypto';
import type { MessageChannel, OutgoingMessage } from './channel.js';

export const SIGNATURE_HEADER = 'x-cmms-signature';

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function webhookChannel(settings: { url: string; secret: string }): MessageChannel {
  return {
    name: 'webhook',
    unreachable: () => null,
    async send(message: OutgoingMessage) {
      const body = JSON.stringify({
        event: message.eventKey,
        kind: message.kind,
        recipient: { id: message.recipient.userId, name: message.recipient.name, email: message.recipient.email },
        text: message.text,
        link: message.link,
        record: message.record,
        createdAt: message.createdAt,
      });
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(body, settings.secret) },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`Webhook answered ${response.status}`);
    },
  };
}
