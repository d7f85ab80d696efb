// Reorder detection: a material whose available stock in a warehouse is at or below its reorder point
// asks for a reorder. Each detection says who should be told what (the notification contract of HELPERS.md:
// record, recipients' rule, message key and values) and carries a draft requisition line for the reorder
// quantity at the current average cost, for the storeroom to put on a requisition.
// Told as notification kind "stock-at-reorder-point", once per fall, with the draft requisition made from
// draftLine (domain/notifications/triggers/stock-alerts.ts, job notify-reorders).
import { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';

export interface ReorderAlert {
  record: { model: 'StockLevel'; id: number };
  /** The storeroom (members of groups granted "gestionar almacén") and supervisors. */
  recipients: { rule: 'storeroomAndSupervisors'; userIds: number[] };
  messageKey: 'stockBelowReorderPoint';
  values: { material: string; warehouse: string; available: string; reorderPoint: string; unit: string };
  draftLine: { materialId: number; warehouseId: number; description: string; quantity: string; unit: string; unitPrice: string; vendor: string | null };
}

/** Levels at or below their material's reorder point; only those moved since `since` when given (the ones that
 * may have just crossed it), so a periodic run tells of each fall once. */
export async function detectReorders(db: Pick<Db, '$queryRaw'>, since?: Date): Promise<ReorderAlert[]> {
  const rows = await db.$queryRaw<
    { id: number; material_id: number; warehouse_id: number; code: string; description: string; unit: string; warehouse: string; available: Prisma.Decimal; reorder_point: Prisma.Decimal; reorder_quantity: Prisma.Decimal; average_cost: Prisma.Decimal; vendor: string | null }[]
  >`
    SELECT s.id, m.id AS material_id, s.warehouse_id, m.code, m.description, m.unit, w.name AS warehouse, s.available, m.reorder_point, m.reorder_quantity, s.average_cost, v.name AS vendor
      FROM stock_levels s
      JOIN materials m ON m.id = s.material_id AND m.is_active
      JOIN warehouses w ON w.id = s.warehouse_id AND w.is_active
      LEFT JOIN vendors v ON v.id = m.preferred_vendor_id
     WHERE m.reorder_point > 0 AND s.available <= m.reorder_point
       AND (${since ?? null}::timestamptz IS NULL OR s.last_movement_at >= ${since ?? null}::timestamptz)
     ORDER BY m.code, w.name`;
  if (!rows.length) return [];
  const recipients = await db.$queryRaw<{ id: number }[]>`
    SELECT DISTINCT u.id FROM users u JOIN user_groups ug ON ug.user_id = u.id JOIN groups g ON g.id = ug.group_id
     WHERE u.is_active AND (g.can_manage_store OR g.code = 'SUPERVISORS') ORDER BY u.id`;
  const userIds = recipients.map((r) => r.id);
  const shown = (value: Prisma.Decimal) => new Prisma.Decimal(value).toDecimalPlaces(3).toString();
  return rows.map((r) => ({
    record: { model: 'StockLevel', id: r.id },
    recipients: { rule: 'storeroomAndSupervisors', userIds },
    messageKey: 'stockBelowReorderPoint',
    values: { material: `${r.code} · ${r.description}`, warehouse: r.warehouse, available: shown(r.available), reorderPoint: shown(r.reorder_point), unit: r.unit },
    draftLine: {
      materialId: r.material_id,
      // goods receipts (issue 20): the draft is a line for stock, received into this warehouse
      warehouseId: r.warehouse_id,
      description: `${r.code} · ${r.description}`.slice(0, 200),
      // The reorder quantity, or what brings it back to the reorder point when none is set.
      quantity: shown(new Prisma.Decimal(r.reorder_quantity).gt(0) ? r.reorder_quantity : new Prisma.Decimal(r.reorder_point).minus(r.available)),
      unit: r.unit,
      unitPrice: new Prisma.Decimal(r.average_cost).toDecimalPlaces(2).toString(),
      vendor: r.vendor,
    },
  }));
}
