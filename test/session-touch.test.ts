// A signed-in session's idle lifetime moves forward as the person works, but his clicks do not each write
// the session row: the stored expiry is renewed at most once a minute per process (issue 26, load).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TOUCH_INTERVAL_MS, ThrottledTouchStore } from '../admin/session.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let supervisor: Person;

beforeAll(async () => {
  office = await startTestBackOffice();
  supervisor = await aPerson(office.database.prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
});
afterAll(() => office?.close());

const sidOf = (person: Person) => decodeURIComponent(person.client.cookie('cmms.sid')!).replace(/^s:/, '').split('.')[0]!;
const storedExpiry = async (sid: string) =>
  (await office.database.pool.query<{ expire: Date }>('SELECT expire FROM session WHERE sid = $1', [sid])).rows[0]!.expire;
const setStoredExpiry = (sid: string, inMinutes: number) =>
  office.database.pool.query(`UPDATE session SET expire = now() + make_interval(mins => $2) WHERE sid = $1`, [sid, inMinutes]);

describe('a session in use', () => {
  it('is renewed by his first click, and his next clicks within the minute write nothing', { timeout: 150_000 }, async () => {
    const sid = sidOf(supervisor);
    // Signing in may have touched the session already: past the interval, his next click is due a renewal.
    await new Promise((resolve) => setTimeout(resolve, SESSION_TOUCH_INTERVAL_MS + 1_000));
    await setStoredExpiry(sid, 60);
    // The whole answer read: express-session holds its last byte until the touch is written.
    const response = await supervisor.client.request('/admin/api/resources/WorkOrder/actions/list');
    expect(response.status).toBe(200);
    await response.text();
    // Renewed to the signed-in lifetime (12 hours by default), not left at the hour set above.
    const renewed = await storedExpiry(sid);
    expect(renewed.getTime() - Date.now()).toBeGreaterThan(11 * 3_600_000);

    await setStoredExpiry(sid, 60);
    const before = await storedExpiry(sid);
    for (let i = 0; i < 3; i++) {
      const click = await supervisor.client.request('/admin/api/resources/Asset/actions/list');
      expect(click.status).toBe(200);
      await click.text();
    }
    expect(await storedExpiry(sid)).toEqual(before);
  });

  it('is renewed again once the minute has passed, and a signed-out session is forgotten', async () => {
    const pool = office.database.pool;
    let clock = Date.now();
    const store = new ThrottledTouchStore({ pool, tableName: 'session', createTableIfMissing: false, pruneSessionInterval: false }, SESSION_TOUCH_INTERVAL_MS, () => clock);
    const sid = `prueba-${randomBytes(8).toString('hex')}`;
    const sess = (expiresInHours: number) => ({ cookie: { originalMaxAge: expiresInHours * 3_600_000, expires: new Date(Date.now() + expiresInHours * 3_600_000) } }) as never;
    const touch = (hours: number) => new Promise<void>((resolve) => store.touch(sid, sess(hours), resolve));
    await new Promise<void>((resolve, reject) => store.set(sid, sess(1), (error) => (error ? reject(error) : resolve())));

    await touch(5);
    const first = await storedExpiry(sid);
    expect(first.getTime() - Date.now()).toBeGreaterThan(4.9 * 3_600_000);
    await touch(8); // within the minute: nothing written
    expect(await storedExpiry(sid)).toEqual(first);
    clock += SESSION_TOUCH_INTERVAL_MS;
    await touch(8);
    expect((await storedExpiry(sid)).getTime() - Date.now()).toBeGreaterThan(7.9 * 3_600_000);

    await new Promise<void>((resolve) => store.destroy(sid, () => resolve()));
    expect((await pool.query('SELECT 1 FROM session WHERE sid = $1', [sid])).rowCount).toBe(0);
    await store.close();
  });
});
