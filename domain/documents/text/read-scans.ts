// Scans and photos without a text layer, when an OCR webhook is configured: each revision waiting for it
// (OCR_PENDING) is sent to the service, and the pages it returns become passages as a PDF's would. A
// failed call is counted on the revision with its reason and tried again on a later run; after
// OCR_MAX_ATTEMPTS the revision is FAILED with that reason, so the page says why it has no text.
import type { OcrService } from '../../../integrations/ocr/ocr-webhook.js';
import { OcrError } from '../../../integrations/ocr/ocr-webhook.js';
import type { ObjectStorage } from '../../../integrations/storage/storage.js';
import type { Db } from '../../../prisma/client.js';
import { readAll, storeRevisionText, type IndexOutcome } from './index-revisions.js';

export const OCR_MAX_ATTEMPTS = 3;

export async function readScannedRevisions(db: Db, storage: ObjectStorage, ocr: OcrService, options: { batch?: number } = {}): Promise<IndexOutcome[]> {
  const outcomes: IndexOutcome[] = [];
  const tried: number[] = [];
  for (let i = 0; i < (options.batch ?? 10); i++) {
    const outcome = await readNextScan(db, storage, ocr, tried);
    if (!outcome) break;
    tried.push(outcome.revisionId);
    outcomes.push(outcome);
  }
  return outcomes;
}

async function readNextScan(db: Db, storage: ObjectStorage, ocr: OcrService, tried: number[]): Promise<IndexOutcome | null> {
  return db.transactionAs(async (tx) => {
    // A revision that failed in this run waits for the next one (the service may be back by then).
    const [next] = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM document_revisions WHERE text_state = 'OCR_PENDING' AND NOT (id = ANY(${tried}::int[]))
      ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`;
    if (!next) return null;
    const revision = await tx.documentRevision.findUniqueOrThrow({ where: { id: next.id }, include: { document: true } });
    try {
      const bytes = await readAll(await storage.get(revision.fileKey));
      const pages = await ocr.readPages({ bytes, contentType: revision.contentType, fileName: revision.fileName });
      const sections = pages.map((text, index) => ({ page: index + 1, heading: null, text })).filter((section) => section.text.trim());
      if (sections.length === 0) {
        await tx.documentRevision.update({ where: { id: revision.id }, data: { textState: 'NO_TEXT', textError: null, textReadAt: new Date() } });
        return { revisionId: revision.id, state: 'NO_TEXT' as const, chunks: 0 };
      }
      const chunks = await storeRevisionText(tx, revision, { pages: pages.length, sections });
      return { revisionId: revision.id, state: 'EXTRACTED' as const, chunks };
    } catch (error) {
      if (!(error instanceof OcrError)) throw error;
      const attempts = revision.ocrAttempts + 1;
      const failed = attempts >= OCR_MAX_ATTEMPTS;
      await tx.documentRevision.update({
        where: { id: revision.id },
        data: { ocrAttempts: attempts, textState: failed ? 'FAILED' : 'OCR_PENDING', textError: `OCR (${attempts}/${OCR_MAX_ATTEMPTS}): ${error.message}`.slice(0, 500), textReadAt: new Date() },
      });
      return { revisionId: revision.id, state: failed ? ('FAILED' as const) : ('OCR_PENDING' as const), chunks: 0 };
    }
  }, { timeout: 5 * 60_000 });
}
