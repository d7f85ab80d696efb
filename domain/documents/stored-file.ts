// The SHA-256 of a revision's file as it is in the store right now (not as the database remembers it).
import { createHash } from 'node:crypto';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import { documentRefused } from './errors.js';

export async function hashStoredFile(storage: ObjectStorage, key: string): Promise<string> {
  if (!(await storage.head(key))) throw documentRefused('storedFileMissing', { key });
  const hash = createHash('sha256');
  for await (const chunk of await storage.get(key)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
