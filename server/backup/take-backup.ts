// `npm run backup`: the database and the stored files as of one moment. The database is read in one
// exported snapshot (REPEATABLE READ): pg_dump imports it (--snapshot), and the row counts and the list of
// stored files the database names are read in that same snapshot. Exactly those files are copied, so a file
// uploaded while the dump runs (its row is not in the snapshot) is left out, and every row of the dump
// finds its file. Stored files are never rewritten under the same key (a new revision gets a new key), so
// copying them after the snapshot copies what the snapshot's rows name.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import { BackupError } from './backup-error.js';
import { countRows, migrationLevel, serverVersion } from './database-facts.js';
import { backupPathOf, DUMP_FILE, hashingStream, MANIFEST_FILE, MANIFEST_FORMAT, type Manifest, type ManifestFile } from './manifest.js';
import { runTool, toolConnection } from './pg-connection.js';
import { findPostgresTool } from './postgres-tools.js';
import { listStoredFileReferences, type StoredFileReference } from './stored-file-references.js';
import { forEachConcurrently, storageUnreadable } from './storage-copy.js';

export interface BackupOptions {
  databaseUrl: string;
  storage: ObjectStorage;
  /** The folder the backup's own folder is created in. */
  parentDir: string;
  pgBinDir?: string;
  app: { name: string; version: string };
  log?: (line: string) => void;
  now?: Date;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
  /** Lines the operator must read (files missing or changed): the backup is written, but not clean. */
  warnings: string[];
}

export async function takeBackup(options: BackupOptions): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const createdAt = options.now ?? new Date();
  const name = `cmms-backup-${createdAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-')}`;
  const dir = path.resolve(options.parentDir, name);
  const partial = `${dir}.partial`;
  if (await stat(dir).catch(() => null))
    throw new BackupError(`${dir} already exists.`, 'Wait a second and run the backup again, or give another folder with --to.');

  const snapshot = new pg.Client({ connectionString: options.databaseUrl, application_name: 'energy-cmms backup' });
  await snapshot.connect().catch((error: Error) => {
    throw new BackupError(`Cannot connect to the database: ${error.message}.`, 'Check DATABASE_URL and that the database is running, then run the backup again.');
  });
  try {
    await snapshot.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const snapshotId = (await snapshot.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const server = await serverVersion(snapshot);
    const pgDump = await findPostgresTool('pg_dump', server.major, {
      binDir: options.pgBinDir,
      why: `the database server runs PostgreSQL ${server.version}, and pg_dump refuses a server newer than itself`,
    });
    await mkdir(partial, { recursive: true });
    log(`Backing up the database (PostgreSQL ${server.version}, with ${pgDump.path} ${pgDump.version}) and the stored files into ${dir}`);

    // pg_dump writes to our pipe: the dump is hashed as it is written.
    const connection = toolConnection(options.databaseUrl);
    const dump = runTool(pgDump.path, ['--format=custom', `--snapshot=${snapshotId}`, '--no-password', `--dbname=${connection.dbname}`], connection.env);
    const dumpHash = hashingStream();
    const dumped = Promise.all([pipeline(dump.stdout, dumpHash, createWriteStream(path.join(partial, DUMP_FILE))), dump.finished]).then(([, exit]) => exit);
    // Meanwhile, in the same snapshot: counts, migration level and the files to copy.
    const readFacts = async () => ({ rowCounts: await countRows(snapshot), migrations: await migrationLevel(snapshot), references: await listStoredFileReferences(snapshot) });
    const [exit, { rowCounts, migrations, references }] = await Promise.all([dumped, readFacts()]).catch((error: unknown) => {
      dump.stop();
      throw error;
    });
    if (exit.code !== 0)
      throw new BackupError(`pg_dump failed (exit code ${exit.code}):\n${exit.stderr}`, 'Read pg_dump\'s message above, correct what it names, and run the backup again.');
    await snapshot.query('COMMIT');
    const dumpFacts = dumpHash.digest();
    log(`  database: ${Object.keys(rowCounts).length} tables, ${Object.values(rowCounts).reduce((a, b) => a + b, 0)} rows, dump of ${dumpFacts.size} bytes`);

    const copied = await copyStoredFiles(options.storage, references, partial);
    const leftOut = await countLeftOut(options.storage, new Set(references.map((r) => r.key)));
    log(`  files: ${copied.files.length} copied (${copied.files.reduce((a, f) => a + f.size, 0)} bytes); ${leftOut.count} in the storage named by no row were left out`);

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      formatVersion: 1,
      createdAt: createdAt.toISOString(),
      app: options.app,
      database: {
        server,
        pgDump: { version: pgDump.version, major: pgDump.major },
        dump: { file: DUMP_FILE, ...dumpFacts },
        snapshot: snapshotId,
        migrations,
        rowCounts,
      },
      storage: { driver: options.storage.driver, files: copied.files, missing: copied.missing, changedSinceUpload: copied.changed, leftOut },
    };
    await writeFile(path.join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(partial, dir);
    const warnings = [
      ...copied.missing.map((m) => `The database names ${m.key} (${m.table}), but the storage does not hold it: it is not in this backup.`),
      ...copied.changed.map((c) => `${c.key} no longer has the SHA-256 recorded at its upload (${c.recorded}); it was copied as it is now (${c.stored}), and its signatures will not verify.`),
    ];
    return { dir, manifest, warnings };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await snapshot.end().catch(() => {});
  }
}

async function copyStoredFiles(storage: ObjectStorage, references: StoredFileReference[], backupDir: string) {
  const files: ManifestFile[] = [];
  const missing: Manifest['storage']['missing'] = [];
  const changed: Manifest['storage']['changedSinceUpload'] = [];
  await forEachConcurrently(references, 4, async (reference) => {
    const target = backupPathOf(backupDir, reference.key);
    await mkdir(path.dirname(target), { recursive: true });
    const hash = hashingStream();
    try {
      await pipeline(await storage.get(reference.key), hash, createWriteStream(target));
    } catch (error) {
      // Gone (the import clean-up ran meanwhile, or the storage lost it) or unreadable (the storage is down).
      const present = await storage.head(reference.key).catch(() => {
        throw storageUnreadable(error);
      });
      if (present) throw storageUnreadable(error);
      await rm(target, { force: true });
      missing.push({ key: reference.key, table: reference.table });
      return;
    }
    const { sha256, size } = hash.digest();
    files.push({ key: reference.key, size, sha256, table: reference.table });
    if (reference.recordedSha256 && reference.recordedSha256 !== sha256) changed.push({ key: reference.key, recorded: reference.recordedSha256, stored: sha256 });
  });
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return { files: files.sort(byKey), missing: missing.sort(byKey), changed: changed.sort(byKey) };
}

async function countLeftOut(storage: ObjectStorage, referenced: Set<string>): Promise<Manifest['storage']['leftOut']> {
  const leftOut: Manifest['storage']['leftOut'] = { count: 0, bytes: 0, byPrefix: {} };
  try {
    for await (const object of storage.list('')) {
      if (referenced.has(object.key)) continue;
      const prefix = object.key.split('/').slice(0, 2).join('/');
      leftOut.count++;
      leftOut.bytes += object.size;
      leftOut.byPrefix[prefix] = (leftOut.byPrefix[prefix] ?? 0) + 1;
    }
  } catch (error) {
    throw storageUnreadable(error);
  }
  return leftOut;
}
