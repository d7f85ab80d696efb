// The OpenAI-compatible HTTP API (POST /embeddings, POST /chat/completions) that OpenAI, Azure OpenAI,
// Ollama, vLLM, LM Studio and Gemini's compatible endpoint all speak: one client covers them.
import { z } from 'zod';
import { ProviderError, type AiSettings, type ChatMessage, type ChatProvider, type EmbeddingProvider } from './providers.js';

const embeddingsAnswer = z.object({ data: z.array(z.object({ index: z.number().int(), embedding: z.array(z.number()) })) });
const chatAnswer = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1) });

async function post(url: string, apiKey: string | undefined, body: unknown, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new ProviderError(`${url} could not be reached: ${(error as Error).message}`);
  }
  if (!response.ok) throw new ProviderError(`${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`, response.status);
  try {
    return await response.json();
  } catch {
    throw new ProviderError(`${url} answered something that is not JSON`);
  }
}

const endpoint = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}${path}`;

export function openAiCompatibleEmbeddings(settings: NonNullable<AiSettings['embeddings']>): EmbeddingProvider {
  return {
    model: settings.model,
    dimensions: settings.dimensions,
    async embed(texts) {
      if (texts.length === 0) return [];
      const parsed = embeddingsAnswer.safeParse(await post(endpoint(settings.baseUrl, '/embeddings'), settings.apiKey, { model: settings.model, input: texts }, settings.timeoutMs));
      if (!parsed.success || parsed.data.data.length !== texts.length) throw new ProviderError(`the embeddings endpoint did not return one vector per text`);
      const vectors = [...parsed.data.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
      const wrong = vectors.find((vector) => vector.length !== settings.dimensions);
      // A model whose size differs from EMBEDDINGS_DIMENSIONS would mix incomparable vectors: refuse them.
      if (wrong) throw new ProviderError(`the model ${settings.model} returns ${wrong.length} dimensions, EMBEDDINGS_DIMENSIONS says ${settings.dimensions}`);
      return vectors;
    },
  };
}

export function openAiCompatibleChat(settings: NonNullable<AiSettings['chat']>): ChatProvider {
  return {
    model: settings.model,
    async complete(messages: ChatMessage[]) {
      const parsed = chatAnswer.safeParse(await post(endpoint(settings.baseUrl, '/chat/completions'), settings.apiKey, { model: settings.model, messages, temperature: 0 }, settings.timeoutMs));
      if (!parsed.success) throw new ProviderError('the chat endpoint answered without a message');
      return parsed.data.choices[0]!.message.content ?? '';
    },
  };
}
