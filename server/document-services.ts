// The outside services of document search (issue 22) as configured: embeddings for the job that embeds
// passages, and the OCR webhook for scans. Each is absent while its settings are.
import { createAiProviders } from '../integrations/ai/index.js';
import { ocrWebhook } from '../integrations/ocr/ocr-webhook.js';
import type { JobContext } from '../jobs/job.js';
import type { AppConfig } from './config.js';

export function documentServicesOf(config: AppConfig): Pick<JobContext, 'embeddings' | 'ocr'> {
  const { embeddings } = createAiProviders(config.ai);
  return {
    ...(embeddings && config.ai.embeddings && { embeddings: { provider: embeddings, batchSize: config.ai.embeddings.batchSize, perMinute: config.ai.embeddings.perMinute } }),
    ...(config.ocr && { ocr: ocrWebhook(config.ocr) }),
  };
}
