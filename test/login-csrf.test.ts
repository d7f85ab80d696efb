// Signing in never fails on a correct CSRF token. The cause of the rare 403 "invalid csrf token":
// express-session stores a new session only when the response ends, and sends all of the page but its
// last byte first (it holds the end back until the store answers). The login form, rendered by the
// page's scripts, could be posted in that window, carrying a token its session did not yet hold. The
// login page now saves the session before it sends a byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';

let office: TestBackOffice;

beforeAll(async () => {
  office = await startTestBackOffice();
});

afterAll(async () => {
  await office?.close();
});

/** Opens the login page and posts the form the moment its token has arrived, before the page has ended. */
async function signInEagerly(): Promise<number> {
  const page = await fetch(`${office.url}/admin/login`);
  const cookie = page.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const reader = page.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let token: string | undefined;
  while (!token) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    token = /"csrfToken":"([a-f0-9]+)"/.exec(text)?.[1];
  }
  const login = fetch(`${office.url}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: TEST_ADMIN.email, password: TEST_ADMIN.password, _csrf: token ?? '' }).toString(),
  });
  const status = (await login).status;
  await reader.cancel().catch(() => {});
  return status;
}

describe('signing in with a correct token', () => {
  it('succeeds 40 times in a row, each time from a fresh login page', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await new HttpClient(office.url).submitLogin(TEST_ADMIN.email, TEST_ADMIN.password)).status);
    expect(statuses).toEqual(Array(40).fill(303));
  }, 300_000); // 40 argon2 verifications, on a shared machine

  it('succeeds for 20 people signing in at the same moment', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await new HttpClient(office.url).submitLogin(TEST_ADMIN.email, TEST_ADMIN.password)).status),
    );
    expect(statuses).toEqual(Array(20).fill(303));
  }, 300_000);

  it('succeeds when the form is posted before the login page has finished arriving', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) statuses.push(await signInEagerly());
    statuses.push(...(await Promise.all(Array.from({ length: 10 }, signInEagerly))));
    expect(statuses).toEqual(Array(30).fill(303));
  }, 300_000);
});
