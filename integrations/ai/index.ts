// The configured providers, or null for each that is off.
import { n8nChat, n8nEmbeddings } from './n8n-webhook.js';
import { openAiCompatibleChat, openAiCompatibleEmbeddings } from './openai-compatible.js';
import type { AiSettings, ChatProvider, EmbeddingProvider } from './providers.js';

export type { AiSettings, ChatMessage, ChatProvider, EmbeddingProvider } from './providers.js';
export { ProviderError } from './providers.js';

export interface AiProviders {
  embeddings: EmbeddingProvider | null;
  chat: ChatProvider | null;
}

export function createAiProviders(settings: AiSettings): AiProviders {
  const { embeddings, chat, webhookSecret: secret } = settings;
  return {
    embeddings: !embeddings ? null
      : embeddings.provider === 'n8n' ? n8nEmbeddings({ url: embeddings.baseUrl, secret, model: embeddings.model, dimensions: embeddings.dimensions, timeoutMs: embeddings.timeoutMs })
      : openAiCompatibleEmbeddings(embeddings),
    chat: !chat ? null
      : chat.provider === 'n8n' ? n8nChat({ url: chat.baseUrl, secret, model: chat.model, timeoutMs: chat.timeoutMs })
      : openAiCompatibleChat(chat),
  };
}
