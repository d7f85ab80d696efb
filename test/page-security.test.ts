// What the server sends back is safe to render and to keep: user text inlined in a page stays text, the
// only inline scripts are AdminJS's own (with the response's CSP nonce), no page asks another host for
// anything, API answers are never cached, and no answer carries a password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import { PASSWORD } from './support/people.js';
import { hashPassword } from '../domain/users/password.js';

const HOSTILE_NAME = 'Ana</script><script>window.pwned=1</script>\u2028\u2029 & <!-- "x"';

let office: TestBackOffice;
let prisma: Db;
let admin: HttpClient;
let hostile: HttpClient;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  const supervisors = await prisma.group.findUniqueOrThrow({ where: { code: 'SUPERVISORS' } });
  await prisma.user.create({
    data: { email: 'ana.hostil@planta.test', name: HOSTILE_NAME, passwordHash: await hashPassword(PASSWORD), groups: { create: [{ groupId: supervisors.id }] } },
  });
  hostile = new HttpClient(office.url);
  await hostile.signIn('ana.hostil@planta.test', PASSWORD);
});

afterAll(async () => {
  await office?.close();
});

const page = async (client: HttpClient, path: string) => {
  const response = await client.request(path);
  return { response, html: await response.text() };
};

describe('pages and answers', () => {
  it('inlines a user name that closes the script element as text, and the state still reads back', async () => {
    const { html } = await page(hostile, '/admin');
    expect(html).not.toContain('</script><script>window.pwned');
    expect(html).not.toMatch(/[\u2028\u2029]/);
    const state = /\n\s*window\.REDUX_STATE = ([^\n]*);\n/.exec(html)?.[1];
    expect(JSON.parse(state!).session.title).toBe(HOSTILE_NAME);
  });

  it('gives every inline script the response\'s nonce, and the policy allows no other inline script', async () => {
    for (const [client, path] of [[hostile, '/admin'], [hostile, '/admin/resources/WorkOrder'], [new HttpClient(office.url), '/admin/login']] as const) {
      const { response, html } = await page(client, path);
      const policy = response.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(policy).toContain("frame-ancestors 'none'");
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(4);
      for (const tag of scripts) expect(tag, path).toMatch(new RegExp(`^<script (src="/admin/[^"]+"|nonce="${nonce!.replace(/[+/=]/g, '\\$&')}")>$`));
      // A new nonce for every response.
      const again = (await client.request(path)).headers.get('content-security-policy');
      expect(again).not.toBe(policy);
    }
  });

  it('no page refers to another host: fonts and scripts are ours', async () => {
    for (const [client, path] of [[new HttpClient(office.url), '/admin/login'], [hostile, '/admin'], [hostile, '/admin/resources/Asset']] as const) {
      const { html } = await page(client, path);
      expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
      expect(html).not.toContain('fonts.googleapis');
    }
    // The theme names system fonts, which need no download.
    const { html } = await page(hostile, '/admin');
    expect(html).toContain('system-ui');
  });

  it('marks API answers and pages as never to be stored', async () => {
    for (const path of ['/admin/api/resources/WorkOrder/actions/list', '/admin/api/dashboard', '/admin'])
      expect((await hostile.request(path)).headers.get('cache-control'), path).toBe('no-store');
  });

  it('never answers a password, not even to the administrator who typed it', async () => {
    const secret = 'una-clave-que-nadie-debe-ver';
    const form = new FormData();
    for (const [key, value] of Object.entries({ email: 'nuevo@planta.test', name: 'Nuevo', locale: 'es', newPassword: secret })) form.set(key, value);
    const created = await admin.request('/admin/api/resources/User/actions/new', { method: 'POST', body: form });
    const createdText = await created.text();
    expect(created.status).toBe(200);
    expect(createdText).not.toContain(secret);
    expect(createdText).not.toContain('newPassword');
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'nuevo@planta.test' } });

    const edit = new FormData();
    edit.set('newPassword', `${secret}-2`);
    const edited = await admin.request(`/admin/api/resources/User/records/${user.id}/edit`, { method: 'POST', body: edit });
    const editedText = await edited.text();
    expect(edited.status).toBe(200);
    expect(editedText).not.toContain(secret);
    expect(editedText).not.toContain('passwordHash');
    // The password was stored all the same: it signs in.
    await new HttpClient(office.url).signIn('nuevo@planta.test', `${secret}-2`);
  });

  it('sends HSTS only where cookies are Secure (production)', async () => {
    expect((await fetch(`${office.url}/health`)).headers.get('strict-transport-security')).toBeNull();
    const secure = await startTestBackOffice({ env: { COOKIE_SECURE: 'true' } });
    try {
      expect((await fetch(`${secure.url}/health`)).headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    } finally {
      await secure.close();
    }
  });
});
