// Lists on a plant-sized database: a count that reaches through a relation (a site's rule, a location
// subtree) stops at its cap and says "more than N" (`meta.totalIsMoreThan`), and the pager still reaches
// one page further; a list pages through its first rows only (LIST_WINDOW; RELATED_LIST_WINDOW when
// chosen through another table), and a page beyond them is refused with a message that says what to do.
// Here the cap is lowered to 5 rows and the windows to 6, so a small plant shows them. Through HTTP as signed-in users, on a real database.
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setListLimitsForTests } from '../admin/adapter/prisma-resource.js';
import { listPager } from '../admin/adapter/list-pager.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';

type ListJson = {
  records: { id: string; params: Record<string, unknown> }[];
  meta: { total: number; page: number; perPage: number; totalIsMoreThan?: boolean; totalIsEstimate?: boolean; pagerTotal?: number };
};

let office: TestBackOffice;
let prisma: Db;
let scoped: Person; // supervisor of Planta Norte
let admin: Person;
let north: number;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  north = (await make.aLocation(prisma, { name: 'Planta Norte', code: 'NORTE' })).id;
  const northRoom = (await make.aLocation(prisma, { name: 'Sala de bombas norte', code: 'NORTE-BOM', parentId: north })).id;
  const south = (await make.aLocation(prisma, { name: 'Planta Sur', code: 'SUR' })).id;
  // 8 pumps in the north (2 of them feed-water pumps), 3 in the south; one order in progress on each.
  for (let i = 1; i <= 11; i++) {
    const inNorth = i <= 8;
    const asset = await make.anAsset(prisma, {
      locationId: inNorth ? northRoom : south,
      code: `${inNorth ? 'N' : 'S'}-B${i}`,
      description: inNorth && i <= 2 ? `Bomba de alimentación ${i}` : `Bomba de trasiego ${i}`,
    });
    await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, state: 'IN_PROGRESS', plannedOn: new Date('2026-11-25'), description: `Revisar sello ${i}` } });
  }
  scoped = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora Norte');
  await prisma.userSite.create({ data: { userId: scoped.userId, locationId: north } });
  await scoped.client.signIn(scoped.email, PASSWORD);
  admin = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Ana Administradora');
});
afterAll(() => office?.close());
afterEach(() => setListLimitsForTests());

