// `npm start` on a fresh machine: the real entry point in a child process, on the embedded PostgreSQL.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client.js';
import { aFreePort, spawnMain, startMain, stopWithCtrlC } from './support/process.js';
const dataDirs: string[] = [];
afterAll(async () => {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

describe('npm start on a fresh machine', () => {
  it('creates the embedded database, prints the first administrator once, and keeps data between runs', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-first-start-'));
    dataDirs.push(dataDir);
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'info', PORT: await aFreePort(), EMBEDDED_PG_PORT: await aFreePort() };

    const first = await startMain(env);
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

    const second = await startMain(env);
    expect(second.output()).not.toContain('password:');
    await new HttpClient(second.url).signIn('admin@cmms.local', password);
    expect(await stopWithCtrlC(second.child)).toBe(0);
  });

  it('stops at start with a message naming a malformed setting', async () => {
    const child = spawnMain({ PORT: 'ochenta', APP_TIMEZONE: 'Marte/Olympus' });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(78);
    expect(stderr).toContain('PORT:');
    expect(stderr).toContain('APP_TIMEZONE: must be an IANA time zone');
  });
});
