// `npm start` on a fresh machine: the real entry point in a child process, on the embedded PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const dataDirs: string[] = [];
afterAll(async () => {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
}

async function startProcess(dataDir: string, env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = /Energy CMMS: (http:\/\/\S+)\/admin/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before starting:\n${output}`)));
  });
  return { child, output: () => output, url };
}

function stopWithCtrlC(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('npm start on a fresh machine', () => {
  it('creates the embedded database, prints the first administrator once, and keeps data between runs', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-first-start-'));
    dataDirs.push(dataDir);
    const env = { PORT: String(36_000 + Math.floor(Math.random() * 2_000)), EMBEDDED_PG_PORT: String(52_000 + Math.floor(Math.random() * 2_000)) };

    const first = await startProcess(dataDir, env);
    const printed = /e-mail:\s+(\S+)\n\s+password:\s+(\S+)/.exec(first.output());
    expect(printed?.[1]).toBe('admin@cmms.local');
    const password = printed![2]!;
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

    const client = new HttpClient(first.url);
    expect((await client.request('/admin/login')).status).toBe(200);
    await client.signIn('admin@cmms.local', password);
    const groups = await client.json<{ records: { params: { code: string } }[] }>('/admin/api/resources/Group/actions/list?perPage=20');
    expect(groups.body.records.map((r) => r.params.code).sort()).toEqual(['ADMINISTRATORS', 'CONSULTANTS', 'OPERATORS', 'SUPERVISORS', 'TECHNICIANS']);
    expect((await stat(path.join(dataDir, 'pg', 'PG_VERSION'))).isFile()).toBe(true);
    expect(await stopWithCtrlC(first.child)).toBe(0);
    expect(first.output()).toContain('stopped cleanly');

    const second = await startProcess(dataDir, env);
    expect(second.output()).not.toContain('password:');
    await new HttpClient(second.url).signIn('admin@cmms.local', password);
    expect(await stopWithCtrlC(second.child)).toBe(0);
  });

  it('stops at start with a message naming a malformed setting', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: 'ochenta', APP_TIMEZONE: 'Marte/Olympus' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(78);
    expect(stderr).toContain('PORT:');
    expect(stderr).toContain('APP_TIMEZONE: must be an IANA time zone');
  });
});
