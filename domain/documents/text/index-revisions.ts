// The indexing of documents for search: each revision waiting to be read (text_state PENDING) is read
// within bounds (read-in-worker.ts), cut into passages, and its passages replace those of the document's
// older revisions in one transaction, so search always finds a document by its newest readable text.
// Several workers may run it at once: each takes its revisions with SKIP LOCKED.
import type { ObjectStorage } from '../../../integrations/storage/storage.js';
import type { Db } from '../../../prisma/client.js';
import type { Tx } from '../../access/allowed-row.js';
import { chunkSections } from './chunk-text.js';
import type { TextSection } from './read-file-text.js';
import { DEFAULT_READ_LIMITS, readTextInWorker, UnreadableFileError, type ReadLimits } from './read-in-worker.js';

/** Larger files are not read: a manual's text layer is far smaller, and reading it whole costs memory. */
export const MAX_READ_BYTES = 80 * 1024 * 1024;

export interface IndexOutcome {
  revisionId: number;
  state: 'EXTRACTED' | 'NO_TEXT' | 'OCR_PENDING' | 'UNSUPPORTED' | 'FAILED';
  chunks: number;
}

/** `ocr`: an OCR service is configured, so a file without text waits for it (OCR_PENDING) instead of NO_TEXT. */
export async function indexPendingRevisions(
  db: Db,
  storage: ObjectStorage,
  options: { batch?: number; limits?: ReadLimits; ocr?: boolean } = {},
): Promise<IndexOutcome[]> {
  const outcomes: IndexOutcome[] = [];
  for (let i = 0; i < (options.batch ?? 20); i++) {
    const outcome = await indexNextRevision(db, storage, options.limits ?? DEFAULT_READ_LIMITS, options.ocr ?? false);
    if (!outcome) break;
    outcomes.push(outcome);
  }
  return outcomes;
}

async function indexNextRevision(db: Db, storage: ObjectStorage, limits: ReadLimits, ocr: boolean): Promise<IndexOutcome | null> {
  // Claimed in a short transaction (the claim is the moment written in text_read_at), read with no lock
  // held, stored in another short one: signing locks the same revision and must not wait for a read. A
  // claim older than a read can last is a worker that died: the revision is taken again.
  const claimSeconds = Math.ceil((limits.timeoutMs + 5 * 60_000) / 1000);
  const claimed = await db.transactionAs(async (tx) => {
    const [next] = await tx.$queryRaw<{ id: number; claimed_at: Date }[]>`
      UPDATE document_revisions SET text_read_at = clock_timestamp()
      WHERE id = (
        SELECT id FROM document_revisions
        WHERE text_state = 'PENDING' AND (text_read_at IS NULL OR text_read_at < now() - make_interval(secs => ${claimSeconds}))
        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, text_read_at AS claimed_at`;
    return next ? { claimedAt: next.claimed_at, revision: await tx.documentRevision.findUniqueOrThrow({ where: { id: next.id }, include: { document: true } }) } : null;
  });
  if (!claimed) return null;
  const { revision, claimedAt } = claimed;
  const read = await readRevision(storage, revision, limits);
  const stored = await db.transactionAs(async (tx): Promise<IndexOutcome | null> => {
    // Still ours: not re-read meanwhile by a worker that took an expired claim.
    const [mine] = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM document_revisions WHERE id = ${revision.id} AND text_state = 'PENDING' AND text_read_at = ${claimedAt} FOR UPDATE`;
    if (!mine) return null;
    if (read.state !== 'EXTRACTED') {
      const state = read.state === 'NO_TEXT' && ocr ? 'OCR_PENDING' : read.state;
      await tx.documentRevision.update({
        where: { id: revision.id },
        data: { textState: state, textError: read.error?.slice(0, 500) ?? null, textPages: null, textReadAt: new Date() },
      });
      return { revisionId: revision.id, state, chunks: 0 };
    }
    const chunks = await storeRevisionText(tx, revision, read);
    return { revisionId: revision.id, state: 'EXTRACTED' as const, chunks };
  });
  // Taken over by another worker: go on with the next revision.
  return stored ?? indexNextRevision(db, storage, limits, ocr);
}

/**
 * A revision's text, read from its file or by OCR: its passages replace those of the document's older
 * revisions (unless a newer one was read already), and it is EXTRACTED. Returns the passages stored.
 */
export async function storeRevisionText(
  tx: Tx,
  revision: { id: number; documentId: number; number: number; document: { language: string } },
  read: { pages: number | null; sections: TextSection[] },
): Promise<number> {
  // A newer revision already read wins: this one's text is history, not search material.
  const newer = await tx.documentRevision.count({ where: { documentId: revision.documentId, number: { gt: revision.number }, textState: 'EXTRACTED' } });
  const chunks = chunkSections(read.sections);
  if (!newer) {
    await tx.documentChunk.deleteMany({ where: { revision: { documentId: revision.documentId } } });
    await tx.documentChunk.createMany({
      data: chunks.map((chunk) => ({ ...chunk, revisionId: revision.id, language: revision.document.language })),
    });
  }
  await tx.documentRevision.update({
    where: { id: revision.id },
    data: { textState: 'EXTRACTED', textError: null, textPages: read.pages, textReadAt: new Date() },
  });
  return newer ? 0 : chunks.length;
}

type Read =
  | { state: 'EXTRACTED'; pages: number | null; sections: TextSection[] }
  | { state: 'NO_TEXT' | 'UNSUPPORTED' | 'FAILED'; error?: string };

async function readRevision(storage: ObjectStorage, revision: { fileKey: string; contentType: string; size: number }, limits: ReadLimits): Promise<Read> {
  if (revision.size > MAX_READ_BYTES) return { state: 'FAILED', error: `larger than ${MAX_READ_BYTES / 1024 / 1024} MB: not read` };
  if (!(await storage.head(revision.fileKey))) return { state: 'FAILED', error: 'the stored file is missing' };
  try {
    const bytes = await readAll(await storage.get(revision.fileKey));
    const text = await readTextInWorker(bytes, revision.contentType, limits);
    if (text.outcome === 'noText') return { state: 'NO_TEXT' };
    if (text.outcome === 'unsupported') return { state: 'UNSUPPORTED' };
    return { state: 'EXTRACTED', pages: text.pages, sections: text.sections };
  } catch (error) {
    if (error instanceof UnreadableFileError) return { state: 'FAILED', error: error.message };
    // The storage could not give the file: not the file's fault, try again on the next run.
    throw error;
  }
}

export async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const part of stream) {
    const buffer = typeof part === 'string' ? Buffer.from(part) : part;
    total += buffer.length;
    if (total > MAX_READ_BYTES) throw new UnreadableFileError(`larger than ${MAX_READ_BYTES / 1024 / 1024} MB: not read`);
    parts.push(buffer);
  }
  return new Uint8Array(Buffer.concat(parts));
}
