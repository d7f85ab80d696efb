// The n8n automation server the users already run (their "chat-documento" flow): embeddings and answers
// through its webhooks instead of an OpenAI-compatible API, so the flow keeps choosing the model (Gemini,
// GPT-4, Claude) and its keys stay in n8n. Our contract, one JSON POST per call:
// - embeddings: {"model", "dimensions", "texts": [...]} → {"embeddings": [[...], ...]} (one per text, in order);
// - chat: {"model", "messages": [...], "question"} → {"answer": "..."} (n8n's AI Agent node answers
//   {"output": "..."}, and "Respond to Webhook" with all items wraps it in an array: both are taken).
// Each body is signed like our notification webhook: `X-CMMS-Signature: sha256=<HMAC-SHA256 of the body>`
// under AI_WEBHOOK_SECRET, so the flow can refuse calls that are not ours.
import { z } from 'zod';
import { SIGNATURE_HEADER, signBody } from '../messaging/webhook.channel.js';
import { ProviderError, type ChatMessage, type ChatProvider, type EmbeddingProvider } from './providers.js';

export interface N8nWebhookSettings {
  /** The webhook's whole URL, e.g. http://n8n:5678/webhook/chat-documento. */
  url: string;
  secret?: string;
  model: string;
  timeoutMs: number;
}

const embeddingsAnswer = z.object({ embeddings: z.array(z.array(z.number())) });
const answerFields = z.object({ answer: z.string().optional(), output: z.string().optional(), text: z.string().optional() });
const chatAnswer = z.union([answerFields, z.array(answerFields).min(1).transform((items) => items[0]!)]);

async function call(settings: N8nWebhookSettings, payload: unknown): Promise<unknown> {
  const body = JSON.stringify(payload);
  let response: Response;
  try {
    response = await fetch(settings.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.secret ? { [SIGNATURE_HEADER]: signBody(body, settings.secret) } : {}) },
      body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (error) {
    throw new ProviderError(`the n8n webhook ${settings.url} could not be reached: ${(error as Error).message}`);
  }
  if (!response.ok) throw new ProviderError(`the n8n webhook ${settings.url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`, response.status);
  try {
    return await response.json();
  } catch {
    throw new ProviderError(`the n8n webhook ${settings.url} answered something that is not JSON`);
  }
}

export function n8nEmbeddings(settings: N8nWebhookSettings & { dimensions: number }): EmbeddingProvider {
  return {
    model: settings.model,
    dimensions: settings.dimensions,
    async embed(texts) {
      if (texts.length === 0) return [];
      const parsed = embeddingsAnswer.safeParse(await call(settings, { model: settings.model, dimensions: settings.dimensions, texts }));
      if (!parsed.success || parsed.data.embeddings.length !== texts.length)
        throw new ProviderError('the n8n embeddings webhook did not answer {"embeddings": [...]} with one vector per text');
      const wrong = parsed.data.embeddings.find((vector) => vector.length !== settings.dimensions);
      if (wrong) throw new ProviderError(`the n8n flow returns ${wrong.length} dimensions, EMBEDDINGS_DIMENSIONS says ${settings.dimensions}`);
      return parsed.data.embeddings;
    },
  };
}

export function n8nChat(settings: N8nWebhookSettings): ChatProvider {
  return {
    model: settings.model,
    async complete(messages: ChatMessage[]) {
      const question = messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
      const parsed = chatAnswer.safeParse(await call(settings, { model: settings.model, messages, question }));
      const answer = parsed.success ? (parsed.data.answer ?? parsed.data.output ?? parsed.data.text) : undefined;
      if (answer === undefined) throw new ProviderError('the n8n chat webhook answered without "answer" (or "output")');
      return answer;
    },
  };
}
