// A webhook receiver on 127.0.0.1 that checks the HMAC signature as an automation server would and
// keeps what it receives. Tests point WEBHOOK_URL at it; `npm run fake:webhook` runs it by hand
// (WEBHOOK_SECRET must be the same on both sides).
import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, signBody } from '../webhook.channel.js';
import { portFromEnvironment, startedByHand, stopOnCtrlC } from './run-by-hand.js';

export interface FakeWebhook {
  url: string;
  received: { body: Record<string, unknown>; signatureValid: boolean }[];
  /** While true, every call answers 503. */
  failing: boolean;
  close(): Promise<void>;
}

export async function startFakeWebhook(secret: string, port = 0, onReceive?: (entry: FakeWebhook['received'][number]) => void): Promise<FakeWebhook> {
  const fake: Omit<FakeWebhook, 'url' | 'close'> = { received: [], failing: false };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (fake.failing) return res.writeHead(503).end();
      const raw = Buffer.concat(chunks).toString('utf8');
      const expected = Buffer.from(signBody(raw, secret));
      const given = Buffer.from(String(req.headers[SIGNATURE_HEADER] ?? ''));
      const signatureValid = expected.length === given.length && timingSafeEqual(expected, given);
      try {
        const entry = { body: JSON.parse(raw) as Record<string, unknown>, signatureValid };
        fake.received.push(entry);
        onReceive?.(entry);
        res.writeHead(signatureValid ? 204 : 401).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return Object.assign(fake, { url: `http://127.0.0.1:${bound}/hook`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

if (startedByHand(import.meta.url)) {
  const secret = process.env.WEBHOOK_SECRET ?? 'un-secreto-de-prueba-de-32-caracteres';
  const fake = await startFakeWebhook(secret, portFromEnvironment(), (e) => console.log(`── ${e.signatureValid ? 'signed' : 'BAD SIGNATURE'}: ${JSON.stringify(e.body)}`));
  console.log(`Fake webhook receiver listening: WEBHOOK_URL=${fake.url} WEBHOOK_SECRET=${secret}`);
  stopOnCtrlC(fake.close);
}
