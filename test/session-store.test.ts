// The session store reads a signed-in person's current rights with his session, in the same query
// (admin/session.ts): what the router then uses instead of a second round trip. The rights are those of
// the database at that moment (a group removed a second ago is gone), none for a deactivated account, and
// an anonymous session (the login page's) carries none.
import { randomBytes } from 'node:crypto';
import type { SessionData } from 'express-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentUserReadWithSession, SessionStore } from '../admin/session.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { aPerson } from './support/people.js';

let office: TestBackOffice;
let store: SessionStore;

beforeAll(async () => {
  office = await startTestBackOffice();
  store = new SessionStore(office.database.pool, { tableName: 'session', createTableIfMissing: false, pruneSessionInterval: false });
});
afterAll(() => office?.close());

const cookie = () => ({ originalMaxAge: 3_600_000, expires: new Date(Date.now() + 3_600_000), httpOnly: true, path: '/' });
const save = (sid: string, sess: object) => new Promise<void>((resolve, reject) => store.set(sid, sess as SessionData, (error) => (error ? reject(error) : resolve())));
const load = (sid: string) =>
  new Promise<(SessionData & { adminUser?: object }) | null | undefined>((resolve, reject) => store.get(sid, (error, sess) => (error ? reject(error) : resolve(sess as never))));

describe('the session store', () => {
  it("reads a signed-in person's rights as they are now, with his session", async () => {
    const prisma = office.database.prisma;
    const person = await aPerson(prisma, office.url, ['SUPERVISORS', 'CONSULTANTS'], 'Sonia Sesiones');
    const sid = `prueba-${randomBytes(8).toString('hex')}`;
    // Stored at sign-in, before she could approve requisitions.
    await save(sid, { cookie: cookie(), adminUser: { id: String(person.userId), email: person.email, groups: ['CONSULTANTS', 'SUPERVISORS'], access: { approvalLimit: null } } });
    await prisma.userProfile.update({ where: { userId: person.userId }, data: { canApproveRequisitions: true, approvalLimit: 5000 } });

    const sess = await load(sid);
    expect(sess?.adminUser).toMatchObject({ id: String(person.userId) });
    expect(currentUserReadWithSession(sess!.adminUser)).toMatchObject({
      id: String(person.userId), email: person.email, groups: ['CONSULTANTS', 'SUPERVISORS'],
      access: { userId: person.userId, groups: ['CONSULTANTS', 'SUPERVISORS'], approvalLimit: 5000, sitePaths: [], technicianId: null },
    });
  });

  it('reads no rights for a session of a deactivated account', async () => {
    const prisma = office.database.prisma;
    const person = await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Inactiva');
    await prisma.user.update({ where: { id: person.userId }, data: { isActive: false } });
    // A session row left for her (deactivating ends her sessions; this one is written after).
    const sid = `prueba-${randomBytes(8).toString('hex')}`;
    await save(sid, { cookie: cookie(), adminUser: { id: String(person.userId), email: person.email, groups: ['OPERATORS'] } });
    const sess = await load(sid);
    expect(sess?.adminUser).toMatchObject({ id: String(person.userId) });
    expect(currentUserReadWithSession(sess!.adminUser)).toBeNull();
  });

  it('gives no rights with an anonymous session, and no session for an unknown or expired id', async () => {
    const sid = `prueba-${randomBytes(8).toString('hex')}`;
    await save(sid, { cookie: cookie(), csrfSecret: 'x' });
    const sess = await load(sid);
    expect(sess).toMatchObject({ csrfSecret: 'x' });
    expect(sess?.adminUser).toBeUndefined();
    expect(currentUserReadWithSession(sess?.adminUser)).toBeUndefined();

    expect(await load(`desconocida-${randomBytes(8).toString('hex')}`)).toBeNull();
    await office.database.pool.query(`UPDATE session SET expire = now() - interval '1 minute' WHERE sid = $1`, [sid]);
    expect(await load(sid)).toBeNull();
  });
});
