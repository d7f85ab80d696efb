// A problem reported on an asset's QR page, without signing in: it becomes a work request marked PORTAL
// (source), with the name and the phone or e-mail the person gave, and the photo, if any, as the request's
// attachment. Written as the actor `portal:<ip>` (the change history says it came from the portal and from
// where); the photo's uploader is the portal's own account, which cannot sign in.
import { createReadStream } from 'node:fs';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import { actAs } from '../../prisma/actor.js';
import type { Db } from '../../prisma/client.js';
import { documentRefused } from '../documents/errors.js';
import { checkUploadedFile, cleanFileName } from '../documents/file-policy.js';
import { revisionKey, type ReceivedFile } from '../documents/revisions.js';
import { Refusal, type FieldRefusal } from '../refusal.js';
import { PORTAL_TOKEN } from './portal-links.js';

export const PORTAL_ACCOUNT_EMAIL = 'portal-qr@cmms.invalid';
export const DESCRIPTION_MAX = 2000;
const PHOTO_TYPES = ['image/jpeg', 'image/png'];

export interface PortalRequestInput {
  description: unknown;
  name: unknown;
  contact: unknown;
  photo?: ReceivedFile;
}

/** The asset an unrevoked token leads to; null for anything else (answered 404 alike). */
export async function portalAsset(db: Pick<Db, 'assetPortalLink'>, token: string) {
  if (!PORTAL_TOKEN.test(token)) return null;
  const link = await db.assetPortalLink.findUnique({
    where: { token },
    select: { revokedAt: true, asset: { select: { id: true, description: true, status: true, location: { select: { fullName: true } } } } },
  });
  if (!link || link.revokedAt || link.asset.status === 'RETIRED') return null;
  return { id: link.asset.id, name: link.asset.description, location: link.asset.location.fullName };
}

const text = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[\d\s().-]{7,25}$/;

/** The form's fields checked, or every problem at once beside its field. */
export function checkPortalForm(input: PortalRequestInput) {
  const description = typeof input.description === 'string' ? input.description.trim() : '';
  const name = text(input.name);
  const contact = text(input.contact);
  const problems: FieldRefusal[] = [];
  if (description.length < 5) problems.push({ field: 'description', key: 'portalDescriptionMissing', params: {} });
  else if (description.length > DESCRIPTION_MAX) problems.push({ field: 'description', key: 'portalDescriptionTooLong', params: { max: DESCRIPTION_MAX } });
  if (name.length < 2 || name.length > 120) problems.push({ field: 'name', key: 'portalNameMissing', params: {} });
  const digits = contact.replace(/\D/g, '').length;
  if (contact.length > 160 || !(EMAIL.test(contact) || (PHONE.test(contact) && digits >= 7))) problems.push({ field: 'contact', key: 'portalContactInvalid', params: {} });
  if (problems.length) throw new Refusal(problems[0]!.key, problems[0]!.params, { fields: problems });
  return { description, name, contact };
}

async function portalAccountId(db: Db): Promise<number> {
  const account = await db.user.upsert({
    where: { email: PORTAL_ACCOUNT_EMAIL },
    create: { email: PORTAL_ACCOUNT_EMAIL, name: 'Portal QR', isActive: false },
    update: {},
    select: { id: true },
  });
  return account.id;
}

export async function filePortalRequest(db: Db, storage: ObjectStorage, token: string, input: PortalRequestInput, client: { ip: string; userAgent: string }) {
  const asset = await portalAsset(db, token);
  if (!asset) throw new Refusal('portalNotFound', {}, { kind: 'notFound' });
  const form = checkPortalForm(input);
  const photo = input.photo && (await checkUploadedFile(input.photo));
  if (photo && !PHOTO_TYPES.includes(photo.contentType)) throw documentRefused('fileTypeNotAllowed', { name: input.photo!.name, allowed: 'JPEG, PNG' });
  return actAs({ label: `portal:${client.ip}`, ip: client.ip, userAgent: client.userAgent.slice(0, 500) }, async () => {
    const uploaderId = photo ? await portalAccountId(db) : null;
    let storedKey: string | undefined;
    try {
      return await db.transactionAs(async (tx) => {
        const request = await tx.workRequest.create({
          data: { source: 'PORTAL', assetId: asset.id, description: form.description, reporterName: form.name, reporterContact: form.contact },
        });
        if (photo && input.photo && uploaderId !== null) {
          const document = await tx.document.create({ data: { title: cleanFileName(input.photo.name).slice(0, 200), kind: 'PHOTO', workRequestId: request.id } });
          const key = revisionKey(document, 1, photo.extension);
          await storage.put(key, createReadStream(input.photo.path), { contentType: photo.contentType });
          storedKey = key;
          await tx.documentRevision.create({
            data: { documentId: document.id, number: 1, fileKey: key, fileName: cleanFileName(input.photo.name), contentType: photo.contentType, size: input.photo.size, sha256: input.photo.sha256, uploadedById: uploaderId },
          });
        }
        return request;
      });
    } catch (error) {
      if (storedKey) await storage.delete(storedKey).catch(() => undefined);
      throw error;
    }
  });
}
