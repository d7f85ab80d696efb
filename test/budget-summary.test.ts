// Budgets: the arithmetic worked by hand (budget, revisions, commitments, actuals, available), and the
// summary the database keeps incrementally equal to a recomputation from scratch after random activity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetReport } from '../domain/budgets/budget-report.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';

let database: TestDatabase;
let prisma: Db;
let userId: number;
const YEAR = 2026;
const at = (month: number, day = 15) => new Date(Date.UTC(YEAR, month - 1, day, 15));

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  userId = (await make.aUser(prisma)).id;
});
afterAll(() => database?.drop());

async function aBudget(code: string, locationId: number | null, accounts: string[], department?: string) {
  return prisma.budget.create({
    data: { code, name: `Presupuesto ${code}`, year: YEAR, locationId, department: locationId ? null : (department ?? code), lines: { create: accounts.map((account) => ({ account })) } },
    include: { lines: true },
  });
}
const lineOf = (budget: Awaited<ReturnType<typeof aBudget>>, account: string) => budget.lines.find((l) => l.account === account)!.id;

async function anApprovedRequisition(budgetLineId: number, items: [number, number][], approvedAt: Date) {
  const requisition = await prisma.requisition.create({
    data: { title: 'Compra', requestedById: userId, budgetLineId, items: { create: items.map(([quantity, unitPrice]) => ({ description: 'Artículo', quantity, unit: 'u', unitPrice })) } },
  });
  await prisma.requisition.update({ where: { id: requisition.id }, data: { state: 'SUBMITTED' } });
  return prisma.requisition.update({ where: { id: requisition.id }, data: { state: 'APPROVED', approvedById: userId, approvedAt } });
}

const postActual = (args: { locationId?: number | null; on: Date; account?: string; amount: number; source: string; sourceId: number; requisitionId?: number | null }) =>
  prisma.$queryRawUnsafe<{ id: number | null }[]>(
    'SELECT cmms_post_budget_actual($1, $2, $3, $4, $5, $6, NULL, $7) AS id',
    args.locationId ?? null, args.on, args.account ?? 'MATERIALS', args.amount, args.source, args.sourceId, args.requisitionId ?? null,
  );

