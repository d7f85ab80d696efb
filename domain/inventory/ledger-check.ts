// The ledger check: the stock levels rebuilt from the ledger alone (cmms_stock_rebuilt, migration
// *_inventory: each level's movements replayed in the order they were posted) compared with the levels the
// database keeps. They can only differ if someone wrote stock_levels by hand; the nightly job
// (jobs/check-stock-ledger.job.ts) reports any difference, naming material and warehouse.
import { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';

export interface LedgerDifference {
  /** The kept level (null when the ledger has movements for a level that is missing). */
  stockLevelId: number | null;
  material: string;
  warehouse: string;
  onHand: { kept: string; rebuilt: string };
  averageCost: { kept: string; rebuilt: string };
}

export async function compareStockWithLedger(db: Pick<Db, '$queryRaw'>): Promise<LedgerDifference[]> {
  const rows = await db.$queryRaw<{ id: number | null; code: string; warehouse: string; kept_on_hand: Prisma.Decimal; rebuilt_on_hand: Prisma.Decimal; kept_cost: Prisma.Decimal; rebuilt_cost: Prisma.Decimal }[]>`
    WITH rebuilt AS (SELECT * FROM cmms_stock_rebuilt())
    SELECT s.id, m.code, w.name AS warehouse,
           coalesce(s.on_hand, 0) AS kept_on_hand, coalesce(r.on_hand, 0) AS rebuilt_on_hand,
           coalesce(s.average_cost, 0) AS kept_cost, coalesce(r.average_cost, 0) AS rebuilt_cost
      FROM stock_levels s
      FULL JOIN rebuilt r ON r.material_id = s.material_id AND r.warehouse_id = s.warehouse_id
      JOIN materials m ON m.id = coalesce(s.material_id, r.material_id)
      JOIN warehouses w ON w.id = coalesce(s.warehouse_id, r.warehouse_id)
     WHERE coalesce(s.on_hand, 0) <> coalesce(r.on_hand, 0)
        OR coalesce(s.average_cost, 0) <> coalesce(r.average_cost, 0)
        OR coalesce(s.movement_count, 0) <> coalesce(r.movement_count, 0)
     ORDER BY m.code, w.name`;
  const shown = (value: Prisma.Decimal) => new Prisma.Decimal(value).toString();
  return rows.map((r) => ({
    stockLevelId: r.id,
    material: r.code,
    warehouse: r.warehouse,
    onHand: { kept: shown(r.kept_on_hand), rebuilt: shown(r.rebuilt_on_hand) },
    averageCost: { kept: shown(r.kept_cost), rebuilt: shown(r.rebuilt_cost) },
  }));
}
