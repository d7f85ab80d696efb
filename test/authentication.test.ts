import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import { hashPassword } from '../domain/users/password.js';

let office: TestBackOffice;

beforeAll(async () => {
  office = await startTestBackOffice({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '6' } });
});
afterAll(() => office?.close());

describe('signing in to the back office', () => {
  it('lets the administrator in with the right password and opens the Spanish back office', async () => {
    const client = new HttpClient(office.url);
    const response = await client.submitLogin(TEST_ADMIN.email, TEST_ADMIN.password);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin');

    const home = await client.request('/admin');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<html lang=es>');
  });

  it('refuses a wrong password with a message that does not say which part was wrong', async () => {
    const client = new HttpClient(office.url);
    const wrongPassword = await client.submitLogin(TEST_ADMIN.email, 'not-the-password');
    const unknownUser = await client.submitLogin('nobody@planta.test', 'not-the-password');
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(await wrongPassword.text()).toContain('"errorMessage":"invalidCredentials"');
    expect(await unknownUser.text()).toContain('"errorMessage":"invalidCredentials"');
    expect(client.cookie('cmms.sid')).toBeDefined();
    expect(await new HttpClient(office.url).request('/admin/api/resources/User/actions/list').then((r) => r.status)).toBe(401);
  });

  it('throttles repeated failures on one account, even when the right password comes next', async () => {
    const email = 'tecnico.throttle@planta.test';
    await office.database.prisma.user.create({ data: { email, name: 'Técnico', passwordHash: await hashPassword('la-clave-correcta-1') } });
    const client = new HttpClient(office.url);
    for (let i = 0; i < 3; i++) expect((await client.submitLogin(email, `mala-${i}`)).status).toBe(401);

    const blocked = await client.submitLogin(email, 'la-clave-correcta-1');
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('"errorMessage":"tooManyRequests"');
    const counters = await office.database.pool.query(`SELECT points FROM login_throttle WHERE key = $1`, [`account:${email}`]);
    expect(counters.rows[0].points).toBeGreaterThanOrEqual(3);
  });

  it('throttles one address that tries many accounts', async () => {
    // The per-IP limit is 6; the earlier tests of this file already spent some failures from 127.0.0.1.
    await office.database.pool.query(`DELETE FROM login_throttle WHERE key LIKE 'ip:%'`);
    const client = new HttpClient(office.url);
    for (let i = 0; i < 6; i++) expect((await client.submitLogin(`nadie${i}@planta.test`, 'x')).status).toBe(401);
    expect((await client.submitLogin(TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(429);
    await office.database.pool.query(`DELETE FROM login_throttle`);
  });

  it('rejects a login POST without a valid CSRF token', async () => {
    const client = new HttpClient(office.url);
    await client.loginFormToken();
    const forged = await client.submitLogin(TEST_ADMIN.email, TEST_ADMIN.password, 'f'.repeat(256));
    expect(forged.status).toBe(403);
    const missing = await client.request('/admin/login', {
      method: 'POST',
      csrf: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }).toString(),
    });
    expect(missing.status).toBe(403);
  });

  it('rejects a state-changing API call without the CSRF header and writes nothing', async () => {
    const client = new HttpClient(office.url);
    await client.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const before = await office.database.prisma.user.count();
    const form = new FormData();
    form.set('email', 'intruso@planta.test');
    form.set('name', 'Intruso');
    form.set('newPassword', 'una-clave-larga-de-intruso');
    const forged = await client.request('/admin/api/resources/User/actions/new', { method: 'POST', body: form, csrf: false });
    expect(forged.status).toBe(403);
    expect(await office.database.prisma.user.count()).toBe(before);

    const genuine = await client.json<{ record: { params: Record<string, unknown> } }>('/admin/api/resources/User/actions/new', { method: 'POST', body: form });
    expect(genuine.status).toBe(200);
    expect(genuine.body.record.params.email).toBe('intruso@planta.test');
    expect(await office.database.prisma.user.count()).toBe(before + 1);
  });

  it('keeps the session in PostgreSQL and deletes it on logout', async () => {
    const client = new HttpClient(office.url);
    await client.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const sid = decodeURIComponent(client.cookie('cmms.sid')!).replace(/^s:/, '').split('.')[0]!;
    const stored = await office.database.pool.query(`SELECT sess FROM session WHERE sid = $1`, [sid]);
    expect(stored.rows[0].sess.adminUser.email).toBe(TEST_ADMIN.email);

    const logout = await client.request('/admin/logout');
    expect(logout.status).toBe(303);
    expect((await office.database.pool.query(`SELECT 1 FROM session WHERE sid = $1`, [sid])).rowCount).toBe(0);
    expect((await client.request('/admin/api/resources/User/actions/list')).status).toBe(401);
  });

  it('gives a new session id at sign-in, so a planted id is worthless', async () => {
    const client = new HttpClient(office.url);
    await client.loginFormToken();
    const anonymousSid = client.cookie('cmms.sid');
    await client.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    expect(client.cookie('cmms.sid')).not.toBe(anonymousSid);
  });

  it('refuses a sign-out link followed from another site', async () => {
    const client = new HttpClient(office.url);
    await client.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const crossSite = await client.request('/admin/logout', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect((await client.request('/admin/api/resources/User/actions/list')).status).toBe(200);
  });

  it('sets the session cookie httpOnly and SameSite, and Secure when configured', async () => {
    const response = await new HttpClient(office.url).request('/admin/login');
    const sessionCookie = response.headers.getSetCookie().find((c) => c.startsWith('cmms.sid='))!;
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).not.toMatch(/Secure/);

    // Behind the production reverse proxy, which terminates TLS and says so in X-Forwarded-Proto.
    const secureOffice = await startTestBackOffice({ env: { COOKIE_SECURE: 'true', TRUST_PROXY: 'loopback' } });
    try {
      const secure = await new HttpClient(secureOffice.url).request('/admin/login', { headers: { 'x-forwarded-proto': 'https' } });
      expect(secure.headers.getSetCookie().find((c) => c.startsWith('cmms.sid='))).toMatch(/Secure/);
    } finally {
      await secureOffice.close();
    }
  });

  it('never sends a password hash to the browser, not even to an administrator', async () => {
    const client = new HttpClient(office.url);
    await client.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const admin = await office.database.prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } });
    const list = await client.request('/admin/api/resources/User/actions/list');
    const show = await client.request(`/admin/api/resources/User/records/${admin.id}/show`);
    const filtered = await client.json<{ meta: { total: number } }>('/admin/api/resources/User/actions/list?filters.passwordHash=%24argon2id&sortBy=passwordHash');
    for (const body of [await list.text(), await show.text()]) {
      expect(body).toContain(TEST_ADMIN.email);
      expect(body).not.toMatch(/argon2|passwordHash/);
    }
    // A filter on the hidden field is ignored rather than used as an oracle.
    expect(filtered.body.meta.total).toBe(await office.database.prisma.user.count());
  });
});
