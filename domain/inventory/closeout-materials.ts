// At closeout, the order's materials from the storeroom are settled in the transaction that closes it:
// for each material it holds (issued − returned) or had reserved, the closeout says how much was used; what
// it holds beyond that is returned to the warehouse, what it used beyond that is issued to it (from its
// reservation first). Then what is still reserved for it is released. Any refusal (not enough stock to
// issue the difference) refuses the whole closeout: the stock is left as it was.
import { Prisma, type WorkOrder } from '@prisma/client';
import { z } from 'zod';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Tx } from '../access/allowed-row.js';
import type { Db } from '../../prisma/client.js';
import { Refusal, type FieldRefusal } from '../refusal.js';
import { heldByOrder, issueLocked, returnLocked } from './issue-stock.js';
import { releaseReservationsOf } from './reservation-release.js';
import { judgeQuantity, shown } from './stock-input.js';
import { lockStockIn, materialName, type LockedStock } from './stock-lock.js';

/** One line of the closeout's storeroom materials: how much of a material from a warehouse was used. */
export const UsedMaterialInput = z.object({ materialId: z.coerce.number().int().positive(), warehouseId: z.coerce.number().int().positive(), used: z.unknown() });
export type UsedMaterialInput = z.input<typeof UsedMaterialInput>;

export interface OrderHolding {
  materialId: number;
  warehouseId: number;
  material: string;
  warehouse: string;
  unit: string;
  /** The bin it is kept in, where the stock level names one. */
  bin: string | null;
  /** Issued − returned. */
  held: string;
  /** Still reserved (open reservations). */
  reserved: string;
}

/** What an order holds or has reserved, per material and warehouse: the closeout form's lines. */
export async function holdingsOf(db: Pick<Db, '$queryRaw'> | Pick<Tx, '$queryRaw'>, workOrderId: number): Promise<OrderHolding[]> {
  const rows = await (db as Pick<Db, '$queryRaw'>).$queryRaw<{ material_id: number; warehouse_id: number; code: string; description: string; unit: string; warehouse: string; bin: string | null; held: Prisma.Decimal; reserved: Prisma.Decimal }[]>`
    SELECT p.material_id, p.warehouse_id, m.code, m.description, m.unit, w.name AS warehouse, b.code AS bin,
           coalesce((SELECT -sum(sm.quantity) FROM stock_movements sm WHERE sm.work_order_id = ${workOrderId} AND sm.material_id = p.material_id
                        AND sm.warehouse_id = p.warehouse_id AND sm.kind IN ('ISSUE', 'RETURN')), 0) AS held,
           coalesce((SELECT sum(r.quantity) FROM reservations r WHERE r.work_order_id = ${workOrderId} AND r.material_id = p.material_id
                        AND r.warehouse_id = p.warehouse_id AND r.state = 'OPEN'), 0) AS reserved
      FROM (SELECT material_id, warehouse_id FROM stock_movements WHERE work_order_id = ${workOrderId}
            UNION SELECT material_id, warehouse_id FROM reservations WHERE work_order_id = ${workOrderId} AND state = 'OPEN') p
      JOIN materials m ON m.id = p.material_id JOIN warehouses w ON w.id = p.warehouse_id
      LEFT JOIN stock_levels sl ON sl.material_id = p.material_id AND sl.warehouse_id = p.warehouse_id
      LEFT JOIN bins b ON b.id = sl.bin_id
     ORDER BY m.code, w.name`;
  return rows.map((r) => ({
    materialId: r.material_id, warehouseId: r.warehouse_id, material: `${r.code} · ${r.description}`, warehouse: r.warehouse, unit: r.unit, bin: r.bin,
    held: shown(r.held), reserved: shown(r.reserved),
  }));
}

/** Judges the lines (a refusal per wrong field, `stock.<n>.used`), before anything is written. A material
 * of one warehouse on two lines is refused on the second: each line settles against what the order holds. */
export function judgeUsedMaterials(lines: UsedMaterialInput[]): { errors: FieldRefusal[]; used: { materialId: number; warehouseId: number; used: Prisma.Decimal; index: number }[] } {
  const errors: FieldRefusal[] = [];
  const used = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of lines.entries()) {
    const line = UsedMaterialInput.safeParse(raw);
    if (!line.success) {
      errors.push({ field: `stock.${index}.used`, key: 'stockRefused_unknownMaterial', params: {} });
      continue;
    }
    const place = `${line.data.materialId}:${line.data.warehouseId}`;
    if (seen.has(place)) {
      errors.push({ field: `stock.${index}.used`, key: 'closeoutStockDuplicate', params: { row: index + 1, first: seen.get(place)! + 1 } });
      continue;
    }
    seen.set(place, index);
    try {
      used.push({ materialId: line.data.materialId, warehouseId: line.data.warehouseId, used: judgeQuantity(line.data.used, { field: `stock.${index}.used`, kind: 'nonNegative' }), index });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      errors.push(...error.fields);
    }
  }
  return { errors, used };
}

/** Settles the order's storeroom materials in the closeout's transaction (the order row already locked).
 * A line that cannot be settled refuses the whole closeout, said beside that line. */
export async function settleMaterialsAtCloseout(tx: Tx, ability: AppAbility, userId: number, order: WorkOrder, used: ReturnType<typeof judgeUsedMaterials>['used']) {
  const allowed = accessibleWhere(ability, 'read', 'StockLevel') ?? { id: -1 };
  const note = `Cierre de la orden ${order.number}`;
  // Locked in one order (warehouse, material), as every stock operation locks them.
  const inLockOrder = [...used].sort((a, b) => a.warehouseId - b.warehouseId || a.materialId - b.materialId);
  for (const line of inLockOrder) {
    const beside = (key: string, params: Record<string, string | number>) =>
      new Refusal('closeoutRefused', {}, { fields: [{ field: `stock.${line.index}.used`, key, params }] });
    let stock: LockedStock;
    try {
      stock = await lockStockIn(tx, ability, allowed, line);
    } catch (error) {
      if (error instanceof Refusal) throw beside(error.key, error.params);
      // A warehouse outside his sites is one he cannot take material from.
      if (error instanceof AccessDeniedError) throw beside('stockRefused_unknownWarehouse', {});
      throw error;
    }
    const held = (await heldByOrder(tx, order.id, line.materialId, line.warehouseId)).quantity;
    try {
      if (line.used.lt(held)) await returnLocked(tx, stock, order, held.minus(line.used), userId, { note });
      else if (line.used.gt(held)) await issueLocked(tx, stock, order, line.used.minus(held), userId, { note });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      // Not enough to issue the difference: how much there is, where, and what the order already has.
      if (error.key === 'stockRefused_insufficient')
        throw beside('closeoutStockShort', { row: line.index + 1, material: materialName(stock.material), warehouse: stock.warehouse.name, available: String(error.params.available), unit: stock.material.unit, held: shown(held), used: shown(line.used) });
      throw beside(error.key, error.params);
    }
  }
  await releaseReservationsOf(tx, order.id);
}