describe('budget arithmetic, by hand', () => {
  it('budget, revision, commitment, receipt, labour at closeout: available = current − committed − actual', async () => {
    const north = await make.aLocation(prisma, { name: 'Planta Norte', code: 'ARIT-N' });
    const room = await make.aLocation(prisma, { name: 'Sala de bombas', code: 'ARIT-N-B', parentId: north.id });
    const budget = await aBudget('ARIT-2026', north.id, ['LABOUR', 'MATERIALS']);
    const labour = lineOf(budget, 'LABOUR');
    const materials = lineOf(budget, 'MATERIALS');
    await prisma.budgetLineMonth.createMany({
      data: [
        { budgetLineId: labour, month: 2, originalAmount: 1000, currentAmount: 1000 },
        { budgetLineId: materials, month: 2, originalAmount: 2000, currentAmount: 2000 },
        { budgetLineId: materials, month: 3, originalAmount: 500, currentAmount: 500 },
      ],
    });
    // Revised: materials in February raised to 2 500; the original stays 2 000, whatever a form sends.
    const february = await prisma.budgetLineMonth.findFirstOrThrow({ where: { budgetLineId: materials, month: 2 } });
    await prisma.budgetLineMonth.update({ where: { id: february.id }, data: { currentAmount: 2500, originalAmount: 9999 } });

    // A requisition of 4 × 12.50 + 1 × 300 = 350 approved in February commits 350 there.
    const requisition = await anApprovedRequisition(materials, [[4, 12.5], [1, 300]], at(2));
    // 100 of it received: 250 still committed, 100 actual.
    await postActual({ on: at(2, 20), amount: 100, source: 'GOODS_RECEIPT', sourceId: 1, requisitionId: requisition.id });
    // A closeout in February in the pump room: 3.5 h × 20/h = 70 on the labour line of Planta Norte's budget.
    const technician = await make.aTechnician(prisma);
    await prisma.technician.update({ where: { id: technician.id }, data: { hourlyCost: 20 } });
    const asset = await make.anAsset(prisma, { locationId: room.id });
    const order = await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId: technician.id, state: 'COMPLETED', plannedOn: at(2), description: 'Cambio de sello' } });
    await prisma.workOrderClosure.create({ data: { workOrderId: order.id, laborHours: 3.5, closedById: userId, closedAt: at(2, 21) } });
    // A requisition the ERP cancels commits nothing.
    const cancelled = await anApprovedRequisition(materials, [[1, 1000]], at(3));
    await prisma.requisition.update({ where: { id: cancelled.id }, data: { erpStatus: 'Cancelled' } });

    const report = await budgetReport(database.pool, { year: YEAR, budgetIds: [budget.id] });
    const materialsLine = report.find((line) => line.account === 'MATERIALS')!;
    expect(materialsLine.costCentre).toBe('Planta Norte');
    expect(materialsLine.months[1]).toEqual({ original: 2000, current: 2500, committed: 250, actual: 100, available: 2150 });
    expect(materialsLine.months[2]).toEqual({ original: 500, current: 500, committed: 0, actual: 0, available: 500 });
    expect(materialsLine.total).toEqual({ original: 2500, current: 3000, committed: 250, actual: 100, available: 2650 });
    const labourLine = report.find((line) => line.account === 'LABOUR')!;
    expect(labourLine.months[1]).toEqual({ original: 1000, current: 1000, committed: 0, actual: 70, available: 930 });
    expect(await prisma.budgetActual.findFirstOrThrow({ where: { workOrderId: order.id } })).toMatchObject({ source: 'WORK_ORDER_LABOUR', month: 2 });
    expect(Number((await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).receivedAmount)).toBe(100);
  });

  it('an actual with no budget covering it is not posted; a department budget takes requisitions charged to it', async () => {
    const elsewhere = await make.aLocation(prisma, { name: 'Bodega central', code: 'ARIT-BOD' });
    expect((await postActual({ locationId: elsewhere.id, on: at(5), amount: 40, source: 'WORK_ORDER_MATERIALS', sourceId: 77 }))[0]!.id).toBeNull();
    const technology = await aBudget('ARIT-TI', null, ['SERVICES'], 'Tecnología');
    await anApprovedRequisition(lineOf(technology, 'SERVICES'), [[1, 80]], at(6));
    const [line] = await budgetReport(database.pool, { year: YEAR, budgetIds: [technology.id] });
    expect(line).toMatchObject({ costCentre: 'Tecnología', account: 'SERVICES' });
    expect(line!.months[5]).toMatchObject({ committed: 80, available: -80 });
  });
});

