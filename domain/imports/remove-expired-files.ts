// Uploaded workbooks and error reports are kept under imports/ in storage for a number of days
// (IMPORT_FILE_RETENTION_DAYS), long enough to download them again or to import a previewed file, then
// removed by the daily clean-up job. The ImportRun stays, with its counts, errors and history; it only
// records when its files went (files_removed_at).
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { Db } from '../../prisma/client.js';

export const IMPORT_FILES_PREFIX = 'imports/';

const DAY_MS = 86_400_000;

export interface RemovedImportFiles {
  /** Runs whose file and error report were removed. */
  runs: number;
  /** Objects deleted from storage, run files and orphans alike. */
  objects: number;
}

/**
 * Removes the files of finished runs older than the retention, unless a newer run (an "Importar" after
 * a preview) still uses the same file, and any object under imports/ older than the retention that no
 * kept run names (an upload whose run was never created). 0 days keeps everything.
 */
export async function removeExpiredImportFiles(prisma: Db, storage: ObjectStorage, retentionDays: number, now = new Date()): Promise<RemovedImportFiles> {
  if (retentionDays <= 0) return { runs: 0, objects: 0 };
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const expired = await prisma.$queryRaw<{ id: number; file_key: string; error_report_key: string | null }[]>`
    SELECT r.id, r.file_key, r.error_report_key FROM import_runs r
    WHERE r.files_removed_at IS NULL AND r.state IN ('SUCCEEDED', 'PARTIAL', 'FAILED') AND coalesce(r.finished_at, r.created_at) < ${cutoff}
      AND NOT EXISTS (
        SELECT 1 FROM import_runs other
        WHERE other.file_key = r.file_key AND other.files_removed_at IS NULL
          AND (other.state NOT IN ('SUCCEEDED', 'PARTIAL', 'FAILED') OR coalesce(other.finished_at, other.created_at) >= ${cutoff}))
    ORDER BY r.id`;
  let objects = 0;
  const deleted = new Set<string>();
  for (const run of expired) {
    for (const key of [run.file_key, run.error_report_key]) {
      if (!key || deleted.has(key)) continue;
      await storage.delete(key);
      deleted.add(key);
      objects++;
    }
    await prisma.importRun.update({ where: { id: run.id }, data: { filesRemovedAt: now } });
  }
  // Orphans: stored under imports/ before the cutoff and named by no run that keeps its files.
  const old: string[] = [];
  for await (const object of storage.list(IMPORT_FILES_PREFIX)) if (object.lastModified < cutoff && !deleted.has(object.key)) old.push(object.key);
  for (let i = 0; i < old.length; i += 1_000) {
    const keys = old.slice(i, i + 1_000);
    const kept = await prisma.$queryRaw<{ key: string }[]>`
      SELECT file_key AS key FROM import_runs WHERE files_removed_at IS NULL AND file_key = ANY(${keys})
      UNION SELECT error_report_key FROM import_runs WHERE files_removed_at IS NULL AND error_report_key = ANY(${keys})`;
    const named = new Set(kept.map((k) => k.key));
    for (const key of keys)
      if (!named.has(key)) {
        await storage.delete(key);
        objects++;
      }
  }
  return { runs: expired.length, objects };
}
