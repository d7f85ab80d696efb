// Receives one multipart file field ("file") into a private temporary directory, hashing (SHA-256) and
// measuring it on the way, and stops reading as soon as it passes the size limit.
import busboy from 'busboy';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { documentRefused } from '../../domain/documents/errors.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import type { ReceivedFile } from '../../domain/documents/revisions.js';
import { hashingStream } from '../../domain/documents/hashing-stream.js';

export interface Upload {
  file: ReceivedFile;
  /** Removes the temporary copy; always call it. */
  discard(): Promise<void>;
}

export async function receiveUpload(req: Request, maxBytes: number): Promise<Upload> {
  const max = maxBytes >= 1024 * 1024 ? `${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(maxBytes / 1024)} KB`;
  // A declared length far above the limit is refused before reading anything.
  if (Number(req.headers['content-length'] ?? 0) > maxBytes + 64 * 1024) throw documentRefused('requestTooLarge', { max });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cmms-upload-'));
  const discard = () => rm(dir, { recursive: true, force: true });
  try {
    const file = await new Promise<ReceivedFile>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1024 } });
      } catch {
        return reject(documentRefused('fileMissing'));
      }
      let received: Promise<ReceivedFile> | undefined;
      parser.on('file', (field, stream, info) => {
        if (field !== 'file' || received) return stream.resume();
        const name = info.filename ?? '';
        const measure = hashingStream();
        const target = path.join(dir, 'upload');
        received = pipeline(stream, measure, createWriteStream(target, { mode: 0o600 })).then(() => {
          if ((stream as typeof stream & { truncated?: boolean }).truncated) throw documentRefused('fileTooLarge', { name, max });
          const { size, sha256 } = measure.digest();
          if (!name || size === 0) throw documentRefused('fileMissing');
          return { path: target, name, size, sha256 };
        });
        received.catch(() => undefined); // handled at 'close'
      });
      parser.on('close', () => (received ? received.then(resolve, reject) : reject(documentRefused('fileMissing'))));
      // A body busboy cannot read (truncated, no closing boundary, bad headers) is the client's fault.
      parser.on('error', () => reject(new MalformedInputError('malformedBody')));
      // A client that goes away mid-upload: give up (the temporary copy is removed by the caller).
      req.on('close', () => {
        if (!req.complete) reject(new Error('upload aborted by the client'));
      });
      req.pipe(parser);
    });
    return { file, discard };
  } catch (error) {
    await discard();
    throw error;
  }
}
