// An empty install is not a blank page: the administrator's dashboard lists the plant's set-up steps,
// each ticked from what the database holds, whoever or whatever wrote it; nobody else sees the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { HttpClient } from './support/http-client.js';
import { aPerson } from './support/people.js';

type Dashboard = { checklist: { items: { step: string; done: boolean; values: Record<string, unknown> }[]; complete: boolean } | null };

let office: TestBackOffice;
let prisma: Db;
let admin: HttpClient;

beforeAll(async () => {
  // A fresh install that left the plant's time zone at its default.
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
});
afterAll(() => office?.close());

const checklist = async (client = admin) => {
  const answer = await client.json<Dashboard>('/admin/api/dashboard');
  expect(answer.status).toBe(200);
  return answer.body.checklist;
};
const pending = async () => (await checklist())!.items.filter((item) => !item.done).map((item) => item.step);

describe("the administrator's first-start checklist", () => {
  it('on an empty install, lists every step as pending, in the order a go-live does them, with the zone in use', async () => {
    const list = await checklist();
    expect(list!.complete).toBe(false);
    expect(list!.items.map((item) => [item.step, item.done])).toEqual([
      ['plantTimeZone', false], ['workCalendar', false], ['groups', false], ['firstUsers', false],
      ['technicians', false], ['locations', false], ['assets', false], ['preventivePlans', false],
    ]);
    expect(list!.items[0]!.values).toEqual({ zone: 'America/Tegucigalpa' });
    expect(list!.items[3]!.values).toEqual({ count: 1 }); // the first administrator alone
  });

  it('ticks each step as the database comes to hold it, whatever wrote it', async () => {
    await prisma.workCalendar.create({ data: { code: 'L-V', name: 'Lunes a viernes' } });
    expect(await pending()).not.toContain('workCalendar');

    // A supervisor can sign in: a first user, but the technicians' group is still empty.
    await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
    expect(await pending()).toEqual(['plantTimeZone', 'groups', 'technicians', 'locations', 'assets', 'preventivePlans']);
    const technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
    expect(await pending()).toEqual(['plantTimeZone', 'locations', 'assets', 'preventivePlans']);

    const asset = await make.anAsset(prisma); // its location too, as an import of both would
    expect(await pending()).toEqual(['plantTimeZone', 'preventivePlans']);
    await make.aSchedule(prisma, asset.id);
    expect(await pending()).toEqual(['plantTimeZone']);

    // A deactivated account no longer staffs its group nor counts as a technician.
    await prisma.user.update({ where: { id: technician.userId }, data: { isActive: false } });
    expect(await pending()).toEqual(['plantTimeZone', 'groups', 'technicians']);
    await prisma.user.update({ where: { id: technician.userId }, data: { isActive: true } });
  });

  it('is shown to administrators only', async () => {
    for (const group of ['SUPERVISORS', 'TECHNICIANS', 'CONSULTANTS', 'OPERATORS'] as const) {
      const person = await aPerson(prisma, office.url, [group], `Persona ${group}`, { technician: group === 'TECHNICIANS' });
      expect(await checklist(person.client)).toBeNull();
    }
  });
});

describe('with the time zone chosen at start', () => {
  it('ticks the zone, and once every step is done the list is complete', async () => {
    const chosen = await startTestBackOffice({ env: { APP_TIMEZONE: 'America/Guatemala' } });
    try {
      const client = new HttpClient(chosen.url);
      await client.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
      const db = chosen.database.prisma;
      const first = await checklist(client);
      expect(first!.items[0]).toEqual({ step: 'plantTimeZone', done: true, values: { zone: 'America/Guatemala' } });
      await db.workCalendar.create({ data: { code: 'L-S', name: 'Lunes a sábado', workingDays: [1, 2, 3, 4, 5, 6] } });
      await aPerson(db, chosen.url, ['SUPERVISORS'], 'Sara Supervisora');
      await aPerson(db, chosen.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
      await make.aSchedule(db, (await make.anAsset(db)).id);
      const done = await checklist(client);
      expect(done!.items.filter((item) => !item.done)).toEqual([]);
      expect(done!.complete).toBe(true);
    } finally {
      await chosen.close();
    }
  });
});
