// "Adjuntar archivo" on a record's page: one upload makes a document tied to that record (a photo of the
// leak on a work request) and its first revision, under the same rules as doing it in two steps.
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, asSubject, type AppAbility } from '../access/abilities.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { Db } from '../../prisma/client.js';
import type { AttachmentOwner } from './document-access.js';
import { documentNotFound } from './errors.js';
import { checkUploadedFile, cleanFileName } from './file-policy.js';
import { addRevision, type ReceivedFile } from './revisions.js';

const OWNER_MODELS = { assetId: 'Asset', workOrderId: 'WorkOrder', workRequestId: 'WorkRequest' } as const;

/** Whether this ability may attach a file to the record: 'missing' when it cannot read the record. */
export async function attachRight(db: Db, ability: AppAbility, owner: AttachmentOwner): Promise<boolean | 'missing'> {
  const [key, id] = Object.entries(owner)[0] as [keyof typeof OWNER_MODELS, number];
  const model = OWNER_MODELS[key];
  const readable = accessibleWhere(ability, 'read', model);
  const delegate = (db as unknown as Record<string, { findFirst(args: object): Promise<Record<string, unknown> | null> }>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
  const row = readable && (await delegate.findFirst({ where: { AND: [readable, { id }] }, ...(model === 'WorkOrder' && { include: { shares: { select: { technicianId: true } } } }) }));
  if (!row) return 'missing';
  const values: Record<string, unknown> = { assetId: null, workOrderId: null, workRequestId: null, [key]: id };
  if (model === 'WorkOrder') values.workOrder = row;
  if (model === 'WorkRequest') values.workRequest = row;
  return ability.can('create', asSubject('Document', values) as never);
}

export async function attachFile(
  db: Db,
  storage: ObjectStorage,
  ability: AppAbility,
  input: { owner: AttachmentOwner; title?: string; uploaderId: number; file: ReceivedFile },
) {
  const [key, id] = Object.entries(input.owner)[0] as [keyof typeof OWNER_MODELS, number];
  // The record must be one the uploader may read; a hidden one is not told apart from a missing one.
  const right = await attachRight(db, ability, input.owner);
  if (right === 'missing') throw documentNotFound();
  if (!right) throw new AccessDeniedError('create', 'Document');
  // The file is judged before anything is written: a refused file leaves no empty document behind.
  const checked = await checkUploadedFile(input.file);

  const title = (input.title?.trim() || cleanFileName(input.file.name)).slice(0, 200);
  const kind = checked.contentType.startsWith('image/') ? 'PHOTO' : 'OTHER';
  const document = await db.document.create({ data: { title, kind, [key]: id } as Prisma.DocumentUncheckedCreateInput });
  try {
    const revision = await addRevision(db, storage, ability, { documentId: document.id, uploaderId: input.uploaderId, file: input.file });
    return { document, revision };
  } catch (error) {
    await db.document.delete({ where: { id: document.id } }).catch(() => undefined);
    throw error;
  }
}
