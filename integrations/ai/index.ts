// The configured providers, or null for each that is off.
import { openAiCompatibleChat, openAiCompatibleEmbeddings } from './openai-compatible.js';
import type { AiSettings, ChatProvider, EmbeddingProvider } from './providers.js';

export type { AiSettings, ChatMessage, ChatProvider, EmbeddingProvider } from './providers.js';
export { ProviderError } from './providers.js';

export interface AiProviders {
  embeddings: EmbeddingProvider | null;
  chat: ChatProvider | null;
}

export function createAiProviders(settings: AiSettings): AiProviders {
  return {
    embeddings: settings.embeddings ? openAiCompatibleEmbeddings(settings.embeddings) : null,
    chat: settings.chat ? openAiCompatibleChat(settings.chat) : null,
  };
}
