import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('work-order numbers OT-YYYY-NNNNN', () => {
  it('are unique and gap-free per year when 50 orders are created at once', async () => {
    const asset = await make.anAsset(db.prisma);
    const orders = await Promise.all(
      Array.from({ length: 50 }, (_, i) => make.aWorkOrder(db.prisma, { assetId: asset.id, plannedOn: new Date(i % 2 ? '2026-03-01' : '2027-01-15') })),
    );
    const byYear = (year: string) => orders.map((o) => o.number).filter((n) => n.startsWith(`OT-${year}-`)).sort();
    expect(byYear('2026')).toEqual(Array.from({ length: 25 }, (_, i) => `OT-2026-${String(i + 1).padStart(5, '0')}`));
    expect(byYear('2027')).toEqual(Array.from({ length: 25 }, (_, i) => `OT-2027-${String(i + 1).padStart(5, '0')}`));
  });

  it('leave no gap when an insert is rolled back', async () => {
    const asset = await make.anAsset(db.prisma);
    await db.prisma
      .$transaction(async (tx) => {
        await tx.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, plannedOn: new Date('2028-05-01'), description: 'x' } });
        throw new Error('the closeout failed');
      })
      .catch(() => {});
    const next = await make.aWorkOrder(db.prisma, { assetId: asset.id, plannedOn: new Date('2028-06-01') });
    expect(next.number).toBe('OT-2028-00001');
  });

  it('continue after numbers already present for the year (imports, demo data)', async () => {
    const asset = await make.anAsset(db.prisma);
    await db.prisma.workOrder.create({ data: { number: 'OT-2029-00041', kind: 'CORRECTIVE', assetId: asset.id, plannedOn: new Date('2029-01-01'), description: 'importada' } });
    const next = await make.aWorkOrder(db.prisma, { assetId: asset.id, plannedOn: new Date('2029-02-01') });
    expect(next.number).toBe('OT-2029-00042');
  });
});
