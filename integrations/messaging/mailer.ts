// Plain e-mail to any address over the same SMTP settings as the e-mail channel (SMTP_URL, MAIL_FROM):
// for messages that go to people outside the back office too (a transmittal's link to a contractor),
// which the notification channel, addressed to users, does not carry.
import nodemailer from 'nodemailer';

export interface Mail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  /** The occasion, as a header a receiver may drop repeats by. */
  eventKey?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(settings: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.eventKey && { headers: { 'X-CMMS-Event': mail.eventKey } }) });
    },
    close: () => transport.close(),
  };
}
