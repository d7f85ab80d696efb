// `npm run restore`: a backup put back into an EMPTY database and an EMPTY storage, or nothing at all.
// Everything that can be checked before writing is checked first (the manifest, the versions, that both
// targets are empty, the dump's SHA-256). The files go in next, each hashed as it is copied; then the
// database in one transaction (pg_restore --single-transaction). A mismatch or a failure of either step
// removes the files already put (the storage was empty), so a refused restore leaves both targets empty.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import { BackupError } from './backup-error.js';
import { countRows, existingRelations, migrationLevel, serverVersion } from './database-facts.js';
import { backupPathOf, DUMP_FILE, hashFile, hashingStream, readManifest, type Manifest } from './manifest.js';
import { runTool, toolConnection } from './pg-connection.js';
import { findPostgresTool } from './postgres-tools.js';
import { forEachConcurrently, storageUnreadable } from './storage-copy.js';

export interface RestoreOptions {
  backupDir: string;
  databaseUrl: string;
  storage: ObjectStorage;
  /** Where the storage is, for messages: a folder, or an S3 bucket. */
  storageDescription: string;
  pgBinDir?: string;
  /** The migrations this version of the application knows (prisma/migrations). */
  knownMigrations: string[];
  log?: (line: string) => void;
}

export interface RestoreReport {
  manifest: Manifest;
  tables: number;
  rows: number;
  files: number;
  bytes: number;
  /** Signatures of document revisions whose hash equals the restored file's. */
  signatures: { total: number; matching: number };
  /** Migrations this application will apply to the restored database (it is older than the application). */
  pendingMigrations: string[];
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const log = options.log ?? (() => {});
  const manifest = await readManifest(options.backupDir);
  const latest = manifest.database.migrations.latest;
  if (latest && !options.knownMigrations.includes(latest))
    throw new BackupError(
      `This backup's database went as far as migration ${latest}, which this version of the application does not know.`,
      `Restore it with Energy CMMS ${manifest.app.version} (the version that took it) or newer.`,
    );

  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'energy-cmms restore' });
  await client.connect().catch((error: Error) => {
    throw new BackupError(`Cannot connect to the database: ${error.message}.`, 'Check DATABASE_URL and that the database is running, then run the restore again.');
  });
  try {
    const server = await serverVersion(client);
    if (server.major < manifest.database.server.major)
      throw new BackupError(
        `The backup was taken from PostgreSQL ${manifest.database.server.version}; this database runs ${server.version}, an older major version.`,
        `Restore into PostgreSQL ${manifest.database.server.major} or newer.`,
      );
    const pgRestore = await findPostgresTool('pg_restore', manifest.database.pgDump.major, {
      binDir: options.pgBinDir,
      why: `the dump was written by pg_dump ${manifest.database.pgDump.version}, and pg_restore cannot read an archive of a newer pg_dump`,
    });

    const existing = await existingRelations(client);
    if (existing.count)
      throw new BackupError(
        `The database ${client.database} is not empty: it holds ${existing.count} tables, views or sequences (${existing.examples.join(', ')}${existing.count > existing.examples.length ? ', …' : ''}). Nothing was restored.`,
        'A restore only goes into an empty database, so that nothing is mixed or overwritten: create one (e.g. `createdb cmms_restored`, or CREATE DATABASE in psql) and point DATABASE_URL at it.',
      );
    const present = await firstStoredObject(options.storage);
    if (present)
      throw new BackupError(
        `The storage ${options.storageDescription} is not empty: it holds ${present} (and maybe more). Nothing was restored.`,
        'A restore only goes into an empty storage: point DATA_DIR at a new folder (local storage), or S3_BUCKET at a new, empty bucket.',
      );

    const dumpFile = path.join(options.backupDir, DUMP_FILE);
    const dump = await hashFile(dumpFile).catch(() => null);
    if (!dump || dump.sha256 !== manifest.database.dump.sha256 || dump.size !== manifest.database.dump.size)
      throw new BackupError(
        dump
          ? `${DUMP_FILE} does not match the manifest: SHA-256 ${dump.sha256} (${dump.size} bytes), the manifest says ${manifest.database.dump.sha256} (${manifest.database.dump.size} bytes). Nothing was restored.`
          : `${dumpFile} is missing or unreadable. Nothing was restored.`,
        'The backup is damaged or was altered: restore another backup (or the same one from its off-site copy).',
      );
    log(`Restoring ${options.backupDir} (taken ${manifest.createdAt} by Energy CMMS ${manifest.app.version}) into ${client.database} and ${options.storageDescription}`);

    const put: string[] = [];
    try {
      await putFiles(options, manifest, put);
      const connection = toolConnection(options.databaseUrl);
      const restore = runTool(
        pgRestore.path,
        ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', '--no-password', `--dbname=${connection.dbname}`, dumpFile],
        connection.env,
      );
      restore.stdout.resume();
      const exit = await restore.finished;
      if (exit.code !== 0)
        throw new BackupError(
          `pg_restore failed (exit code ${exit.code}) and its transaction was rolled back; the files put into the storage were removed. Nothing was restored.\n${exit.stderr}`,
          'Read pg_restore\'s message above (a missing extension or role must be created first), correct it, and run the restore again.',
        );
    } catch (error) {
      await removeFiles(options.storage, put);
      throw error;
    }

    return await checkRestored(client, manifest, options.knownMigrations);
  } finally {
    await client.end().catch(() => {});
  }
}

