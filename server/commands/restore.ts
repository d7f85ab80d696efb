// `npm run restore -- <backup folder>`: puts a backup of `npm run backup` into the EMPTY database of
// DATABASE_URL (or the embedded one under DATA_DIR) and the EMPTY storage the settings name, verifying every
// hash; refuses, restoring nothing, when either holds anything or the backup does not match its manifest.
// Exit code 0: restored and verified; 2: restored, with warnings to read (files already missing when the
// backup was taken, signatures that do not match their file); 1: nothing restored.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createStorage } from '../../integrations/storage/index.js';
import { knownMigrations } from '../backup/application.js';
import { BackupError } from '../backup/backup-error.js';
import { runBackupCommand } from '../backup/command.js';
import { restoreBackup } from '../backup/restore-backup.js';
import { loadConfigOrExit, postgresBinDir } from '../config.js';
import { openDatabaseForCli } from '../database.js';

const code = await runBackupCommand(async () => {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, strict: true });
  if (positionals.length !== 1)
    throw new BackupError('Which backup? Give one backup folder.', 'Run: npm run restore -- backups/cmms-backup-<date>-<time>Z (the folder `npm run backup` printed).');
  const config = loadConfigOrExit();
  const database = await openDatabaseForCli();
  try {
    const report = await restoreBackup({
      backupDir: path.resolve(positionals[0]!),
      databaseUrl: database.url,
      storage: createStorage(config),
      storageDescription: config.storage.driver === 's3' ? `s3://${config.storage.bucket} at ${config.storage.endpoint}` : path.resolve(config.dataDir, 'files'),
      pgBinDir: postgresBinDir(),
      knownMigrations: await knownMigrations(),
      log: (line) => console.log(line),
    });
    console.log(`  database: ${report.tables} tables, ${report.rows} rows, every table's count as in the backup`);
    console.log(`  files: ${report.files} (${report.bytes} bytes), every SHA-256 as in the manifest`);
    console.log(`  signatures: ${report.signatures.matching} of ${report.signatures.total} match their restored file`);
    if (report.pendingMigrations.length)
      console.log(`  ${report.pendingMigrations.length} migration(s) newer than the backup will be applied when the application starts (or run npm run db:migrate).`);
    const missing = report.manifest.storage.missing;
    if (missing.length)
      console.warn(`WARNING: ${missing.length} file(s) the database names were already missing from the storage when the backup was taken, so they are not restored either: ${missing.slice(0, 5).map((m) => m.key).join(', ')}${missing.length > 5 ? ', …' : ''} (manifest.json, storage.missing).`);
    const unverified = report.signatures.total - report.signatures.matching;
    if (unverified)
      console.warn(`WARNING: ${unverified} signature(s) do not match their file: those files had changed before the backup was taken (manifest.json lists them under storage.changedSinceUpload); "Verificar" on the document shows which.`);
    console.log('Restore complete.');
    return unverified || missing.length ? 2 : 0;
  } finally {
    await database.close();
  }
});
process.exit(code);
