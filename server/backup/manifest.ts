// manifest.json of a backup folder: what the backup holds and the SHA-256 of every part, so a restore can
// prove it puts back exactly what was taken. The folder:
//   manifest.json     this file (written last: a folder without it is an unfinished backup)
//   database.dump     pg_dump --format=custom of the whole database, in one snapshot
//   files/<key>       every stored file the database names in that snapshot, under its storage key
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { assertValidKey } from '../../integrations/storage/storage.js';
import { BackupError } from './backup-error.js';

export const MANIFEST_FILE = 'manifest.json';
export const DUMP_FILE = 'database.dump';
export const FILES_DIR = 'files';
export const MANIFEST_FORMAT = 'energy-cmms-backup';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const storageKey = z.string().refine((key) => {
  try {
    assertValidKey(key);
    return true;
  } catch {
    return false;
  }
}, 'is not a storage key');

const storedFile = z.object({
  key: storageKey,
  size: z.number().int().min(0),
  sha256,
  /** The table that names it (document_revisions, import_runs...). */
  table: z.string(),
});

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  database: z.object({
    server: z.object({ version: z.string(), major: z.number().int() }),
    pgDump: z.object({ version: z.string(), major: z.number().int() }),
    dump: z.object({ file: z.literal(DUMP_FILE), size: z.number().int().min(0), sha256 }),
    /** The snapshot the dump, the counts and the file list were all read in. */
    snapshot: z.string(),
    migrations: z.object({ applied: z.number().int(), latest: z.string().nullable() }),
    /** Rows of every table in the snapshot, by schema.table. */
    rowCounts: z.record(z.string(), z.number().int().min(0)),
  }),
  storage: z.object({
    driver: z.enum(['local', 's3']),
    files: z.array(storedFile),
    /** Named by the database but absent from the storage when the backup copied it. */
    missing: z.array(z.object({ key: z.string(), table: z.string() })),
    /** Document revisions whose stored file no longer has the SHA-256 recorded at upload. */
    changedSinceUpload: z.array(z.object({ key: z.string(), recorded: sha256, stored: sha256 })),
    /** Objects in the storage that no row of the snapshot names (temporary exports, uploads newer than the snapshot). */
    leftOut: z.object({ count: z.number().int().min(0), bytes: z.number().int().min(0), byPrefix: z.record(z.string(), z.number().int()) }),
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof storedFile>;

export async function readManifest(backupDir: string): Promise<Manifest> {
  const file = path.join(backupDir, MANIFEST_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
      throw new BackupError(
        `${backupDir} is not a finished backup: it holds no ${MANIFEST_FILE}.`,
        `Give the folder that \`npm run backup\` printed when it finished (it holds ${MANIFEST_FILE}, ${DUMP_FILE} and ${FILES_DIR}/); a folder ending in .partial is a backup that did not finish.`,
      );
    throw error;
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError(`${file} is not valid JSON.`, 'The backup is damaged: restore another backup.');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new BackupError(
      `${file} is not a manifest of an Energy CMMS backup this version reads: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'manifest'} ${i.message}`).join('; ')}.`,
      'Restore it with the version of the application that wrote it (its manifest names it under app.version), or restore another backup.',
    );
  return parsed.data;
}

/** The path of a stored file inside the backup folder (keys are checked: they cannot leave files/). */
export function backupPathOf(backupDir: string, key: string): string {
  assertValidKey(key);
  return path.join(backupDir, FILES_DIR, ...key.split('/'));
}

export { hashingStream } from '../../domain/documents/hashing-stream.js';

export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}
