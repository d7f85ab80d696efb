// Materials actuals from the storeroom: stock issued to a work order is spent on the MATERIALS line of the
// budget above the order's asset, at the cost it was issued at; a return reverses what it gives back. The
// summary follows, and still equals a recomputation from scratch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilitiesFor } from '../domain/access/abilities.js';
import { issueToWorkOrder, returnFromWorkOrder } from '../domain/inventory/issue-stock.js';
import { receiveStock } from '../domain/inventory/receive-stock.js';
import { actAs } from '../prisma/actor.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';

let database: TestDatabase;
let prisma: Db;
let clerkId: number;
const YEAR = new Date().getUTCFullYear();
const clerk = () => defineAbilitiesFor({ userId: clerkId, groups: ['CONSULTANTS'], technicianId: null, sharedOrderIds: [], canReadHistory: false, canManageStore: true, approvalLimit: null, sitePaths: [] });
const asClerk = <T>(work: () => Promise<T>) => actAs({ userId: clerkId, label: 'user:bodega@planta.test' }, work);

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  clerkId = (await make.aUser(prisma, 'Berta Bodeguera')).id;
});
afterAll(() => database?.drop());

const actualOn = async (lineId: number) => Number((await prisma.budgetSummary.aggregate({ where: { budgetLineId: lineId }, _sum: { actual: true } }))._sum.actual);

describe('materials issued to a work order', () => {
  it('post their cost on the MATERIALS line of the nearest budget above the asset; a return reverses it', async () => {
    const site = await make.aLocation(prisma, { name: 'Planta Sur', code: 'MAT-SUR' });
    const room = await make.aLocation(prisma, { name: 'Sala de turbinas', code: 'MAT-SUR-T', parentId: site.id });
    const budget = await prisma.budget.create({
      data: { code: 'MAT-SUR-PRE', name: 'Planta Sur', year: YEAR, locationId: site.id, lines: { create: [{ account: 'LABOUR' }, { account: 'MATERIALS' }] } },
      include: { lines: true },
    });
    const materials = budget.lines.find((l) => l.account === 'MATERIALS')!.id;
    const labour = budget.lines.find((l) => l.account === 'LABOUR')!.id;
    const order = await make.aWorkOrder(prisma, { assetId: (await make.anAsset(prisma, { locationId: room.id })).id });
    const material = await make.aMaterial(prisma, { description: 'Filtro de aceite' });
    const warehouse = await make.aWarehouse(prisma);
    const place = { materialId: material.id, warehouseId: warehouse.id };

    await asClerk(async () => {
      await receiveStock(prisma, clerk(), clerkId, { ...place, quantity: '10', unitCost: '12.5' });
      // Receiving stock into the warehouse spends nothing on the order's budget.
      expect(await actualOn(materials)).toBe(0);
      // 4 × 12.50 = 50.00 issued to the order.
      const issue = await issueToWorkOrder(prisma, clerk(), clerkId, { ...place, workOrderId: order.id, quantity: '4' });
      expect(await actualOn(materials)).toBe(50);
      const posting = await prisma.budgetActual.findUniqueOrThrow({ where: { source_sourceId: { source: 'WORK_ORDER_MATERIALS', sourceId: issue.id } } });
      expect(posting).toMatchObject({ budgetLineId: materials, workOrderId: order.id, month: new Date().getUTCMonth() + 1 });
      // 1 returned at what the order paid: −12.50, so 37.50 spent.
      await returnFromWorkOrder(prisma, clerk(), clerkId, { ...place, workOrderId: order.id, quantity: '1' });
      expect(await actualOn(materials)).toBe(37.5);
    });
    expect(await actualOn(labour)).toBe(0);
    const postings = await prisma.budgetActual.findMany({ where: { workOrderId: order.id }, orderBy: { id: 'asc' } });
    expect(postings.map((p) => [p.source, Number(p.amount)])).toEqual([['WORK_ORDER_MATERIALS', 50], ['WORK_ORDER_MATERIALS', -12.5]]);

    const differences = await prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM budget_summaries s JOIN budget_summaries_recomputed r USING (budget_line_id, month)
        WHERE s.budget_line_id = $1 AND (s.actual, s.committed, s.current_amount) IS DISTINCT FROM (r.actual, r.committed, r.current_amount)`,
      materials,
    );
    expect(differences[0]!.n).toBe(0);
  });

  it('an order outside every budget posts nothing, and the issue still goes through', async () => {
    const order = await make.aWorkOrder(prisma);
    const material = await make.aMaterial(prisma);
    const warehouse = await make.aWarehouse(prisma);
    const before = await prisma.budgetActual.count();
    await asClerk(async () => {
      await receiveStock(prisma, clerk(), clerkId, { materialId: material.id, warehouseId: warehouse.id, quantity: '2', unitCost: '3' });
      await issueToWorkOrder(prisma, clerk(), clerkId, { materialId: material.id, warehouseId: warehouse.id, workOrderId: order.id, quantity: '2' });
    });
    expect(await prisma.budgetActual.count()).toBe(before);
    expect(await prisma.stockMovement.count({ where: { workOrderId: order.id, kind: 'ISSUE' } })).toBe(1);
  });
});
