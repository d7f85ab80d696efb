// A revision's file is stored before its row is committed (the row must name a file that exists), so a
// process killed between the two leaves a file under docs/ that no revision names. A retry of the upload
// stores the same key again; if none comes, the daily clean-up removes the file once it is old enough
// that no upload can still be recording it.
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { Db } from '../../prisma/client.js';

export const DOCUMENT_FILES_PREFIX = 'docs/';

/** An upload takes seconds to record; a file this old that no revision names was never recorded. */
export const ORPHAN_GRACE_HOURS = 24;

/** Removes stored files under docs/ older than the grace period that no revision names; returns how many. */
export async function removeOrphanDocumentFiles(prisma: Db, storage: ObjectStorage, now = new Date()): Promise<number> {
  const cutoff = now.getTime() - ORPHAN_GRACE_HOURS * 3_600_000;
  let removed = 0;
  let batch: string[] = [];
  const sweep = async () => {
    const named = await prisma.documentRevision.findMany({ where: { fileKey: { in: batch } }, select: { fileKey: true } });
    const kept = new Set(named.map((r) => r.fileKey));
    for (const key of batch)
      if (!kept.has(key)) {
        await storage.delete(key);
        removed++;
      }
    batch = [];
  };
  for await (const object of storage.list(DOCUMENT_FILES_PREFIX)) {
    if (object.lastModified.getTime() >= cutoff) continue;
    batch.push(object.key);
    if (batch.length === 1_000) await sweep();
  }
  if (batch.length) await sweep();
  return removed;
}
