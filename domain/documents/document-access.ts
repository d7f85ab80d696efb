// Who may read a document's files: the document's own rule AND the right to read the record it belongs
// to (a technician never downloads an attachment of another technician's order, whatever the rule says).
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { documentNotFound } from './errors.js';

/** The revision with its document, when this ability may read both and the record they belong to. */
export async function findReadableRevision(db: Db, ability: AppAbility, revisionId: number) {
  const where = accessibleWhere(ability, 'read', 'DocumentRevision');
  if (!where) throw new AccessDeniedError('read', 'DocumentRevision');
  const revision = await db.documentRevision.findFirst({
    where: { AND: [{ id: revisionId }, where as Prisma.DocumentRevisionWhereInput, { document: { is: ownerReadable(ability) } }] },
    include: { document: true },
  });
  if (!revision) throw documentNotFound();
  return revision;
}

/** The document, when this ability may read it and the record it belongs to. */
export async function findReadableDocument(db: Db, ability: AppAbility, documentId: number) {
  const where = accessibleWhere(ability, 'read', 'Document');
  if (!where) throw new AccessDeniedError('read', 'Document');
  const document = await db.document.findFirst({ where: { AND: [{ id: documentId }, where as Prisma.DocumentWhereInput, ownerReadable(ability)] } });
  if (!document) throw documentNotFound();
  return document;
}

/** The documents this ability may read, files included, as one Prisma condition (search and counts use
 * the same rule as downloads), or null when it may read none. */
export function readableDocumentsWhere(ability: AppAbility): Prisma.DocumentWhereInput | null {
  const where = accessibleWhere(ability, 'read', 'Document');
  if (!where) return null;
  return { AND: [where as Prisma.DocumentWhereInput, ownerReadable(ability)] };
}

// The records a document belongs to, as one condition the query carries: a document of a work request
// that became an order belongs to both, and whoever reads either (the operator who filed the request,
// the technician of the order) reads it; its asset, if any, must be readable too.
function ownerReadable(ability: AppAbility): Prisma.DocumentWhereInput {
  const orders = accessibleWhere(ability, 'read', 'WorkOrder') as Prisma.WorkOrderWhereInput | null;
  const requests = accessibleWhere(ability, 'read', 'WorkRequest') as Prisma.WorkRequestWhereInput | null;
  const assets = accessibleWhere(ability, 'read', 'Asset') as Prisma.AssetWhereInput | null;
  const work: Prisma.DocumentWhereInput[] = [{ workOrderId: null, workRequestId: null }];
  if (orders) work.push({ workOrder: { is: orders } });
  if (requests) work.push({ workRequest: { is: requests } });
  const asset: Prisma.DocumentWhereInput[] = [{ assetId: null }];
  if (assets) asset.push({ asset: { is: assets } });
  return { AND: [{ OR: work }, { OR: asset }] };
}

export type AttachmentOwner = { assetId: number } | { workOrderId: number } | { workRequestId: number };

/** The documents attached to an asset, a work order or a work request that this ability may read, newest
 * first, with their revisions (newest first). */
export async function readableAttachments(db: Db, ability: AppAbility, owner: AttachmentOwner) {
  const where = accessibleWhere(ability, 'read', 'Document');
  if (!where) return [];
  return db.document.findMany({
    where: { AND: [owner as Prisma.DocumentWhereInput, where as Prisma.DocumentWhereInput, ownerReadable(ability)] },
    orderBy: { id: 'desc' },
    take: 50,
    include: { revisions: { orderBy: { number: 'desc' }, select: { id: true, number: true, fileName: true, size: true, uploadedAt: true } } },
  });
}
