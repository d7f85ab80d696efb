// Uploading a revision: every upload is a new revision (number, SHA-256, size, uploader) stored under
// docs/<year>/<month of the document>/<code>/rev-<n>.<ext>; older revisions stay as they were.
import { subject } from '@casl/ability';
import { createReadStream } from 'node:fs';
import { AccessDeniedError, type AppAbility } from '../access/abilities.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { Db } from '../../prisma/client.js';
import { findReadableDocument } from './document-access.js';
import { documentRefused } from './errors.js';
import { checkUploadedFile, cleanFileName } from './file-policy.js';

/** A file already received in full into a temporary path, hashed and measured on the way. */
export interface ReceivedFile {
  path: string;
  name: string;
  size: number;
  sha256: string;
}

export function revisionKey(document: { code: string; createdAt: Date }, number: number, extension: string): string {
  const year = document.createdAt.getUTCFullYear();
  const month = String(document.createdAt.getUTCMonth() + 1).padStart(2, '0');
  return `docs/${year}/${month}/${document.code}/rev-${number}.${extension}`;
}

export async function addRevision(
  db: Db,
  storage: ObjectStorage,
  ability: AppAbility,
  input: { documentId: number; uploaderId: number; file: ReceivedFile },
) {
  const document = await findReadableDocument(db, ability, input.documentId);
  // The create rule may look into the order the document belongs to (a technician's own orders).
  const order = document.workOrderId
    ? await db.workOrder.findUnique({ where: { id: document.workOrderId }, include: { shares: { select: { technicianId: true } } } })
    : null;
  if (!ability.can('create', subject('DocumentRevision', { documentId: document.id, document: { ...document, workOrder: order } }) as never))
    throw new AccessDeniedError('create', 'DocumentRevision');
  if (document.state === 'OBSOLETE') throw documentRefused('documentObsolete', { code: document.code });
  const checked = await checkUploadedFile(input.file);

  let storedKey: string | undefined;
  try {
    return await db.transactionAs(async (tx) => {
      // One upload at a time per document: the next number is read under the document's row lock.
      await tx.$queryRaw`SELECT id FROM documents WHERE id = ${document.id} FOR UPDATE`;
      const last = await tx.documentRevision.aggregate({ where: { documentId: document.id }, _max: { number: true } });
      const number = (last._max.number ?? 0) + 1;
      const key = revisionKey(document, number, checked.extension);
      await storage.put(key, createReadStream(input.file.path), { contentType: checked.contentType });
      storedKey = key;
      const revision = await tx.documentRevision.create({
        data: {
          documentId: document.id,
          number,
          fileKey: key,
          fileName: cleanFileName(input.file.name),
          contentType: checked.contentType,
          size: input.file.size,
          sha256: input.file.sha256,
          uploadedById: input.uploaderId,
        },
      });
      // New content has not been reviewed or signed: the document goes back to draft.
      if (document.state !== 'DRAFT') await tx.document.update({ where: { id: document.id }, data: { state: 'DRAFT' } });
      return revision;
    });
  } catch (error) {
    if (storedKey) await storage.delete(storedKey).catch(() => undefined);
    throw error;
  }
}
