// Faults with real processes: the back office started as `npm start` starts it (a child process against a
// DATABASE_URL), killed with SIGKILL, and held in the middle of a request by a PostgreSQL lock that the
// test takes on its own connection (the server's transaction waits on it, for real, until the kill).
import type { ChildProcess } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { TEST_ADMIN, TEST_SESSION_SECRET } from './back-office.js';
import { startMain, type StartedProcess } from './process.js';

/** The web process on `port` (the same port again after a restart, so a browser's cookies still apply). */
export function startWebProcess(env: { DATABASE_URL: string; DATA_DIR: string; PORT: string } & Record<string, string>): Promise<StartedProcess> {
  return startMain(
    {
      SESSION_SECRET: TEST_SESSION_SECRET,
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      LOG_LEVEL: 'info',
      ...env,
    },
    120_000,
  );
}

/** `kill -9`: no handler runs, nothing is flushed or rolled back by the process itself. */
export async function killHard(child: ChildProcess): Promise<NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null) throw new Error('the process had already ended before the kill');
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  child.kill('SIGKILL');
  return exited;
}

/** Polls `probe` until it answers something truthy; the deadline is generous for a loaded machine. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export interface HeldLock {
  /** The test's own backend: the server's backend waits on it. */
  pid: number;
  release(): Promise<void>;
}

/** Opens a transaction on a connection of the test's own and runs `sql` in it (a row lock, an insert). */
export async function holdLock(pool: pg.Pool, sql: string, values: unknown[] = []): Promise<HeldLock> {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query(sql, values);
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  let released = false;
  return {
    pid: rows[0]!.pid,
    release: async () => {
      if (released) return;
      released = true;
      await client.query('ROLLBACK');
      client.release();
    },
  };
}

export interface BlockedBackend {
  pid: number;
  query: string;
  /** Tables the blocked transaction has already written to (it holds ROW EXCLUSIVE on them). */
  written: string[];
}

/**
 * Waits until a backend of the back office whose statement matches `query` waits on `lock` (other
 * backends may wait on it too: the queue's own maintenance), and says what its transaction has written.
 */
export async function blockedOn(pool: pg.Pool, lock: HeldLock, options: { query: RegExp; timeoutMs?: number }): Promise<BlockedBackend> {
  const waiting = async () =>
    (await pool.query<{ pid: number; query: string }>('SELECT pid, query FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [lock.pid])).rows;
  const blocked = await until(`a statement matching ${options.query} to wait on the test's lock`, async () => (await waiting()).find((row) => options.query.test(row.query)), options.timeoutMs ?? 60_000).catch(async (error: Error) => {
    const others = (await waiting()).map((row) => row.query.slice(0, 200));
    throw new Error(`${error.message}; waiting on it: ${others.length ? others.join(' | ') : 'nothing'}`);
  });
  const { rows } = await pool.query<{ relname: string }>(
    `SELECT DISTINCT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
     WHERE l.pid = $1 AND l.mode = 'RowExclusiveLock' AND l.granted AND c.relkind IN ('r', 'p') ORDER BY 1`,
    [blocked.pid],
  );
  return { ...blocked, written: rows.map((r) => r.relname) };
}

/** After the kill the server's backend lingers until it next reads its socket: wait until it is gone. */
export function backendGone(pool: pg.Pool, pid: number): Promise<true> {
  return until(`backend ${pid} to end`, async () => {
    const { rows } = await pool.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
    return rows.length === 0;
  });
}

/** Bytes of uploads a web process started with TMPDIR=`tmpDir` is receiving now (its busboy copies). */
export async function uploadBytesIn(tmpDir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(tmpDir).catch(() => [])) {
    if (!entry.startsWith('cmms-upload-')) continue;
    total += await stat(path.join(tmpDir, entry, 'upload')).then((s) => s.size, () => 0);
  }
  return total;
}
