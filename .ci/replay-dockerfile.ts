// The production image's build and start, replayed without a Docker engine (none on these machines):
// the Dockerfile's COPY lines give a fresh directory what the build context gives the image (.dockerignore
// honoured), its RUN lines run there in order under its ENV, then its CMD starts the web process and
// docker-compose.yml's worker command the worker, as the Dockerfile's USER, against an embedded
// PostgreSQL standing in for compose's database. Passes when the web process answers /health (the
// image's own HEALTHCHECK command) and the worker reports ready. `npx tsx .ci/replay-dockerfile.ts`.
//
// What cannot be the image's: the base image's Node and npm are this machine's (Node 22 from the
// project's `node` package first on PATH, the system npm); the npm cache is a private copy of this
// machine's (the RUN line may clean it), so packages already downloaded are not downloaded again; the
// builder's proxy and certificate settings pass through.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';

const CONTEXT = path.resolve(import.meta.dirname, '..');
const START_TIMEOUT_MS = 240_000;
// docker stop's default grace period is 10 s; the processes' own shutdown deadline is 45 s.
const STOP_GRACE_MS = 50_000;

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function readDockerfile(file: string): Instruction[] {
  const joined = readFileSync(file, 'utf8').replace(/\\\r?\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, keyword, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
      if (!keyword || args === undefined) throw new Error(`Dockerfile: cannot read "${line}"`);
      return { keyword: keyword.toUpperCase(), args: args.trim() };
    });
}

/** ENV's key=value pairs (values may be double-quoted). */
function readEnv(args: string): [string, string][] {
  return [...args.matchAll(/(\w+)=("([^"]*)"|\S*)/g)].map((m) => [m[1]!, m[3] ?? m[2]!]);
}

/** CMD in exec form (a JSON array) as is, or shell form run by sh, as Docker runs them. */
function commandLine(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : ['/bin/sh', '-c', args];
}

/** .dockerignore: root-anchored patterns; a matched directory is left out with all it holds. */
function dockerIgnore(): (relative: string) => boolean {
  const file = path.join(CONTEXT, '.dockerignore');
  const patterns = existsSync(file)
    ? readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    : [];
  const negated = patterns.find((p) => p.startsWith('!'));
  if (negated) throw new Error(`.dockerignore: exceptions (${negated}) are not replayed here; extend this script`);
  return (relative) => {
    const parts = relative.split('/');
    return parts.some((_, i) => patterns.some((p) => path.matchesGlob(parts.slice(0, i + 1).join('/'), p.replace(/^\/|\/$/g, ''))));
  };
}

/** COPY <src>... <dest>: from the build context into the image's directory `workdir`. */
async function copyFromContext(args: string, workdir: string, ignored: (relative: string) => boolean): Promise<void> {
  const words = args.split(/\s+/).filter((w) => !w.startsWith('--'));
  const dest = path.resolve(workdir, words.pop()!);
  for (const source of words) {
    const from = path.resolve(CONTEXT, source);
    const relative = path.relative(CONTEXT, from);
    if (relative.startsWith('..')) throw new Error(`COPY ${source}: outside the build context`);
    if (relative && ignored(relative)) throw new Error(`COPY ${source}: left out by .dockerignore`);
    const isDirectory = (await readdir(from).then(() => true, () => false));
    // Docker copies a directory's contents; a file into a directory named with a trailing slash.
    const target = isDirectory ? dest : words.length > 1 || args.trim().endsWith('/') ? path.join(dest, path.basename(from)) : dest;
    await mkdir(isDirectory ? target : path.dirname(target), { recursive: true });
    await cp(from, target, {
      recursive: true,
      filter: (src) => {
        const inContext = path.relative(CONTEXT, src);
        return inContext === '' || !ignored(inContext);
      },
    });
  }
}

/** A private npm cache seeded from this machine's: index copied, content hard-linked (immutable files). */
async function seedNpmCache(into: string): Promise<void> {
  const shared = path.join(os.homedir(), '.npm', '_cacache');
  await mkdir(into, { recursive: true });
  if (!existsSync(shared)) return;
  execFileSync('cp', ['-r', path.join(shared, 'index-v5'), path.join(into, 'index-v5')]);
  try {
    execFileSync('cp', ['-al', path.join(shared, 'content-v2'), path.join(into, 'content-v2')], { stdio: 'ignore' });
  } catch {
    // another filesystem (a tmpfs /tmp): a copy then
    await rm(path.join(into, 'content-v2'), { recursive: true, force: true });
    execFileSync('cp', ['-r', path.join(shared, 'content-v2'), path.join(into, 'content-v2')]);
  }
}

function ensureUser(name: string): void {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
  } catch {
    // The base image has it; this machine may not (embedded-postgres creates its `postgres` user alike).
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  }
}

