// The ledger check: after 10 000 random movements (every kind, concurrent writers, refusals of stock below
// zero among them) the stock levels rebuilt from the ledger equal the ones the database kept; a level
// written by hand is caught and named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStockWithLedger } from '../domain/inventory/ledger-check.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';

let db: TestDatabase;
let prisma: Db;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
});
afterAll(() => db?.drop());

/** A small seeded generator (mulberry32): every run sends the same movements. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the stock levels can always be rebuilt from the ledger', () => {
  it('after 10 000 random movements by four concurrent writers, rebuilt equals kept; a hand-written level is named', async () => {
    const user = await make.aUser(prisma);
    const order = await make.aWorkOrder(prisma);
    const materials = await Promise.all(Array.from({ length: 20 }, () => make.aMaterial(prisma)));
    const warehouses = [await make.aWarehouse(prisma), await make.aWarehouse(prisma), await make.aWarehouse(prisma, { allowNegativeStock: true })];
    const KINDS = ['RECEIPT', 'RECEIPT', 'ISSUE', 'ISSUE', 'RETURN', 'TRANSFER_OUT', 'TRANSFER_IN', 'ADJUSTMENT', 'COUNT'] as const;
    let posted = 0;
    let refused = 0;
    const writer = async (seed: number, count: number) => {
      const random = seeded(seed);
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
      for (let i = 0; i < count; i++) {
        const kind = pick(KINDS);
        const material = pick(materials).id;
        const warehouse = pick(warehouses).id;
        const size = Math.round(random() * 20_000) / 1000 + 0.001;
        const quantity = { RECEIPT: size, RETURN: size, TRANSFER_IN: size, ISSUE: -size, TRANSFER_OUT: -size, ADJUSTMENT: random() < 0.5 ? -size : size, COUNT: 0 }[kind];
        const unitCost = kind === 'RECEIPT' || kind === 'RETURN' ? Math.round(random() * 1_000_000) / 100 : null;
        try {
          await prisma.$executeRaw`
            INSERT INTO stock_movements (kind, material_id, warehouse_id, quantity, unit_cost, work_order_id, other_warehouse_id, counted_quantity, moved_by_id)
            VALUES (${kind}, ${material}, ${warehouse}, ${quantity}, ${unitCost}::numeric,
                    ${kind === 'ISSUE' || kind === 'RETURN' ? order.id : null}::int, ${kind.startsWith('TRANSFER') ? warehouses[0]!.id : null}::int,
                    ${kind === 'COUNT' ? size : null}::numeric, ${user.id})`;
          posted++;
        } catch (error) {
          // Stock below zero where the warehouse forbids it: refused by the database, nothing posted.
          expect(String(error)).toMatch(/stock_levels_on_hand_check/);
          refused++;
        }
      }
    };
    await Promise.all([1, 2, 3, 4].map((seed) => writer(seed, 2_500)));
    expect(posted + refused).toBe(10_000);
    expect(posted).toBeGreaterThan(5_000);
    expect(refused).toBeGreaterThan(0);
    expect(await prisma.stockMovement.count()).toBe(posted);
    // Below zero only where allowed.
    expect(await prisma.stockLevel.count({ where: { onHand: { lt: 0 }, warehouseId: { not: warehouses[2]!.id } } })).toBe(0);
    expect(await prisma.stockLevel.count({ where: { onHand: { lt: 0 }, warehouseId: warehouses[2]!.id } })).toBeGreaterThan(0);

    expect(await compareStockWithLedger(prisma)).toEqual([]);

    const tampered = await prisma.stockLevel.findFirstOrThrow({ where: { materialId: materials[3]!.id, warehouseId: warehouses[1]!.id } });
    await prisma.$executeRaw`UPDATE stock_levels SET on_hand = on_hand + 1 WHERE id = ${tampered.id}`;
    const differences = await compareStockWithLedger(prisma);
    expect(differences).toEqual([
      {
        stockLevelId: tampered.id, material: materials[3]!.code, warehouse: warehouses[1]!.name,
        onHand: { kept: tampered.onHand.plus(1).toString(), rebuilt: tampered.onHand.toString() },
        averageCost: { kept: tampered.averageCost.toString(), rebuilt: tampered.averageCost.toString() },
      },
    ]);
  }, 300_000);
});
