// Lists on a plant-sized database report PostgreSQL's estimate instead of counting every row, and say
// so: the list answer carries `meta.totalIsEstimate`, so the page can read "aprox. 1.000.000". Here the
// limit above which counts are estimated is lowered to 5 rows, so a small plant takes the estimate path.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setExactCountLimitForTests } from '../admin/adapter/prisma-resource.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';

type ListJson = { records: { id: string }[]; meta: { total: number; totalIsEstimate?: boolean } };

let office: TestBackOffice;
let admin: HttpClient;

beforeAll(async () => {
  office = await startTestBackOffice();
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  const prisma = office.database.prisma;
  const area = await make.aLocation(prisma, { name: 'Sala de calderas' });
  const category = await make.aCategory(prisma);
  // 40 valves and 3 pumps; statistics gathered, as autovacuum would on a real plant.
  await office.database.pool.query(
    `INSERT INTO assets (code, description, location_id, category_id)
     SELECT 'EST-' || i, CASE WHEN i <= 3 THEN 'Bomba de condensado ' ELSE 'Válvula de purga ' END || i, $1, $2
       FROM generate_series(1, 43) i`,
    [area.id, category.id],
  );
  await office.database.pool.query('ANALYZE assets');
});
afterAll(() => office?.close());
beforeEach(() => setExactCountLimitForTests(5));
afterEach(() => setExactCountLimitForTests(undefined));

const list = async (query: Record<string, string>) =>
  (await admin.json<ListJson>(`/admin/api/resources/Asset/actions/list?${new URLSearchParams(query)}`)).body;

describe('counts of large lists', () => {
  it('gives the whole list the table size PostgreSQL keeps, marked as an estimate', async () => {
    const all = await list({});
    expect(all.meta.totalIsEstimate).toBe(true);
    const exact = await office.database.prisma.asset.count();
    expect(Math.abs(all.meta.total - exact) / exact).toBeLessThan(0.1);
    expect(all.records.length).toBeGreaterThan(5);
  });

  it('estimates a broad search, and counts a narrow one exactly, unmarked', async () => {
    const broad = await list({ 'filters.description': 'valvula de purga' });
    expect(broad.meta.totalIsEstimate).toBe(true);
    expect(broad.meta.total).toBeGreaterThan(5);

    const narrow = await list({ 'filters.description': 'bomba de condensado' });
    expect(narrow.meta).toMatchObject({ total: 3 });
    expect(narrow.meta.totalIsEstimate).toBeUndefined();
    expect(narrow.records).toHaveLength(3);
  });

  it('takes the planner\'s estimate without counting when it expects far more rows than the limit', async () => {
    // Every asset is in service, against a limit of 2: the planner (from the column's statistics) expects
    // over 20, ten times the limit.
    setExactCountLimitForTests(2);
    const broad = await list({ 'filters.status': 'IN_SERVICE' });
    expect(broad.meta.totalIsEstimate).toBe(true);
    const inService = await office.database.prisma.asset.count({ where: { status: 'IN_SERVICE' } });
    expect(inService).toBeGreaterThan(20);
    expect(Math.abs(broad.meta.total - inService) / inService).toBeLessThan(0.2);
    const narrow = await list({ 'filters.description': 'bomba de condensado 2' });
    expect(narrow.meta).toMatchObject({ total: 1 });
    expect(narrow.meta.totalIsEstimate).toBeUndefined();
  });

  it('counts exactly, unmarked, what the planner cannot estimate from simple conditions (a date range)', async () => {
    const ranged = await list({ 'filters.createdAt~~from': '2000-01-01' });
    expect(ranged.meta.total).toBe(await office.database.prisma.asset.count());
    expect(ranged.meta.totalIsEstimate).toBeUndefined();
  });

  it('counts everything exactly at the usual limit: a small plant never reads "about"', async () => {
    setExactCountLimitForTests(undefined);
    const all = await list({});
    expect(all.meta.total).toBe(await office.database.prisma.asset.count());
    expect(all.meta.totalIsEstimate).toBeUndefined();
  });

  it('counts the dashboard\'s cards as their lists count them: the same estimate, said to be one', async () => {
    type Dashboard = { counts: { label: string; value: number; kind: string }[] };
    const card = (dashboard: Dashboard, label: string) => dashboard.counts.find((count) => count.label === label);
    const estimated = (await admin.json<Dashboard>('/admin/api/dashboard')).body;
    expect(card(estimated, 'dashboardAssets')).toEqual({ label: 'dashboardAssets', value: (await list({})).meta.total, kind: 'estimate' });
    // Open orders (a list of states) are counted exactly whatever the limit: the planner's guess for a
    // list of values is not taken.
    const openOrders = await office.database.prisma.workOrder.count({ where: { state: { in: ['PENDING', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'] } } });
    expect(card(estimated, 'dashboardOpenWorkOrders')).toEqual({ label: 'dashboardOpenWorkOrders', value: openOrders, kind: 'exact' });

    setExactCountLimitForTests(undefined);
    const exact = (await admin.json<Dashboard>('/admin/api/dashboard')).body;
    expect(card(exact, 'dashboardAssets')).toEqual({ label: 'dashboardAssets', value: await office.database.prisma.asset.count(), kind: 'exact' });
  });
});