/** Starts `argv` as `user` (setpriv execs it, so signals reach the command itself, as PID 1 in a container). */
function start(label: string, argv: string[], options: { cwd: string; env: NodeJS.ProcessEnv; user?: string }) {
  const command = options.user ? ['setpriv', `--reuid=${options.user}`, `--regid=${options.user}`, '--init-groups', '--', ...argv] : argv;
  const child = spawn(command[0]!, command.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { label, child, output: () => output };
}

function waitFor(started: ReturnType<typeof start>, ready: (output: string) => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const poll = async () => {
      if (started.child.exitCode !== null)
        return reject(new Error(`${started.label} exited with ${started.child.exitCode} before it was ready:\n${started.output()}`));
      if (await Promise.resolve(ready(started.output())).catch(() => false)) return resolve();
      if (Date.now() > deadline) return reject(new Error(`${started.label} not ready within ${START_TIMEOUT_MS / 1000} s:\n${started.output()}`));
      setTimeout(poll, 500);
    };
    void poll();
  });
}

/** `docker stop`: SIGTERM to the command, SIGKILL after its grace period; resolves with how it ended. */
async function stop(child: ChildProcess): Promise<string> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
  // Whatever it left behind in its process group (a container's end takes them all).
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // none left
  }
  return child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`;
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

// --- build ---------------------------------------------------------------------------------------------
const began = performance.now();
const instructions = readDockerfile(path.join(CONTEXT, 'Dockerfile'));
const root = await mkdtemp(path.join(os.tmpdir(), 'cmms-image-'));
await chmod(root, 0o755); // the image's USER must reach its directory
const ignored = dockerIgnore();
// This script runs on the project's Node (npx puts node_modules/.bin first): the image's RUN lines too.
const nodeDir = path.dirname(process.execPath);
// A build reaches the registry through the builder's network: its proxy and certificate settings pass.
const network = Object.fromEntries(Object.entries(process.env).filter(([name]) => /proxy|_CA_|CERT|SSL/i.test(name)));
const env: NodeJS.ProcessEnv = {
  ...network,
  PATH: `${nodeDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
  HOME: os.homedir(),
  npm_config_cache: path.join(root, 'npm-cache'),
  // The lockfile fixes every version and its checksum: metadata already cached needs no fresh look-up.
  npm_config_prefer_offline: 'true',
};
// The image's directories (its WORKDIRs) live under `root` here, and so do the paths into them.
const imageDirs = instructions.filter((i) => i.keyword === 'WORKDIR').map((i) => i.args);
const mapPaths = (text: string) =>
  imageDirs.reduce((mapped, dir) => mapped.replaceAll(new RegExp(`(?<![\\w./-])${dir}(?=/|\\b)`, 'g'), path.join(root, dir)), text);
let workdir = root;
let user: string | undefined;
let exposed: string | undefined;
let cmd: string[] | undefined;
let healthcheck: string | undefined;
const processes: ReturnType<typeof start>[] = [];
let database: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;

