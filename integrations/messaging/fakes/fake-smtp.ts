// A real SMTP server (the smtp-server package) on 127.0.0.1 that keeps what it receives: the e-mail
// channel's tests send through it, and `npm run fake:smtp` runs it by hand (SMTP_URL=smtp://127.0.0.1:<port>).
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { portFromEnvironment, startedByHand, stopOnCtrlC } from './run-by-hand.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
}

export interface FakeSmtp {
  url: string;
  received: ReceivedMail[];
  /** While true, every message is refused with a 451 (a mail server that is down for a while). */
  failing: boolean;
  close(): Promise<void>;
}

export async function startFakeSmtp(port = 0, onMail?: (mail: ReceivedMail) => void): Promise<FakeSmtp> {
  const fake: Omit<FakeSmtp, 'url' | 'close'> = { received: [], failing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (fake.failing) return callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
        const raw = Buffer.concat(chunks).toString('utf8');
        const subject = decodeSubject(/^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '');
        const mail = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, subject };
        fake.received.push(mail);
        onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `smtp://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Subjects with accents come MIME-encoded (=?UTF-8?Q?...?= or ?B?); enough of RFC 2047 to read them back. */
function decodeSubject(header: string): string {
  return header.replace(/\r\n[ \t]/g, ' ').replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

if (startedByHand(import.meta.url)) {
  const fake = await startFakeSmtp(portFromEnvironment(), (mail) => console.log(`\n── to ${mail.to.join(', ')}: ${mail.subject}\n${mail.raw}`));
  console.log(`Fake SMTP server listening: SMTP_URL=${fake.url}`);
  stopOnCtrlC(fake.close);
}
