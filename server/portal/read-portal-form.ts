// Reads the portal's form (multipart: a few short fields and at most one photo) with busboy, the photo
// streamed into a private temporary directory, hashed on the way, and cut at the size limit: a photo over
// it is refused (413) without being kept. Urlencoded forms (no photo) are read too.
import busboy from 'busboy';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { ReceivedFile } from '../../domain/documents/revisions.js';
import { Refusal } from '../../domain/refusal.js';

/** The largest photo accepted: a phone's JPEG is 2-6 MB. */
export const PORTAL_PHOTO_MAX_BYTES = 8 * 1024 * 1024;
const FIELD_MAX_BYTES = 4 * 1024;

export interface PortalForm {
  fields: Record<string, string>;
  photo?: ReceivedFile;
  discard(): Promise<void>;
}

export async function readPortalForm(req: Request, maxBytes = PORTAL_PHOTO_MAX_BYTES): Promise<PortalForm> {
  const tooLarge = () => new Refusal('portalPhotoTooLarge', { max: `${Math.round(maxBytes / 1024 / 1024)} MB` }, { field: 'photo', kind: 'tooLarge' });
  if (Number(req.headers['content-length'] ?? 0) > maxBytes + 64 * 1024) throw tooLarge();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cmms-portal-'));
  const discard = () => rm(dir, { recursive: true, force: true });
  try {
    const { fields, photo } = await new Promise<{ fields: Record<string, string>; photo?: ReceivedFile }>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes, fields: 8, fieldSize: FIELD_MAX_BYTES } });
      } catch {
        return reject(new Refusal('portalFormUnreadable', {}, { kind: 'malformed' }));
      }
      const fields: Record<string, string> = {};
      let photo: Promise<ReceivedFile | undefined> | undefined;
      parser.on('field', (name, value) => {
        if (!(name in fields)) fields[name] = value;
      });
      parser.on('file', (field, stream, info) => {
        const fileName = info.filename;
        if (field !== 'photo' || photo || !fileName) return stream.resume();
        const hash = createHash('sha256');
        let size = 0;
        const target = path.join(dir, 'photo');
        const counting = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            size += chunk.length;
            hash.update(chunk);
            done(null, chunk);
          },
        });
        photo = pipeline(stream, counting, createWriteStream(target)).then(() => {
          if ((stream as unknown as { truncated?: boolean }).truncated) throw tooLarge();
          return size ? { path: target, name: fileName, size, sha256: hash.digest('hex') } : undefined;
        });
        photo.catch(() => undefined);
      });
      parser.on('error', () => reject(new Refusal('portalFormUnreadable', {}, { kind: 'malformed' })));
      parser.on('close', () => {
        (photo ?? Promise.resolve(undefined)).then((file) => resolve({ fields, ...(file && { photo: file }) }), reject);
      });
      req.pipe(parser);
    });
    return { fields, photo, discard };
  } catch (error) {
    await discard();
    throw error;
  }
}
