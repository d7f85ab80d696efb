// The plant-sized seed (`seed:demo --scale N`) at a small size: its command line, no change history for
// the seeded rows while every later write is recorded again, and order numbers that continue from the
// seeded ones through the year's counter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDemoArguments } from '../prisma/seed/command-line.js';
import { seedDemoPlant } from '../prisma/seed/demo.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  // `scale` is what --scale sets; the sizes are the test's, not N demo plants'.
  await seedDemoPlant(db.pool, { assets: 300, orders: 1500, scale: 1, seed: 11, asOf: new Date('2026-06-15T15:00:00Z') });
});
afterAll(() => db?.drop());

const count = async (sql: string, values: unknown[] = []) => Number((await db.pool.query<{ n: number }>(`SELECT (${sql})::int AS n`, values)).rows[0]!.n);

describe('the plant-sized demo seed', () => {
  it('takes --scale N as N demo plants, and refuses it beside --assets or --orders', () => {
    expect(parseDemoArguments(['--scale', '20'])).toMatchObject({ assets: 1_000_000, orders: 5_000_000, scale: 20 });
    expect(parseDemoArguments([])).toMatchObject({ assets: 50_000, orders: 250_000 });
    expect(parseDemoArguments([]).scale).toBeUndefined();
    expect(() => parseDemoArguments(['--scale', '20', '--assets', '10'])).toThrow(/--scale sets the assets and orders/);
    expect(() => parseDemoArguments(['--scale', 'big'])).toThrow(/--scale must be a whole number/);
  });

  it('leaves every index of the plant\'s tables in place (they are dropped for the load and built again)', async () => {
    const fresh = await createTestDatabase();
    try {
      const indexes = `SELECT string_agg(indexdef, E'\n' ORDER BY indexname) AS list FROM pg_indexes WHERE tablename IN ('assets', 'work_orders', 'readings', 'work_order_closures')`;
      const before = (await fresh.pool.query<{ list: string }>(indexes)).rows[0]!.list;
      const seeded = (await db.pool.query<{ list: string }>(indexes)).rows[0]!.list;
      expect(seeded).toBe(before);
      expect(seeded).toContain('work_orders_planned_on_idx');
    } finally {
      await fresh.drop();
    }
  });

  it('writes no change history for the seeded rows, and records the next write again', async () => {
    expect(await count(`SELECT count(*) FROM assets`)).toBe(300);
    expect(await count(`SELECT count(*) FROM change_history_entries WHERE table_name IN ('assets', 'work_orders', 'work_order_closures', 'readings')`)).toBe(0);
    const { rows } = await db.pool.query<{ id: number }>(
      `INSERT INTO assets (code, description, location_id, category_id)
       SELECT 'NUEVO-1', 'Bomba nueva', location_id, category_id FROM assets LIMIT 1 RETURNING id`,
    );
    expect(await count(`SELECT count(*) FROM change_history_entries WHERE table_name = 'assets' AND record_id = $1`, [String(rows[0]!.id)])).toBe(1);
  });

  it('reserves each year\'s numbers from its counter, so the next order of a year follows the last seeded one', async () => {
    const { rows: last } = await db.pool.query<{ year: number; n: number; asset_id: number }>(
      `SELECT extract(year FROM planned_on)::int AS year, max(substr(number, 9)::int) AS n, min(asset_id) AS asset_id
         FROM work_orders GROUP BY 1 ORDER BY 1 DESC LIMIT 1`,
    );
    const { year, n, asset_id } = last[0]!;
    expect(await count(`SELECT last_number FROM work_order_counters WHERE year = $1`, [year])).toBe(n);
    const { rows } = await db.pool.query<{ number: string }>(
      `INSERT INTO work_orders (kind, asset_id, state, priority, description, planned_on)
       VALUES ('CORRECTIVE', $1, 'PENDING', 'MEDIUM', 'Fuga en brida', make_date($2, 12, 1)) RETURNING number`,
      [asset_id, year],
    );
    expect(rows[0]!.number).toBe(`OT-${year}-${String(n + 1).padStart(5, '0')}`);
  });
});
