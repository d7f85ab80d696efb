// Both storage drivers against real stores: a directory on disk, and s3rver over HTTP on 127.0.0.1.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../test/support/s3-server.js';
import { createLocalDiskStorage } from './local-disk.storage.js';
import { createS3Storage } from './s3.storage.js';
import { attachmentDisposition, InvalidStorageKeyError, type ObjectStorage } from './storage.js';

let s3: TestS3Server;
let localRoot: string;
const drivers: Record<'local' | 's3', () => ObjectStorage> = {
  local: () => createLocalDiskStorage(localRoot),
  s3: () => createS3Storage(s3.settings),
};

beforeAll(async () => {
  localRoot = await mkdtemp(path.join(os.tmpdir(), 'cmms-local-storage-'));
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.stop();
  await rm(localRoot, { recursive: true, force: true });
});

const text = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
};

describe.each(['local', 's3'] as const)('the %s driver', (driver) => {
  const storage = () => drivers[driver]();

  it('stores a revision under its key and gives it back byte for byte, with its size', async () => {
    await storage().check();
    const key = 'docs/2026/11/DOC-2026-0001/rev-1.pdf';
    await storage().put(key, Buffer.from('%PDF-1.4 plano de la bomba'), { contentType: 'application/pdf' });
    expect(await text(await storage().get(key))).toBe('%PDF-1.4 plano de la bomba');
    const head = await storage().head(key);
    expect(head?.size).toBe(26);
    if (driver === 's3') expect(head?.contentType).toBe('application/pdf');
  });

  it('takes a stream, lists by prefix and deletes', async () => {
    await storage().put('docs/2026/11/DOC-2026-0002/rev-1.png', Readable.from([Buffer.from('uno'), Buffer.from('dos')]));
    await storage().put('imports/2026/11/a.xlsx', Buffer.from('x'));
    const listed: string[] = [];
    for await (const item of storage().list('docs/2026/11/DOC-2026-0002/')) listed.push(item.key);
    expect(listed).toEqual(['docs/2026/11/DOC-2026-0002/rev-1.png']);
    await storage().delete('docs/2026/11/DOC-2026-0002/rev-1.png');
    expect(await storage().head('docs/2026/11/DOC-2026-0002/rev-1.png')).toBeNull();
  });

  it('answers head of a missing object with null and refuses keys that leave the store', async () => {
    expect(await storage().head('docs/nada/rev-9.pdf')).toBeNull();
    await expect(storage().put('../fuera.pdf', Buffer.from('x'))).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage().head('docs/../../etc/passwd')).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });
});

describe('downloads without going through the application', () => {
  it('local disk has no presigned URL: its files are always streamed through the authorising route', async () => {
    const local = drivers.local();
    await local.put('docs/2026/11/DOC-2026-0003/rev-1.pdf', Buffer.from('%PDF'));
    expect(await local.presignedDownloadUrl('docs/2026/11/DOC-2026-0003/rev-1.pdf', { expiresInSeconds: 60, fileName: 'a.pdf', contentType: 'application/pdf' })).toBeNull();
    // The file sits under the root, not in a public place.
    expect(await readFile(path.join(localRoot, 'docs/2026/11/DOC-2026-0003/rev-1.pdf'), 'utf8')).toBe('%PDF');
  });

  it('a presigned URL downloads it with its name and type, until it expires', async () => {
    const storage = drivers.s3();
    const key = 'docs/2026/11/DOC-2026-0004/rev-1.pdf';
    await storage.put(key, Buffer.from('%PDF-1.7 certificado'), { contentType: 'application/pdf' });

    const url = await storage.presignedDownloadUrl(key, { expiresInSeconds: 2, fileName: 'Certificado válvula "A".pdf', contentType: 'application/pdf' });
    const download = await fetch(url!);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('%PDF-1.7 certificado');
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(attachmentDisposition('Certificado válvula "A".pdf'));

    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const late = await fetch(url!);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('Request has expired');
  });
});

describe('the download name', () => {
  it('is quoted safely whatever the uploaded name holds, and exact in filename*', () => {
    expect(attachmentDisposition('Plano bomba Nº3.pdf')).toBe(`attachment; filename="Plano bomba No3.pdf"; filename*=UTF-8''Plano%20bomba%20N%C2%BA3.pdf`);
    const hostile = attachmentDisposition('a"; filename="evil.exe\r\n.pdf');
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile).toBe(`attachment; filename="a__ filename=_evil.exe.pdf"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.exe%0D%0A.pdf`);
  });
});

