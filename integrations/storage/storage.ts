// One storage interface, two drivers: local disk (embedded default) and S3-compatible (MinIO in production).
// Keys are POSIX-like paths laid out by module and date, e.g. docs/2026/11/DOC-2026-0123/rev-2.pdf.
import type { Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  size: number;
  lastModified: Date;
}

export interface DownloadOptions {
  /** How long the URL works, in seconds. */
  expiresInSeconds: number;
  /** The name the browser saves the file under (Content-Disposition). */
  fileName: string;
  contentType: string;
}

export interface ObjectStorage {
  readonly driver: 'local' | 's3';
  put(key: string, body: Buffer | Readable, options?: { contentType?: string }): Promise<void>;
  get(key: string): Promise<Readable>;
  /** Size (and content type, where the driver keeps it) of a stored object; null when there is none. */
  head(key: string): Promise<{ size: number; contentType?: string } | null>;
  /** A short-lived URL that downloads the object directly from the store, or null when the driver has
   * none (local disk: files are always streamed through the authorising route). */
  presignedDownloadUrl(key: string, options: DownloadOptions): Promise<string | null>;
  delete(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<StoredObject>;
  /** Throws, with a reason, when the storage cannot be used right now. */
  check(): Promise<void>;
}

/** A write the store could not take: unreachable (network, the store down or failing) or full (no space). */
export class StorageFailure extends Error {
  constructor(
    readonly reason: 'unreachable' | 'full',
    cause: unknown,
  ) {
    super(`file storage ${reason}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StorageFailure';
  }
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

/** An RFC 6266 Content-Disposition value that is safe whatever the stored name holds: an ASCII fallback
 * without quotes, slashes or control characters, and the exact name percent-encoded as filename*. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\/;%]/g, '_').trim() || 'archivo';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