try {
  await seedNpmCache(env.npm_config_cache!);
  // The base image has its USER; a RUN line may chown to it before the USER line.
  for (const i of instructions) if (i.keyword === 'USER') ensureUser(i.args);
  for (const { keyword, args } of instructions) {
    if (keyword === 'FROM') {
      const major = /^node:(\d+)/.exec(args)?.[1];
      const running = process.versions.node.split('.')[0];
      if (major !== running) throw new Error(`FROM ${args}: Node ${major ?? '?'} in the image, Node ${running} pinned by the project`);
    } else if (keyword === 'ENV') {
      for (const [name, value] of readEnv(args)) env[name] = mapPaths(value);
    } else if (keyword === 'WORKDIR') {
      workdir = path.join(root, args);
      await mkdir(workdir, { recursive: true });
    } else if (keyword === 'COPY') {
      await copyFromContext(args, workdir, ignored);
    } else if (keyword === 'RUN') {
      const t = performance.now();
      console.log(`RUN ${args}`);
      execFileSync('sh', ['-c', mapPaths(args)], { cwd: workdir, env, stdio: 'inherit' });
      console.log(`    done in ${seconds(t)} s`);
    } else if (keyword === 'USER') {
      user = args;
    } else if (keyword === 'EXPOSE') {
      exposed = args.split(/\s+/)[0]!.replace(/\/tcp$/, '');
    } else if (keyword === 'HEALTHCHECK') {
      healthcheck = /\bCMD\s+(.*)$/.exec(args)?.[1];
    } else if (keyword === 'CMD') {
      cmd = commandLine(args);
    } else if (keyword !== 'LABEL' && keyword !== 'ARG') {
      throw new Error(`Dockerfile: ${keyword} is not replayed here; extend this script`);
    }
  }
  if (!cmd) throw new Error('Dockerfile: no CMD');
  console.log(`Image built in ${seconds(began)} s`);

  // --- start: web (CMD) and worker (compose's command), as docker-compose.yml runs them -----------------
  const compose = parse(readFileSync(path.join(CONTEXT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { command?: string[]; environment?: Record<string, string> }>;
  };
  const workerCommand = compose.services.worker?.command;
  if (!workerCommand) throw new Error('docker-compose.yml: the worker service has no command');
  const home = path.join(root, 'home');
  await mkdir(home, { recursive: true });
  if (user) execFileSync('chown', [user, home]);
  database = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: await freePort() });
  const port = String(await freePort());
  // Compose's database, secret and port mapping, as this machine provides them: 127.0.0.1 only.
  const { npm_config_cache: _buildCache, npm_config_prefer_offline: _buildOffline, ...imageEnv } = env;
  const runtime: NodeJS.ProcessEnv = {
    ...imageEnv,
    HOME: home,
    DATABASE_URL: database.url,
    SESSION_SECRET: randomBytes(24).toString('hex'),
    HOST: '127.0.0.1',
    PORT: port,
  };
  const t = performance.now();
  const web = start('web (CMD)', cmd, { cwd: workdir, env: { ...runtime, WORKERS_IN_PROCESS: compose.services.web?.environment?.WORKERS_IN_PROCESS ?? 'true' }, user });
  processes.push(web);
  const worker = start('worker', workerCommand, { cwd: workdir, env: runtime, user });
  processes.push(worker);
  const probe = healthcheck ? mapPaths(exposed ? healthcheck.replaceAll(`:${exposed}/`, `:${port}/`) : healthcheck) : undefined;
  await waitFor(web, async () => {
    if (probe) {
      try {
        execFileSync('/bin/sh', ['-c', probe], { env: runtime, stdio: 'ignore', timeout: 10_000 });
        return true;
      } catch {
        return false;
      }
    }
    return (await fetch(`http://127.0.0.1:${port}/health`)).ok;
  });
  const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { status: string };
  if (health.status !== 'up') throw new Error(`/health answered ${JSON.stringify(health)}`);
  console.log(`web answers /health (${JSON.stringify(health)}) ${seconds(t)} s after start`);
  await waitFor(worker, (output) => /"msg":"worker ready"/.test(output));
  console.log(`worker ready ${seconds(t)} s after start`);
  for (const p of processes) {
    const ended = await stop(p.child);
    if (ended !== 'code 0') throw new Error(`${p.label} ended with ${ended} on SIGTERM, not a clean stop:\n${p.output()}`);
  }
  console.log('web and worker stop cleanly on SIGTERM');
  console.log(`Dockerfile replayed in ${seconds(began)} s: install, build and start pass on a fresh copy.`);
} catch (error) {
  for (const p of processes) if (p.child.exitCode === null) console.error(`--- ${p.label} output ---\n${p.output()}`);
  throw error;
} finally {
  for (const p of processes) await stop(p.child).catch(() => {});
  await database?.stop();
  await rm(root, { recursive: true, force: true });
}
