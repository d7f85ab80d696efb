// The demo plant as a person browsing the back office would find it: a small one (500 assets, 2000
// orders) seeded into a fresh database, then checked through plain SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPlantExistsError, seedDemoPlant, type DemoSummary } from '../prisma/seed/demo.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const SMALL_PLANT = { assets: 500, orders: 2000, seed: 7, asOf: new Date('2026-06-15T15:00:00Z') };
const ORDER_STATES = ['ASSIGNED', 'CANCELLED', 'CLOSED', 'COMPLETED', 'IN_PROGRESS', 'ON_HOLD', 'PENDING'];

let db: TestDatabase;
let summary: DemoSummary;

beforeAll(async () => {
  db = await createTestDatabase();
  summary = await seedDemoPlant(db.pool, SMALL_PLANT);
});

afterAll(async () => {
  await db?.drop();
});

async function rows<T extends object>(sql: string): Promise<T[]> {
  return (await db.pool.query<T>(sql)).rows;
}

async function count(sql: string): Promise<number> {
  const [row] = await rows<{ n: number }>(`SELECT (${sql})::int AS n`);
  return row!.n;
}

// A fingerprint of what a user sees, to compare two seeds.
async function plantFingerprint(): Promise<string> {
  const [row] = await rows<{ assets: string; orders: string }>(`
    SELECT (SELECT md5(string_agg(code || description || location_id || criticality, ',' ORDER BY code)) FROM assets) AS assets,
           (SELECT md5(string_agg(number || state || asset_id || description, ',' ORDER BY number)) FROM work_orders) AS orders`);
  return `${row!.assets}/${row!.orders}`;
}

