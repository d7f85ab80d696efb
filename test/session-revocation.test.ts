// A password reset, a deactivation and a change of group or of sites end the person's sessions at once: his open
// browsers are signed out before their next click, not at the end of the session's lifetime. The
// session making the change stays signed in (an administrator changing his own password keeps it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let admin: HttpClient;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
});

afterAll(async () => {
  await office?.close();
});

async function sessionsOf(userId: number): Promise<number> {
  const { rows } = await office.database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM session WHERE sess->'adminUser'->>'id' = $1`, [String(userId)]);
  return rows[0]!.n;
}

/** A person signed in from two browsers. */
async function signedInTwice(name: string): Promise<{ person: Person; other: HttpClient }> {
  const person = await aPerson(prisma, office.url, ['SUPERVISORS'], name);
  const other = new HttpClient(office.url);
  await other.signIn(person.email, PASSWORD);
  expect(await sessionsOf(person.userId)).toBe(2);
  return { person, other };
}

const listStatus = async (client: HttpClient) => (await client.request('/admin/api/resources/WorkOrder/actions/list')).status;

function form(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

describe('sessions end when an account changes', () => {
  it('an administrator resets a password: every session of that person ends at once', async () => {
    const { person, other } = await signedInTwice('Rosa Reinicio');
    const answer = await admin.request(`/admin/api/resources/User/records/${person.userId}/edit`, {
      method: 'POST',
      body: form({ newPassword: 'una-clave-nueva-y-larga' }),
    });
    expect(answer.status).toBe(200);
    expect(await sessionsOf(person.userId)).toBe(0);
    expect(await listStatus(person.client)).toBe(401);
    expect(await listStatus(other)).toBe(401);
    // The new password signs in; the administrator's own session was not touched.
    await new HttpClient(office.url).signIn(person.email, 'una-clave-nueva-y-larga');
    expect(await listStatus(admin)).toBe(200);
  });

  it('a deactivated account is signed out everywhere', async () => {
    const { person, other } = await signedInTwice('Diego Desactivado');
    await admin.request(`/admin/api/resources/User/records/${person.userId}/edit`, { method: 'POST', body: form({ isActive: 'false' }) });
    expect(await sessionsOf(person.userId)).toBe(0);
    expect(await listStatus(person.client)).toBe(401);
    expect(await listStatus(other)).toBe(401);
  });

  it('a group given or taken ends the sessions, so the next sign-in carries the new rights', async () => {
    const { person, other } = await signedInTwice('Gabriela Grupos');
    const consultants = await prisma.group.findUniqueOrThrow({ where: { code: 'CONSULTANTS' } });
    const added = await admin.json<{ record: { params: { id: number } } }>('/admin/api/resources/UserGroup/actions/new', {
      method: 'POST',
      body: form({ user: String(person.userId), group: String(consultants.id) }),
    });
    expect(added.status).toBe(200);
    expect(await sessionsOf(person.userId)).toBe(0);
    expect(await listStatus(person.client)).toBe(401);
    expect(await listStatus(other)).toBe(401);

    await person.client.signIn(person.email, PASSWORD);
    const membership = await prisma.userGroup.findFirstOrThrow({ where: { userId: person.userId, groupId: consultants.id } });
    await admin.request(`/admin/api/resources/UserGroup/records/${membership.id}/delete`, { method: 'POST' });
    expect(await prisma.userGroup.count({ where: { id: membership.id } })).toBe(0);
    expect(await sessionsOf(person.userId)).toBe(0);
    expect(await listStatus(person.client)).toBe(401);
  });

  it('a site given or taken ends the sessions, so no browser keeps the scope it was opened with', async () => {
    const { person, other } = await signedInTwice('Sara Sitios');
    const site = await prisma.location.create({ data: { code: 'SITIO-SESIONES', name: 'Planta de las sesiones' } });
    const added = await admin.json<{ record: { params: { id: number } } }>('/admin/api/resources/UserSite/actions/new', {
      method: 'POST',
      body: form({ user: String(person.userId), location: String(site.id) }),
    });
    expect(added.status).toBe(200);
    expect(await prisma.userSite.count({ where: { userId: person.userId, locationId: site.id } })).toBe(1);
    expect(await sessionsOf(person.userId)).toBe(0);
    expect(await listStatus(person.client)).toBe(401);
    expect(await listStatus(other)).toBe(401);

    await person.client.signIn(person.email, PASSWORD);
    const scope = await prisma.userSite.findFirstOrThrow({ where: { userId: person.userId, locationId: site.id } });
    await admin.request(`/admin/api/resources/UserSite/records/${scope.id}/delete`, { method: 'POST' });
    expect(await prisma.userSite.count({ where: { id: scope.id } })).toBe(0);
    expect(await sessionsOf(person.userId)).toBe(0);
    expect(await listStatus(person.client)).toBe(401);
  });

  it('changing one\'s own password keeps this session and ends the others', async () => {
    const self = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Ana Administradora');
    const elsewhere = new HttpClient(office.url);
    await elsewhere.signIn(self.email, PASSWORD);
    const answer = await self.client.request(`/admin/api/resources/User/records/${self.userId}/edit`, {
      method: 'POST',
      body: form({ newPassword: 'mi-clave-nueva-y-larga' }),
    });
    expect(answer.status).toBe(200);
    expect(await listStatus(self.client)).toBe(200);
    expect(await listStatus(elsewhere)).toBe(401);
    expect(await sessionsOf(self.userId)).toBe(1);
  });
});
