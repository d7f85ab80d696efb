// What the document search and "Preguntar a los documentos" ask of an outside model, whichever serves it:
// vectors for passages and questions, and an answer to a question from given passages. Both are reached
// over HTTP (no model runs in this process); each is off until configured.

export interface EmbeddingProvider {
  /** Model name and dimension: together they say which stored vectors are comparable (a change re-embeds). */
  readonly model: string;
  readonly dimensions: number;
  /** One vector per text, in order. */
  embed(texts: string[]): Promise<number[][]>;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatProvider {
  readonly model: string;
  complete(messages: ChatMessage[]): Promise<string>;
}

/** The provider could not be reached or answered something unusable; the caller degrades or retries. */
export class ProviderError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'ProviderError';
  }
}

/** Who answers: an OpenAI-compatible API (baseUrl is its …/v1) or an n8n webhook (baseUrl is the webhook's URL). */
export type AiProviderKind = 'openai' | 'n8n';

export interface AiSettings {
  /** OpenAI, Azure, Ollama, vLLM, Gemini's compatible API; or the users' n8n flow. */
  embeddings?: { provider?: AiProviderKind; baseUrl: string; apiKey?: string; model: string; dimensions: number; batchSize: number; perMinute: number; timeoutMs: number };
  chat?: { provider?: AiProviderKind; baseUrl: string; apiKey?: string; model: string; timeoutMs: number };
  /** The HMAC key that signs the bodies sent to n8n webhooks. */
  webhookSecret?: string;
}
