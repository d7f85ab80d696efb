// A fake Telegram Bot API on 127.0.0.1: answers sendMessage as Telegram does and keeps the messages.
// Tests point TELEGRAM_API_URL at it; `npm run fake:telegram` runs it by hand.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { portFromEnvironment, startedByHand, stopOnCtrlC } from './run-by-hand.js';

export interface FakeTelegram {
  url: string;
  messages: { token: string; chatId: string; text: string }[];
  /** While true, every call answers 502 (Telegram unreachable). */
  failing: boolean;
  close(): Promise<void>;
}

export async function startFakeTelegram(port = 0, onMessage?: (message: FakeTelegram['messages'][number]) => void): Promise<FakeTelegram> {
  const fake: Omit<FakeTelegram, 'url' | 'close'> = { messages: [], failing: false };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/bot([^/]+)\/sendMessage$/.exec(req.url ?? '');
      const answer = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (fake.failing) return answer(502, { ok: false, error_code: 502, description: 'Bad Gateway' });
      if (req.method !== 'POST' || !match) return answer(404, { ok: false, error_code: 404, description: 'Not Found' });
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { chat_id?: string | number; text?: string };
        if (!body.chat_id || !body.text) return answer(400, { ok: false, error_code: 400, description: 'Bad Request: chat_id and text are required' });
        const message = { token: match[1]!, chatId: String(body.chat_id), text: body.text };
        fake.messages.push(message);
        onMessage?.(message);
        answer(200, { ok: true, result: { message_id: fake.messages.length, chat: { id: body.chat_id }, text: body.text } });
      } catch {
        answer(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return Object.assign(fake, { url: `http://127.0.0.1:${bound}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

if (startedByHand(import.meta.url)) {
  const fake = await startFakeTelegram(portFromEnvironment(), (m) => console.log(`── chat ${m.chatId}: ${m.text}`));
  console.log(`Fake Telegram Bot API listening: TELEGRAM_API_URL=${fake.url} (any TELEGRAM_BOT_TOKEN)`);
  stopOnCtrlC(fake.close);
}
