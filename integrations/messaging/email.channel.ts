// E-mail over SMTP with nodemailer (SMTP_URL, e.g. smtps://user:pass@mail.planta.hn:465, and MAIL_FROM).
import nodemailer from 'nodemailer';
import type { MessageChannel, OutgoingMessage } from './channel.js';

export function emailChannel(settings: { smtpUrl: string; from: string }): MessageChannel & { close(): void } {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    name: 'email',
    unreachable: () => null,
    async send(message: OutgoingMessage) {
      await transport.sendMail({
        from: settings.from,
        to: { name: message.recipient.name, address: message.recipient.email },
        subject: message.subject,
        text: message.link ? `${message.text}\n\n${message.link}` : message.text,
        headers: { 'X-CMMS-Event': message.eventKey },
      });
    },
    close: () => transport.close(),
  };
}
