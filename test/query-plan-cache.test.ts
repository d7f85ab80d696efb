// Prisma's query plans reused (prisma/query-plan-cache.ts), on a real database: a read that comes back is
// answered from the plan kept for it, with the rows as they are now and objects of its own; a read
// with other values gets its own plan; writes are compiled each time and still record their author.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs } from '../prisma/actor.js';
import { queryPlanCacheFigures } from '../prisma/query-plan-cache.js';
import * as make from './support/factories.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('query plans of reads are reused', () => {
  it('answers a read asked again from its kept plan, with the rows as they are now', async () => {
    const location = await make.aLocation(db.prisma, { name: 'Sala de calderas' });
    const read = () => db.prisma.asset.findMany({ where: { locationId: location.id }, orderBy: { code: 'asc' }, select: { code: true, description: true } });
    // Asked a first time (compiled), a second (compiled and kept: it came back), then answered from the plan.
    expect(await read()).toEqual([]);
    expect(await read()).toEqual([]);
    const before = queryPlanCacheFigures();
    await make.anAsset(db.prisma, { locationId: location.id, code: 'CAL-001', description: 'Caldera 1' });
    const rows = await read();
    expect(rows).toEqual([{ code: 'CAL-001', description: 'Caldera 1' }]);
    expect(queryPlanCacheFigures().hits).toBeGreaterThan(before.hits);
    // Each answer is the caller's to change: the next one is not affected.
    rows[0]!.description = 'cambiada';
    rows.push({ code: 'X', description: 'X' });
    expect(await read()).toEqual([{ code: 'CAL-001', description: 'Caldera 1' }]);
  });

  it('gives a read with other values its own plan and its own answer', async () => {
    const north = await make.aLocation(db.prisma, { name: 'Norte' });
    const south = await make.aLocation(db.prisma, { name: 'Sur' });
    await make.anAsset(db.prisma, { locationId: north.id, code: 'N-1' });
    await make.anAsset(db.prisma, { locationId: south.id, code: 'S-1' });
    const codesAt = async (locationId: number) => (await db.prisma.asset.findMany({ where: { locationId }, select: { code: true } })).map((a) => a.code);
    for (let i = 0; i < 3; i++) {
      expect(await codesAt(north.id)).toEqual(['N-1']);
      expect(await codesAt(south.id)).toEqual(['S-1']);
    }
    // Counts, relations and an empty list of ids (a plan that needs no query) answer right every time.
    for (let i = 0; i < 3; i++) {
      expect(await db.prisma.asset.count({ where: { locationId: { in: [north.id, south.id] } } })).toBe(2);
      const withLocation = await db.prisma.asset.findFirst({ where: { code: 'S-1' }, select: { location: { select: { name: true } } } });
      expect(withLocation?.location.name).toBe('Sur');
      const none = await db.prisma.asset.findMany({ where: { id: { in: [] } } });
      expect(none).toEqual([]);
      none.push({} as never);
    }
  });

  it('compiles writes each time, and they still record who made them', async () => {
    const location = await make.aLocation(db.prisma);
    for (const description of ['Compresor 1', 'Compresor 2']) {
      await actAs({ label: 'test:plan-cache' }, async () => void (await db.prisma.asset.updateMany({ where: { locationId: location.id }, data: { description } })));
    }
    await make.anAsset(db.prisma, { locationId: location.id, code: 'COMP-1' });
    await actAs({ label: 'test:plan-cache' }, async () => void (await db.prisma.asset.updateMany({ where: { locationId: location.id }, data: { description: 'Compresor 3' } })));
    expect((await db.prisma.asset.findFirst({ where: { code: 'COMP-1' } }))?.description).toBe('Compresor 3');
    const { rows } = await db.pool.query<{ actor_label: string }>(
      `SELECT actor_label FROM change_history_entries WHERE table_name = 'assets' AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0]?.actor_label).toBe('test:plan-cache');
  });
});
