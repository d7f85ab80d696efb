// Helpers shared by backup and restore for moving many stored files.
import { BackupError } from './backup-error.js';

/** Runs `work` on every item, at most `limit` at a time; the first failure stops the rest. */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function storageUnreadable(error: unknown): BackupError {
  if (error instanceof BackupError) return error;
  return new BackupError(
    `The storage could not be read: ${(error as Error).message ?? String(error)}.`,
    'Check the storage settings (STORAGE_DRIVER and DATA_DIR, or S3_ENDPOINT, S3_BUCKET and its keys) and that the storage is reachable, then run the command again.',
  );
}