describe('the summary kept by triggers equals a recomputation from scratch', () => {
  it('after 400 random changes of budgets, requisitions and postings', async () => {
    let seed = 20_261_130;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const site = await make.aLocation(prisma, { name: 'Planta Sur', code: 'RND-S' });
    const rooms = [site.id, (await make.aLocation(prisma, { code: 'RND-S-1', parentId: site.id })).id, (await make.aLocation(prisma, { code: 'RND-S-2', parentId: site.id })).id];
    const budgets = [await aBudget('RND-1', site.id, ['LABOUR', 'MATERIALS', 'SERVICES']), await aBudget('RND-2', rooms[1]!, ['LABOUR', 'MATERIALS']), await aBudget('RND-3', null, ['OTHER'], 'Compras')];
    const lines = budgets.flatMap((b) => b.lines.map((l) => l.id));
    const technician = await make.aTechnician(prisma);
    await prisma.technician.update({ where: { id: technician.id }, data: { hourlyCost: 17.5 } });
    const assets = await Promise.all(rooms.map((locationId) => make.anAsset(prisma, { locationId })));
    let sourceId = 1000;

    for (let step = 0; step < 400; step++) {
      const amount = Math.round(random() * 100_000) / 100;
      const month = 1 + Math.floor(random() * 12);
      switch (Math.floor(random() * 9)) {
        case 0: {
          const line = pick(lines);
          await prisma.budgetLineMonth.upsert({ where: { budgetLineId_month: { budgetLineId: line, month } }, create: { budgetLineId: line, month, originalAmount: amount, currentAmount: amount }, update: { currentAmount: amount } });
          break;
        }
        case 1: await prisma.budgetLineMonth.deleteMany({ where: { budgetLineId: pick(lines), month } }); break;
        case 2: await anApprovedRequisition(pick(lines), [[1 + Math.floor(random() * 5), amount]], at(month, 1 + Math.floor(random() * 27))); break;
        case 3: {
          const requisitions = await prisma.requisition.findMany({ where: { state: 'APPROVED' }, select: { id: true } });
          if (requisitions.length) await prisma.requisition.update({ where: { id: pick(requisitions).id }, data: { erpStatus: pick(['Cancelled', 'Approved', 'InReview', 'Rejected', 'Closed']) } });
          break;
        }
        case 4: {
          const requisitions = await prisma.requisition.findMany({ where: { state: 'APPROVED' }, select: { id: true } });
          if (requisitions.length) await postActual({ on: at(month), amount, source: 'GOODS_RECEIPT', sourceId: sourceId++, requisitionId: pick(requisitions).id });
          break;
        }
        case 5: {
          const order = await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: pick(assets).id, technicianId: technician.id, state: 'COMPLETED', plannedOn: at(month), description: 'Aleatoria' } });
          await prisma.workOrderClosure.create({ data: { workOrderId: order.id, laborHours: 1 + Math.floor(random() * 80) / 4, closedById: userId, closedAt: at(month) } });
          break;
        }
        case 6: {
          const actuals = await prisma.budgetActual.findMany({ select: { id: true } });
          if (actuals.length) {
            const chosen = pick(actuals).id;
            if (random() < 0.5) await prisma.budgetActual.delete({ where: { id: chosen } });
            else await prisma.budgetActual.update({ where: { id: chosen }, data: { amount } });
          }
          break;
        }
        case 7: {
          // Moved to another line, or out of any budget.
          const requisitions = await prisma.requisition.findMany({ where: { state: 'APPROVED', receivedAmount: 0 }, select: { id: true } });
          if (requisitions.length) await prisma.requisition.update({ where: { id: pick(requisitions).id }, data: { budgetLineId: random() < 0.8 ? pick(lines) : null } });
          break;
        }
        case 8: {
          // Several rows in one statement, as an import writes them.
          await prisma.$executeRawUnsafe(`UPDATE budget_line_months SET current_amount = current_amount * 1.1 WHERE month = $1`, month);
          break;
        }
      }
    }
    const kept = await prisma.$queryRawUnsafe<unknown[]>(`SELECT budget_line_id, month, original_amount::text, current_amount::text, committed::text, actual::text FROM budget_summaries ORDER BY 1, 2`);
    const recomputed = await prisma.$queryRawUnsafe<unknown[]>(`SELECT budget_line_id, month, original_amount::numeric(14,2)::text, current_amount::numeric(14,2)::text, committed::numeric(14,2)::text, actual::numeric(14,2)::text FROM budget_summaries_recomputed ORDER BY 1, 2`);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(recomputed);
    // The activity really moved every figure.
    const totals = await prisma.$queryRawUnsafe<{ c: string; a: string; b: string }[]>(`SELECT sum(committed)::text AS c, sum(actual)::text AS a, sum(current_amount)::text AS b FROM budget_summaries`);
    expect(Number(totals[0]!.c)).toBeGreaterThan(0);
    expect(Number(totals[0]!.a)).toBeGreaterThan(0);
    expect(Number(totals[0]!.b)).toBeGreaterThan(0);
  });
});
