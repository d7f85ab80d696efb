// The back office under test as it runs in production: `npm start`'s entry point in a process of its own
// (or several, WEB_CONCURRENCY), against the benchmark's PostgreSQL, logging at info to a file the
// benchmark reads the server's own request timings from.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { openSync, closeSync } from 'node:fs';
import { freePort } from '../../server/embedded-postgres.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  url: string;
  /** The launcher's process id (the one process, or the primary of WEB_CONCURRENCY processes). */
  pid: number;
  logFile: string;
  metricsToken: string;
  stop(): Promise<void>;
}

export async function startServer(options: {
  databaseUrl: string;
  dataDir: string;
  sessionSecret: string;
  webConcurrency: number;
  logFile: string;
  /** Extra node flags (--cpu-prof ...), passed with NODE_OPTIONS so the WEB_CONCURRENCY processes get them too. */
  nodeOptions?: string;
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = await freePort();
  // A fresh token per server: /metrics of the bench's own processes only, never a fixed secret.
  const metricsToken = randomBytes(24).toString('base64url');
  const out = openSync(options.logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      SESSION_SECRET: options.sessionSecret,
      LOG_LEVEL: 'info',
      METRICS_TOKEN: metricsToken,
      WEB_CONCURRENCY: String(options.webConcurrency),
      ...(options.nodeOptions && { NODE_OPTIONS: options.nodeOptions }),
      ...options.env,
    },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the back office exited with ${child.exitCode} (log: ${options.logFile})`);
    const ready = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the back office did not answer in 120 s (log: ${options.logFile})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    logFile: options.logFile,
    metricsToken,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** The launcher and every process under it (Linux /proc). */
export async function processTree(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const children = await Promise.all(tasks.map((t) => readFile(`/proc/${pid}/task/${t}/children`, 'utf8').catch(() => '')));
  const direct = children.join(' ').split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...(await Promise.all(direct.map(processTree))).flat()];
}

export interface ProcessMemory { pid: number; command: string; rssMb: number }

export async function memoryOf(pid: number): Promise<ProcessMemory[]> {
  const result: ProcessMemory[] = [];
  for (const p of await processTree(pid)) {
    const status = await readFile(`/proc/${p}/status`, 'utf8').catch(() => '');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    if (!rss) continue;
    const command = (await readFile(`/proc/${p}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean).slice(-1)[0] ?? '?';
    result.push({ pid: p, command: path.basename(command), rssMb: Number(rss[1]) / 1024 });
  }
  return result;
}

export interface LoggedRequest { pid: number; url: string; status: number; endMs: number; responseMs: number }

/** pino-http's "request completed" lines: when each answer ended and how long the server took. */
export async function loggedRequests(logFile: string, from: number, to: number): Promise<LoggedRequest[]> {
  const found: LoggedRequest[] = [];
  const lines = createInterface({ input: createReadStream(logFile), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith('{') || !line.includes('"responseTime"')) continue;
    const entry = JSON.parse(line) as { time: number; pid: number; responseTime: number; req?: { url?: string }; res?: { statusCode?: number } };
    if (entry.time < from || entry.time > to || entry.req?.url === '/health') continue;
    found.push({ pid: entry.pid, url: entry.req?.url ?? '', status: entry.res?.statusCode ?? 0, endMs: entry.time, responseMs: entry.responseTime });
  }
  return found;
}

/** A few of the web process's own figures from /metrics (prom-client's defaults: event-loop delay). */
export async function eventLoopDelay(server: RunningServer): Promise<{ maxMs: number; p99Ms: number; meanMs: number } | null> {
  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${server.metricsToken}` } }).catch(() => null);
  if (!response?.ok) return null;
  const text = await response.text();
  const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text)?.[1] ?? NaN) * 1000;
  return { maxMs: value('cmms_nodejs_eventloop_lag_max_seconds'), p99Ms: value('cmms_nodejs_eventloop_lag_p99_seconds'), meanMs: value('cmms_nodejs_eventloop_lag_mean_seconds') };
}

/** CPU time used so far by the launcher and every process under it (user + system), in ms. */
/** CPU time (ms) of a PostgreSQL server and its backends: the postmaster named in its data directory. */
export async function postgresCpuMs(pgDataDir: string): Promise<number> {
  const postmaster = Number((await readFile(path.join(pgDataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  return cpuMsOf(postmaster);
}

export async function cpuMsOf(pid: number): Promise<number> {
  let ticks = 0;
  for (const p of await processTree(pid)) {
    const stat = await readFile(`/proc/${p}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0); // utime, stime (fields 14 and 15 of stat)
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}