async function firstStoredObject(storage: ObjectStorage): Promise<string | null> {
  try {
    for await (const object of storage.list('')) return object.key;
    return null;
  } catch (error) {
    throw storageUnreadable(error);
  }
}

/** Puts every file of the backup, hashing it on the way; on a mismatch stops putting but keeps checking,
 * so the refusal names every damaged file. */
async function putFiles(options: RestoreOptions, manifest: Manifest, put: string[]): Promise<void> {
  const problems: string[] = [];
  await forEachConcurrently(manifest.storage.files, 4, async (file) => {
    const source = backupPathOf(options.backupDir, file.key);
    if (!(await stat(source).catch(() => null))) {
      problems.push(`${file.key}: missing from the backup`);
      return;
    }
    if (problems.length) {
      const found = await hashFile(source);
      if (found.sha256 !== file.sha256 || found.size !== file.size) problems.push(mismatch(file, found));
      return;
    }
    const hash = hashingStream();
    const reading = createReadStream(source);
    reading.once('error', (error) => hash.destroy(error));
    put.push(file.key);
    await options.storage.put(file.key, reading.pipe(hash)).catch((error: unknown) => {
      throw storageUnreadable(error);
    });
    const found = hash.digest();
    if (found.sha256 !== file.sha256 || found.size !== file.size) problems.push(mismatch(file, found));
  });
  if (problems.length)
    throw new BackupError(
      `${problems.length} stored file(s) of the backup do not match the manifest; the files already put were removed and the database was not touched. Nothing was restored.\n${problems.sort().map((p) => `  - ${p}`).join('\n')}`,
      'The backup is damaged or was altered: restore another backup (or the same one from its off-site copy).',
    );
}

function mismatch(file: { key: string; sha256: string; size: number }, found: { sha256: string; size: number }): string {
  return `${file.key}: SHA-256 ${found.sha256} (${found.size} bytes), the manifest says ${file.sha256} (${file.size} bytes)`;
}

async function removeFiles(storage: ObjectStorage, keys: string[]): Promise<void> {
  await forEachConcurrently(keys, 4, (key) => storage.delete(key).catch(() => undefined));
}

async function checkRestored(client: pg.Client, manifest: Manifest, knownMigrations: string[]): Promise<RestoreReport> {
  const counts = await countRows(client);
  const expected = manifest.database.rowCounts;
  const differences = [...new Set([...Object.keys(expected), ...Object.keys(counts)])]
    .filter((table) => expected[table] !== counts[table])
    .map((table) => `${table}: ${counts[table] ?? 'absent'} restored, ${expected[table] ?? 'absent'} in the backup`);
  if (differences.length)
    throw new BackupError(
      `The restored database does not hold what the backup counted:\n${differences.map((d) => `  - ${d}`).join('\n')}`,
      'Do not use this database: drop it, and report this with the backup\'s manifest.json.',
    );

  const hashes = new Map(manifest.storage.files.map((f) => [f.key, f.sha256]));
  const { rows } = await client.query<{ sha256: string; file_key: string }>(
    `SELECT s.sha256, r.file_key FROM document_signatures s JOIN document_revisions r ON r.id = s.revision_id`,
  );
  const level = await migrationLevel(client);
  return {
    manifest,
    tables: Object.keys(counts).length,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
    files: manifest.storage.files.length,
    bytes: manifest.storage.files.reduce((a, f) => a + f.size, 0),
    signatures: { total: rows.length, matching: rows.filter((r) => hashes.get(r.file_key) === r.sha256.trim()).length },
    pendingMigrations: knownMigrations.filter((name) => !level.latest || name > level.latest),
  };
}
