// One storage interface, two drivers: local disk (embedded default) and S3-compatible (MinIO in production).
// Keys are POSIX-like paths laid out by module and date, e.g. docs/2026/11/DOC-2026-0123/rev-2.pdf.
import type { Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  size: number;
  lastModified: Date;
}

export interface ObjectStorage {
  readonly driver: 'local' | 's3';
  put(key: string, body: Buffer | Readable, options?: { contentType?: string }): Promise<void>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<StoredObject>;
  /** Throws, with a reason, when the storage cannot be used right now. */
  check(): Promise<void>;
}

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Invalid storage key "${key}": use relative paths of letters, digits, '-', '_', '.' and '/'`);
    this.name = 'InvalidStorageKeyError';
  }
}

const KEY_PATTERN = /^(?!\/)(?!.*\/\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._\-/]+$/;

export function assertValidKey(key: string): void {
  if (key.length > 512 || !KEY_PATTERN.test(key)) throw new InvalidStorageKeyError(key);
}