async function list(person: Person, resource: string, query: Record<string, string>): Promise<ListJson> {
  const response = await person.client.request(`/admin/api/resources/${resource}/actions/list?${new URLSearchParams(query)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ListJson;
}

describe('counts under a site stop at their cap', () => {
  it('says "more than 5" for the 8 assets of his site, and the pager reaches one page further', async () => {
    setListLimitsForTests({ relatedCount: 5 });
    const first = await list(scoped, 'Asset', { perPage: '3' });
    expect(first.meta).toMatchObject({ total: 5, totalIsMoreThan: true, pagerTotal: 6 });
    expect(first.meta.totalIsEstimate).toBeUndefined();
    expect(first.records).toHaveLength(3);

    // Page 2 is full (rows 4-6): the pager offers a page beyond the cap.
    const second = await list(scoped, 'Asset', { perPage: '3', page: '2' });
    expect(second.meta).toMatchObject({ total: 5, totalIsMoreThan: true, pagerTotal: 7 });
    // Page 3 is short (rows 7-8): the end of the list, which the pager then reaches exactly.
    const third = await list(scoped, 'Asset', { perPage: '3', page: '3' });
    expect(third.records).toHaveLength(2);
    expect(third.meta).toMatchObject({ total: 5, totalIsMoreThan: true, pagerTotal: 8 });
    const seen = [...first.records, ...second.records, ...third.records].map((r) => String(r.params.code));
    expect(new Set(seen).size).toBe(8);
    expect(seen.every((code) => code.startsWith('N-'))).toBe(true);
  });

  it('caps his orders in progress the same way, and counts a narrower list exactly, unmarked', async () => {
    setListLimitsForTests({ relatedCount: 5 });
    const inProgress = await list(scoped, 'WorkOrder', { 'filters.state': 'IN_PROGRESS' });
    expect(inProgress.meta).toMatchObject({ total: 5, totalIsMoreThan: true });
    expect(inProgress.records).toHaveLength(8);
    expect(inProgress.meta.pagerTotal).toBe(8);

    const feedPumps = await list(scoped, 'Asset', { 'filters.description': 'bomba de alimentacion' });
    expect(feedPumps.meta).toMatchObject({ total: 2 });
    expect(feedPumps.meta.totalIsMoreThan).toBeUndefined();
    expect(feedPumps.meta.pagerTotal).toBeUndefined();
    expect(feedPumps.records).toHaveLength(2);
  });

  it('caps a filter through a relation (orders by location) but not one on the row itself', async () => {
    setListLimitsForTests({ relatedCount: 5 });
    const byLocation = await list(admin, 'WorkOrder', { 'filters.location': String(north) });
    expect(byLocation.meta).toMatchObject({ total: 5, totalIsMoreThan: true });
    expect(byLocation.records).toHaveLength(8);

    const byState = await list(admin, 'WorkOrder', { 'filters.state': 'IN_PROGRESS' });
    expect(byState.meta).toMatchObject({ total: 11 });
    expect(byState.meta.totalIsMoreThan).toBeUndefined();
  });

  it('counts his site exactly at the usual cap', async () => {
    const all = await list(scoped, 'Asset', {});
    expect(all.meta).toMatchObject({ total: 8 });
    expect(all.meta.totalIsMoreThan).toBeUndefined();
  });
});

describe('a list pages through its first rows', () => {
  it('refuses a page beyond the window with what to do, in Spanish and in English', async () => {
    setListLimitsForTests({ window: 6 });
    const last = await list(admin, 'Asset', { perPage: '3', page: '2' });
    expect(last.records).toHaveLength(3);
    // 11 assets, but the pager reaches the first 6 rows.
    expect(last.meta).toMatchObject({ total: 11, pagerTotal: 6 });

    const beyond = await admin.client.request('/admin/api/resources/Asset/actions/list?perPage=3&page=3');
    expect(beyond.status).toBe(400);
    const refusal = (await beyond.json()) as { error: string; message: string };
    expect(refusal.error).toBe('pageBeyondListWindow');
    expect(refusal.message).toContain('primeros 6 resultados');
    expect(refusal.message).toContain('Filtre la lista');
    expect(refusal.message).toContain('ordénela en sentido inverso');

    await prisma.user.update({ where: { id: admin.userId }, data: { locale: 'en' } });
    try {
      const inEnglish = await admin.client.request('/admin/api/resources/WorkOrder/actions/list?perPage=2&page=4');
      expect(inEnglish.status).toBe(400);
      const message = ((await inEnglish.json()) as { message: string }).message;
      expect(message).toContain('first 6 results');
      expect(message).toContain('sort it the other way round');
    } finally {
      await prisma.user.update({ where: { id: admin.userId }, data: { locale: 'es' } });
    }
  });

  it('pages a list chosen through another table (his site) through fewer rows: each costs a look-up', async () => {
    setListLimitsForTests({ relatedWindow: 6 });
    const second = await list(scoped, 'Asset', { perPage: '3', page: '2' });
    expect(second.meta).toMatchObject({ total: 8, pagerTotal: 6 });
    expect(second.records).toHaveLength(3);
    const beyond = await scoped.client.request('/admin/api/resources/Asset/actions/list?perPage=3&page=3');
    expect(beyond.status).toBe(400);
    expect(((await beyond.json()) as { message: string }).message).toContain('primeros 6 resultados');
    // The administrator's whole list is chosen by no other table: its window is the usual one.
    const whole = await list(admin, 'Asset', { perPage: '3', page: '3' });
    expect(whole.records).toHaveLength(3);
    expect(whole.meta.pagerTotal).toBeUndefined();
  });

  it('lets the last rows be reached by sorting the other way, and leaves exports whole', async () => {
    setListLimitsForTests({ window: 6 });
    const forward = await list(admin, 'Asset', { perPage: '20', sortBy: 'code', direction: 'asc' });
    const backward = await list(admin, 'Asset', { perPage: '3', sortBy: 'code', direction: 'desc' });
    expect(backward.records.map((r) => r.params.code)).toEqual(forward.records.slice(-3).reverse().map((r) => r.params.code));
    expect(forward.records).toHaveLength(11);

    // An export is no page: it writes every row the list matches, past the window.
    const exported = await admin.client.request('/admin/exports/Asset.xlsx');
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    expect(workbook.worksheets[0]!.actualRowCount).toBe(1 + 11); // the header and every asset
  });
});

describe('the pager of a list', () => {
  it('reaches the total within the window, and one page past a capped count while pages are full', () => {
    expect(listPager({ total: 42, page: 1, perPage: 10 }, 10, 10_000)).toBe(42);
    expect(listPager({ total: 5_000_000, page: 1, perPage: 10 }, 10, 10_000)).toBe(10_000);
    expect(listPager({ total: 1_000, page: 1, perPage: 10, totalIsMoreThan: true }, 10, 10_000)).toBe(1_001);
    expect(listPager({ total: 1_000, page: 150, perPage: 10, totalIsMoreThan: true }, 10, 10_000)).toBe(1_501);
    expect(listPager({ total: 1_000, page: 150, perPage: 10, totalIsMoreThan: true }, 4, 10_000)).toBe(1_494);
    expect(listPager({ total: 1_000, page: 1_000, perPage: 10, totalIsMoreThan: true }, 10, 10_000)).toBe(10_000);
  });
});
