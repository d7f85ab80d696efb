// Which pg_dump / pg_restore the backup commands take when several PostgreSQL versions are installed:
// small scripts stand in for the tools of versions this machine lacks, answering --version as they do.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError } from '../server/backup/backup-error.js';
import { findPostgresTool } from '../server/backup/postgres-tools.js';

let root: string;
const dirOf = (version: string) => path.join(root, `pg-${version}`);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'cmms-pg-tools-'));
  for (const version of ['14.12', '16.4', '17.2']) {
    await mkdir(dirOf(version));
    const script = path.join(dirOf(version), 'pg_dump');
    await writeFile(script, `#!/bin/sh\necho "pg_dump (PostgreSQL) ${version}"\n`);
    await chmod(script, 0o755);
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

const search = (...versions: string[]) => ({ why: 'the server runs PostgreSQL 16', searchPath: versions.map(dirOf).join(path.delimiter) });

describe('picking pg_dump for a server', () => {
  it('takes the lowest major at least the server\'s, so the archive stays readable by as many pg_restore as possible', async () => {
    const tool = await findPostgresTool('pg_dump', 16, search('17.2', '14.12', '16.4'));
    expect(tool).toMatchObject({ path: path.join(dirOf('16.4'), 'pg_dump'), version: '16.4', major: 16 });
  });

  it('looks only in PG_BIN_DIR when it is set, and says what it found there', async () => {
    const error = await findPostgresTool('pg_dump', 16, { ...search('17.2'), binDir: dirOf('14.12') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).message).toContain(`pg_dump 16 or newer is needed: the server runs PostgreSQL 16. Found only pg_dump 14.12 (${path.join(dirOf('14.12'), 'pg_dump')}).`);
    expect((error as BackupError).whatToDo).toContain('postgresql-client-16');
    expect((error as BackupError).whatToDo).toContain('set PG_BIN_DIR');
  });

  it('names the version to install when no pg_dump at all is found', async () => {
    const error = await findPostgresTool('pg_restore', 18, { why: 'the dump was written by pg_dump 18.1', binDir: path.join(root, 'nowhere') }).catch((e: unknown) => e);
    expect((error as BackupError).message).toContain(`No pg_restore was found in PG_BIN_DIR=${path.join(root, 'nowhere')}.`);
    expect((error as BackupError).whatToDo).toContain('postgresql-client-18');
  });
});