describe('demo plant', () => {
  it('has the asked number of assets and orders, with the rest of the plant around them', async () => {
    expect(await count('SELECT count(*) FROM assets')).toBe(500);
    expect(await count('SELECT count(*) FROM work_orders')).toBe(2000);
    expect(summary.counts.assets).toBe(500);
    expect(summary.counts.work_orders).toBe(2000);
    expect(summary.counts.technicians).toBe(30);
    expect(summary.counts.work_requests).toBe(100);
    expect(summary.counts.asset_categories).toBeGreaterThanOrEqual(25);
    // about one measurement point per two assets, ten readings each
    expect(summary.counts.measurement_points).toBeGreaterThan(200);
    expect(summary.counts.measurement_points).toBeLessThan(300);
    expect(summary.counts.readings).toBe(summary.counts.measurement_points * 10);
    // about 60 % of the assets are on a preventive plan
    expect(summary.counts.maintenance_schedules).toBeGreaterThan(250);
    expect(summary.counts.maintenance_schedules).toBeLessThan(350);
    expect(summary.elapsedMs).toBeGreaterThan(0);
    expect(Object.values(summary.ordersPerYear).reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it('places assets in a four-level location tree named from the plant down', async () => {
    const levels = await rows<{ depth: number; locations: number }>(
      'SELECT depth, count(*)::int AS locations FROM locations GROUP BY depth ORDER BY depth',
    );
    expect(levels.map((l) => l.depth)).toEqual([0, 1, 2, 3]);
    expect(levels.slice(0, 2).map((l) => l.locations)).toEqual([1, 8]);
    expect(levels[3]!.locations).toBeGreaterThan(300);
    expect(levels[3]!.locations).toBeLessThan(500);

    const leaves = await rows<{ code: string; full_name: string }>('SELECT code, full_name FROM locations WHERE depth = 3');
    for (const leaf of leaves) {
      expect(leaf.full_name).toMatch(/^Planta Térmica San Pedro > [^>]+ > [^>]+ > [^>]+$/);
      expect(leaf.code).toMatch(/^PL01-[A-Z]{3}-S\d{2}-P\d{2}$/);
    }
    expect(leaves.map((l) => l.full_name)).toContain('Planta Térmica San Pedro > Sala de bombas > Bombas de alimentación > Skid principal');
    expect(await count('SELECT count(*) FROM assets a JOIN locations l ON l.id = a.location_id WHERE l.depth <> 3')).toBe(0);
  });

  it('describes assets in Spanish with unique codes, and sub-assets hang from an earlier asset in the same place', async () => {
    const [first] = await rows<{ code: string; description: string }>(`SELECT code, description FROM assets ORDER BY id LIMIT 1`);
    expect(first!.code).toBe('ACT-000001');
    expect(first!.description).toMatch(/^\p{Lu}[\p{L} .]+ \d+$/u);
    expect(await count(`SELECT count(*) FROM assets WHERE description ~ '[áéíóúñ]'`)).toBeGreaterThan(100);
    // accent-insensitive search works on the generated column
    expect(await count(`SELECT count(*) FROM assets WHERE search_text LIKE '%valvula de control%'`)).toBeGreaterThan(0);

    const subAssets = await count('SELECT count(*) FROM assets WHERE parent_asset_id IS NOT NULL');
    expect(subAssets).toBeGreaterThan(5);
    expect(subAssets).toBeLessThan(50);
    expect(await count('SELECT count(*) FROM assets WHERE parent_asset_id >= id')).toBe(0);
    expect(
      await count('SELECT count(*) FROM assets c JOIN assets p ON p.id = c.parent_asset_id WHERE p.location_id <> c.location_id'),
    ).toBe(0);
  });

  it('numbers orders OT-YYYY-NNNNN without gaps, per year, in date order', async () => {
    expect(await count(`SELECT count(*) FROM work_orders WHERE number !~ '^OT-[0-9]{4}-[0-9]{5}$'`)).toBe(0);
    expect(await count(`SELECT count(*) FROM work_orders WHERE substr(number, 4, 4)::int <> extract(year FROM planned_on)`)).toBe(0);
    const years = await rows<{ year: string; orders: number; last: number }>(`
      SELECT substr(number, 4, 4) AS year, count(*)::int AS orders, max(substr(number, 9)::int) AS last
        FROM work_orders GROUP BY 1 ORDER BY 1`);
    expect(years.length).toBeGreaterThanOrEqual(2);
    for (const year of years) expect(year.last).toBe(year.orders);
    expect(Object.fromEntries(years.map((y) => [y.year, y.orders]))).toEqual(summary.ordersPerYear);
    expect(
      await count(`
        SELECT count(*) FROM (
          SELECT number, row_number() OVER (PARTITION BY extract(year FROM planned_on) ORDER BY planned_on, id) AS n FROM work_orders
        ) o WHERE substr(number, 9)::int <> n`),
    ).toBe(0);
  });

  it('has orders in every state: history closed, recent work in progress, the coming weeks planned', async () => {
    const states = await rows<{ state: string }>('SELECT DISTINCT state FROM work_orders ORDER BY state');
    expect(states.map((s) => s.state)).toEqual(ORDER_STATES);
    const asOf = `'2026-06-15'::date`;
    expect(await count(`SELECT count(*) FROM work_orders WHERE planned_on >= ${asOf} AND state NOT IN ('PENDING', 'ASSIGNED', 'CANCELLED')`)).toBe(0);
    const old = await rows<{ closed: number; total: number }>(`
      SELECT count(*) FILTER (WHERE state = 'CLOSED')::int AS closed, count(*)::int AS total
        FROM work_orders WHERE planned_on < ${asOf} - 90`);
    expect(old[0]!.closed / old[0]!.total).toBeGreaterThan(0.9);

    // who and when follow the state
    expect(await count(`SELECT count(*) FROM work_orders WHERE (technician_id IS NULL) <> (state = 'PENDING')`)).toBe(0);
    expect(
      await count(`SELECT count(*) FROM work_orders
                    WHERE (started_at IS NOT NULL) <> (state IN ('IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CLOSED'))
                       OR (completed_at IS NOT NULL) <> (state IN ('COMPLETED', 'CLOSED'))
                       OR completed_at <= started_at`),
    ).toBe(0);
  });

  it('ties preventive orders to a schedule of the same asset, corrective ones to requests at most once', async () => {
    const kinds = await rows<{ kind: string; orders: number }>('SELECT kind, count(*)::int AS orders FROM work_orders GROUP BY kind');
    const preventive = kinds.find((k) => k.kind === 'PREVENTIVE')!.orders;
    expect(preventive / 2000).toBeGreaterThan(0.7);
    expect(preventive / 2000).toBeLessThan(0.8);
    expect(await count(`SELECT count(*) FROM work_orders WHERE kind = 'PREVENTIVE' AND schedule_id IS NULL`)).toBe(0);
    expect(await count(`SELECT count(*) FROM work_orders WHERE kind = 'CORRECTIVE' AND schedule_id IS NOT NULL`)).toBe(0);
    expect(
      await count(`SELECT count(*) FROM work_orders o JOIN maintenance_schedules s ON s.id = o.schedule_id
                    WHERE s.asset_id <> o.asset_id OR o.planned_on < s.starts_on`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) FROM work_orders o JOIN work_requests r ON r.id = o.work_request_id
                    WHERE r.asset_id <> o.asset_id OR r.state <> 'CONVERTED' OR o.created_at < r.created_at`),
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM work_orders WHERE work_request_id IS NOT NULL`)).toBeGreaterThan(0);
  });

  it('closes every CLOSED order with hours, a technician and, for corrective work, problem > cause > remedy', async () => {
    expect(
      await count(`SELECT count(*) FROM work_orders o LEFT JOIN work_order_closures c ON c.work_order_id = o.id
                    WHERE o.state = 'CLOSED' AND c.id IS NULL`),
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM work_order_closures WHERE labor_hours <= 0`)).toBe(0);
    expect(
      await count(`SELECT count(*) FROM work_order_closures c JOIN work_orders o ON o.id = c.work_order_id
                     JOIN technicians t ON t.id = o.technician_id WHERE c.closed_by_id <> t.user_id OR c.closed_at < o.completed_at`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) FROM work_order_closures c JOIN work_orders o ON o.id = c.work_order_id
                     LEFT JOIN failure_codes r ON r.id = c.remedy_id LEFT JOIN failure_codes k ON k.id = c.cause_id
                    WHERE o.kind = 'CORRECTIVE' AND (r.parent_id IS DISTINCT FROM c.cause_id OR k.parent_id IS DISTINCT FROM c.problem_id)`),
    ).toBe(0);
  });

  it('gives the technicians accounts that cannot sign in, in the Técnicos group', async () => {
    const crew = await rows<{ email: string; password_hash: string | null; groups: string[] }>(`
      SELECT u.email, u.password_hash, array_agg(g.code) AS groups
        FROM technicians t JOIN users u ON u.id = t.user_id
        LEFT JOIN user_groups ug ON ug.user_id = u.id LEFT JOIN groups g ON g.id = ug.group_id
       GROUP BY u.id ORDER BY u.email`);
    expect(crew).toHaveLength(30);
    expect(crew[0]!.email).toBe('tecnico01@planta.demo');
    for (const member of crew) {
      expect(member.password_hash).toBeNull();
      expect(member.groups).toEqual(['TECHNICIANS']);
    }
  });

  it('creates the five groups as the first start does: administrators may read the change history, the others not yet', async () => {
    // Seeded before the first start, the groups are the seed's; the first start's ON CONFLICT keeps them.
    const groups = await rows<{ code: string; can_read_history: boolean }>('SELECT code, can_read_history FROM groups ORDER BY code');
    expect(groups).toEqual([
      { code: 'ADMINISTRATORS', can_read_history: true },
      { code: 'CONSULTANTS', can_read_history: false },
      { code: 'OPERATORS', can_read_history: false },
      { code: 'SUPERVISORS', can_read_history: false },
      { code: 'TECHNICIANS', can_read_history: false },
    ]);
  });

  it('refuses a second run without --reset, writing nothing', async () => {
    const before = await plantFingerprint();
    const attempt = seedDemoPlant(db.pool, { ...SMALL_PLANT, seed: 8 });
    await expect(attempt).rejects.toThrow(DemoPlantExistsError);
    await expect(attempt).rejects.toThrow(/already has plant data \(assets: 500.*--reset/);
    for (const [table, rows] of Object.entries(summary.counts)) expect([table, await count(`SELECT count(*) FROM ${table}`)]).toEqual([table, rows]);
    expect(await plantFingerprint()).toBe(before);
  });

  it('with --reset, seeds the same plant again from the same seed and date, keeping the users', async () => {
    const before = await plantFingerprint();
    const again = await seedDemoPlant(db.pool, { ...SMALL_PLANT, reset: true });
    expect(again.counts).toEqual(summary.counts);
    expect(await plantFingerprint()).toBe(before);
    expect(await count('SELECT min(id) FROM assets')).toBe(1);
  });
});
