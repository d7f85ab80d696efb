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

export interface AiSettings {
  /** An OpenAI-compatible endpoint's base (…/v1): OpenAI, Azure, Ollama, vLLM, Gemini's compatible API. */
  embeddings?: { baseUrl: string; apiKey?: string; model: string; dimensions: number; batchSize: number; perMinute: number; timeoutMs: number };
  chat?: { baseUrl: string; apiKey?: string; model: string; timeoutMs: number };
}
