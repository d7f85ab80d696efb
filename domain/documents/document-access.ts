// Who may read a document's files: the document's own rule AND the right to read the record it belongs
// to (a technician never downloads an attachment of another technician's order, whatever the rule says).
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { DocumentNotFoundError } from './errors.js';

type DocumentLinks = { assetId: number | null; workOrderId: number | null; workRequestId: number | null };

/** The revision with its document, when this ability may read both and the record they belong to. */
export async function findReadableRevision(db: Db, ability: AppAbility, revisionId: number) {
  const where = accessibleWhere(ability, 'read', 'DocumentRevision');
  if (!where) throw new AccessDeniedError('read', 'DocumentRevision');
  const revision = await db.documentRevision.findFirst({
    where: { AND: [{ id: revisionId }, where as Prisma.DocumentRevisionWhereInput] },
    include: { document: true },
  });
  if (!revision || !(await canReadOwner(db, ability, revision.document))) throw new DocumentNotFoundError(`revision ${revisionId}`);
  return revision;
}

/** The document, when this ability may read it and the record it belongs to. */
export async function findReadableDocument(db: Db, ability: AppAbility, documentId: number) {
  const where = accessibleWhere(ability, 'read', 'Document');
  if (!where) throw new AccessDeniedError('read', 'Document');
  const document = await db.document.findFirst({ where: { AND: [{ id: documentId }, where as Prisma.DocumentWhereInput] } });
  if (!document || !(await canReadOwner(db, ability, document))) throw new DocumentNotFoundError(`document ${documentId}`);
  return document;
}

// The work: a document of a work request that became an order belongs to both, and whoever reads either
// (the operator who filed the request, the technician of the order) reads it. The asset is required too.
async function canReadOwner(db: Db, ability: AppAbility, document: DocumentLinks): Promise<boolean> {
  if (document.workOrderId !== null || document.workRequestId !== null) {
    const orders = document.workOrderId !== null ? accessibleWhere(ability, 'read', 'WorkOrder') : null;
    const requests = document.workRequestId !== null ? accessibleWhere(ability, 'read', 'WorkRequest') : null;
    const readsOrder = !!orders && (await db.workOrder.count({ where: { AND: [{ id: document.workOrderId! }, orders as Prisma.WorkOrderWhereInput] } })) > 0;
    const readsRequest = !readsOrder && !!requests && (await db.workRequest.count({ where: { AND: [{ id: document.workRequestId! }, requests as Prisma.WorkRequestWhereInput] } })) > 0;
    if (!readsOrder && !readsRequest) return false;
  }
  if (document.assetId !== null) {
    const assets = accessibleWhere(ability, 'read', 'Asset');
    if (!assets || !(await db.asset.count({ where: { AND: [{ id: document.assetId }, assets as Prisma.AssetWhereInput] } }))) return false;
  }
  return true;
}

export type AttachmentOwner = { assetId: number } | { workOrderId: number } | { workRequestId: number };

/** The documents attached to an asset, a work order or a work request that this ability may read, newest
 * first, with their revisions (newest first). */
export async function readableAttachments(db: Db, ability: AppAbility, owner: AttachmentOwner) {
  const where = accessibleWhere(ability, 'read', 'Document');
  if (!where) return [];
  const ownerWhere = owner as Prisma.DocumentWhereInput;
  const documents = await db.document.findMany({
    where: { AND: [ownerWhere, where as Prisma.DocumentWhereInput] },
    orderBy: { id: 'desc' },
    take: 50,
    include: { revisions: { orderBy: { number: 'desc' }, select: { id: true, number: true, fileName: true, size: true, uploadedAt: true } } },
  });
  const readable = [];
  for (const document of documents) if (await canReadOwner(db, ability, document)) readable.push(document);
  return readable;
}
