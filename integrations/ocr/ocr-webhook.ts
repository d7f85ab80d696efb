// An outside OCR service reached through a webhook (n8n with Tesseract, a cloud OCR behind a small flow):
// our contract is the file's bytes POSTed with its type (Authorization: Bearer OCR_TOKEN when set), and
// JSON {"pages": ["text of page 1", …]} back. Off until OCR_URL is set.
import { z } from 'zod';

export interface OcrSettings {
  url: string;
  token?: string;
  /** Files sent a minute at most (the job runs every minute): the service's budget (OCR_PER_MINUTE). */
  perMinute: number;
  timeoutMs: number;
}

export interface OcrService {
  readonly perMinute: number;
  readPages(file: { bytes: Uint8Array; contentType: string; fileName: string }): Promise<string[]>;
}

export class OcrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcrError';
  }
}

const answer = z.object({ pages: z.array(z.string()).max(5000) });

export function ocrWebhook(settings: OcrSettings): OcrService {
  return {
    perMinute: settings.perMinute,
    async readPages(file) {
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers: {
            'content-type': file.contentType,
            // Header values are Latin-1: the name travels URI-encoded.
            'x-cmms-file-name': encodeURIComponent(file.fileName),
            ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
          },
          body: new Blob([new Uint8Array(file.bytes)]),
          signal: AbortSignal.timeout(settings.timeoutMs),
        });
      } catch (error) {
        throw new OcrError(`the OCR service could not be reached: ${(error as Error).message}`);
      }
      if (!response.ok) throw new OcrError(`the OCR service answered ${response.status}`);
      const parsed = answer.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw new OcrError('the OCR service answered without {"pages": [...]}');
      return parsed.data.pages;
    },
  };
}
