// The stored files the database names: what a backup copies and a restore puts back. A module that keeps
// files in the storage under a key held in a column adds its query here; files no row names (temporary
// exports, uploads newer than the backup's snapshot) are left out and counted in the manifest, so a
// forgotten module shows up there as "left out" rather than silently.
import type pg from 'pg';

export interface StoredFileReference {
  key: string;
  table: string;
  /** The SHA-256 the database recorded for it, where it keeps one (document revisions). */
  recordedSha256: string | null;
}

const REFERENCES_SQL = `
  SELECT file_key AS key, 'document_revisions' AS table_name, sha256 AS recorded_sha256 FROM document_revisions
  UNION ALL
  -- import workbooks and error reports, until the retention clean-up removes them (files_removed_at)
  SELECT file_key, 'import_runs', NULL FROM import_runs WHERE files_removed_at IS NULL
  UNION ALL
  SELECT error_report_key, 'import_runs', NULL FROM import_runs WHERE files_removed_at IS NULL AND error_report_key IS NOT NULL`;

/** Each key once (an import and its preview share their workbook), in key order. */
export async function listStoredFileReferences(client: pg.ClientBase): Promise<StoredFileReference[]> {
  const { rows } = await client.query<{ key: string; table_name: string; recorded_sha256: string | null }>(REFERENCES_SQL);
  const byKey = new Map<string, StoredFileReference>();
  for (const row of rows)
    if (!byKey.has(row.key)) byKey.set(row.key, { key: row.key, table: row.table_name, recordedSha256: row.recorded_sha256?.trim() ?? null });
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
