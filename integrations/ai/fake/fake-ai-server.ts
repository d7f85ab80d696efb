// A fake of the outside AI services on 127.0.0.1, speaking their real protocols so our clients are tested
// over HTTP: OpenAI-compatible POST /v1/embeddings (hashed bag of words, bag-of-words.ts) and
// POST /v1/chat/completions (answers from the best-matching numbered passage of the prompt, citing it,
// or NO_ENCONTRADO), the OCR webhook POST /ocr (our contract: file bytes in, {"pages": [...]} out), and
// the n8n flows' webhooks POST /webhook/embeddings and /webhook/chat-documento (n8n-webhook.ts's contract,
// refusing with 401 a body whose X-CMMS-Signature is not the HMAC under the fake's webhookSecret).
// `npm run fake:embeddings` (or fake:llm) runs it by hand.
import { createServer, type IncomingMessage } from 'node:http';
import { signBody, SIGNATURE_HEADER } from '../../messaging/webhook.channel.js';
import type { AddressInfo } from 'node:net';
import { portFromEnvironment, startedByHand, stopOnCtrlC } from '../../messaging/fakes/run-by-hand.js';
import { bagOfWordsVector, wordsOf } from './bag-of-words.js';

export const NOT_FOUND_ANSWER = 'NO_ENCONTRADO';
/** The fake n8n webhooks' key when run by hand (a test may set its own). */
export const FAKE_WEBHOOK_SECRET = 'fake-n8n-webhook-secret-0123456789abcdef';

export interface FakeAi {
  url: string;
  dimensions: number;
  /** Every call received, in order: path and parsed JSON body (OCR: file size and type). */
  calls: { path: string; body: Record<string, unknown> }[];
  /** While true every call answers 503 (a provider down). */
  down: boolean;
  /** OCR: the next this-many calls answer 500, then it reads. */
  ocrFailures: number;
  /** OCR: the text of each page it "reads" from any file. */
  ocrPages: string[];
  /** The n8n webhooks' HMAC key: AI_WEBHOOK_SECRET. */
  webhookSecret: string;
  close(): Promise<void>;
}

export async function startFakeAi(options: { port?: number; dimensions?: number } = {}): Promise<FakeAi> {
  const dimensions = options.dimensions ?? 768;
  const fake: Omit<FakeAi, 'url' | 'close'> = { dimensions, calls: [], down: false, ocrFailures: 0, ocrPages: ['Placa de datos: motor de 75 kW, 460 V, 1780 rpm.'], webhookSecret: FAKE_WEBHOOK_SECRET };
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    try {
      const raw = await bodyOf(req);
      if (fake.down) return send(503, { error: { message: 'the fake provider is down' } });
      if (req.method === 'POST' && req.url === '/ocr') {
        fake.calls.push({ path: '/ocr', body: { size: raw.length, contentType: req.headers['content-type'] ?? null } });
        if (fake.ocrFailures > 0) {
          fake.ocrFailures--;
          return send(500, { error: 'the fake OCR failed on purpose' });
        }
        return send(200, { pages: fake.ocrPages });
      }
      if (req.url?.startsWith('/webhook/') && req.headers[SIGNATURE_HEADER] !== signBody(raw.toString('utf8'), fake.webhookSecret))
        return send(401, { message: 'Authorization data is wrong!' });
      const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      fake.calls.push({ path: req.url ?? '', body });
      if (req.method === 'POST' && req.url === '/webhook/embeddings')
        return send(200, { embeddings: (body.texts as string[]).map((text) => bagOfWordsVector(text, dimensions)) });
      // As n8n's "Respond to Webhook" node answers with all items: an array of the AI Agent's {output}.
      if (req.method === 'POST' && req.url === '/webhook/chat-documento')
        return send(200, [{ output: answerFrom((body.messages as { content: string }[]).at(-1)?.content ?? '') }]);
      if (req.method === 'POST' && req.url === '/v1/embeddings') {
        const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
        return send(200, { object: 'list', model: body.model, data: input.map((text, index) => ({ object: 'embedding', index, embedding: bagOfWordsVector(text, dimensions) })) });
      }
      if (req.method === 'POST' && req.url === '/v1/chat/completions') {
        const messages = body.messages as { role: string; content: string }[];
        const content = answerFrom(messages.at(-1)?.content ?? '');
        return send(200, { object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
      }
      send(404, { error: { message: `no ${req.method} ${req.url} here` } });
    } catch {
      send(400, { error: { message: 'malformed request' } });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

// The prompt (domain/documents/questions/ask-documents.ts) says "Pregunta: …" and lists "[n] …" passages.
function answerFrom(prompt: string): string {
  const question = new Set(wordsOf(/Pregunta:\s*(.*)/.exec(prompt)?.[1] ?? ''));
  let best: { score: number; sentence: string; source: string } = { score: 0, sentence: '', source: '' };
  for (const [, source, text] of prompt.matchAll(/^\[(\d+)\][^\n]*\n(.*)$/gm)) {
    for (const sentence of (text ?? '').split(/(?<=\.)\s+/)) {
      const score = wordsOf(sentence).filter((word) => question.has(word)).length;
      if (score > best.score) best = { score, sentence: sentence.trim(), source: source! };
    }
  }
  return best.score >= 2 ? `${best.sentence} [${best.source}]` : NOT_FOUND_ANSWER;
}

function bodyOf(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

if (startedByHand(import.meta.url)) {
  const fake = await startFakeAi({ port: portFromEnvironment(), dimensions: Number(process.env.EMBEDDINGS_DIMENSIONS ?? 768) });
  console.log(`Fake AI provider listening. Start the back office with:
  EMBEDDINGS_URL=${fake.url}/v1 EMBEDDINGS_MODEL=fake-bag-of-words EMBEDDINGS_DIMENSIONS=${fake.dimensions}
  CHAT_URL=${fake.url}/v1 CHAT_MODEL=fake-extractive
  OCR_URL=${fake.url}/ocr
or, through its n8n-like webhooks:
  EMBEDDINGS_PROVIDER=n8n EMBEDDINGS_URL=${fake.url}/webhook/embeddings EMBEDDINGS_MODEL=fake-bag-of-words EMBEDDINGS_DIMENSIONS=${fake.dimensions}
  CHAT_PROVIDER=n8n CHAT_URL=${fake.url}/webhook/chat-documento CHAT_MODEL=n8n-chat-documento
  AI_WEBHOOK_SECRET=${fake.webhookSecret}`);
  stopOnCtrlC(fake.close);
}
