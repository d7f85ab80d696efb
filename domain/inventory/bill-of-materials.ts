// Preventive generation reserves each new order's bill of materials (its routine's RoutineMaterial lines)
// in the generating transaction. Set-based like the generation: one statement for any number of orders.
// Where stock is short, orders are served in planned order and the rest get what is left (a reservation
// for less than was requested, or none): generation never fails for want of parts, and the shortfall is
// there to see (requested − reserved) for the storeroom to reorder.
import type { Tx } from '../access/allowed-row.js';

/** Reserves the bills of materials of the orders this transaction created for `pm_due` (the generation's
 * temporary table of due dates). Returns how many reservations were made. */
export async function reserveBillsOfMaterials(tx: Tx): Promise<number> {
  // The levels concerned are locked first, so a clerk's issue and this reservation take turns.
  await tx.$executeRawUnsafe(
    `INSERT INTO stock_levels (material_id, warehouse_id)
     SELECT DISTINCT rm.material_id, rm.warehouse_id
       FROM pm_due d JOIN maintenance_schedules s ON s.id = d.schedule_id JOIN routine_materials rm ON rm.routine_id = s.routine_id
     ON CONFLICT (material_id, warehouse_id) DO NOTHING`,
  );
  await tx.$executeRawUnsafe(
    `SELECT 1 FROM stock_levels sl
      WHERE (sl.material_id, sl.warehouse_id) IN (
        SELECT rm.material_id, rm.warehouse_id FROM pm_due d JOIN maintenance_schedules s ON s.id = d.schedule_id JOIN routine_materials rm ON rm.routine_id = s.routine_id)
      ORDER BY sl.id FOR UPDATE`,
  );
  // The orders this transaction wrote: their row version is this transaction's (xmin).
  return tx.$executeRawUnsafe(
    `WITH wanted AS (
       SELECT w.id AS work_order_id, w.planned_on, rm.material_id, rm.warehouse_id, rm.quantity
         FROM pm_due d
         JOIN work_orders w ON w.schedule_id = d.schedule_id AND w.planned_on = d.planned_on AND w.xmin = pg_current_xact_id()::xid
         JOIN maintenance_schedules s ON s.id = w.schedule_id
         JOIN routine_materials rm ON rm.routine_id = s.routine_id
     ), served AS (
       SELECT wanted.*, wh.allow_negative_stock, greatest(sl.on_hand - sl.reserved, 0) AS available,
              sum(wanted.quantity) OVER (PARTITION BY wanted.material_id, wanted.warehouse_id ORDER BY wanted.planned_on, wanted.work_order_id) - wanted.quantity AS served_before
         FROM wanted
         JOIN stock_levels sl ON sl.material_id = wanted.material_id AND sl.warehouse_id = wanted.warehouse_id
         JOIN warehouses wh ON wh.id = wanted.warehouse_id
         JOIN materials m ON m.id = wanted.material_id AND m.is_active
     )
     INSERT INTO reservations (material_id, warehouse_id, work_order_id, quantity, requested, state, updated_at)
     SELECT material_id, warehouse_id, work_order_id,
            CASE WHEN allow_negative_stock THEN quantity ELSE least(quantity, available - served_before) END, quantity, 'OPEN', now()
       FROM served
      WHERE allow_negative_stock OR available - served_before > 0
      ORDER BY material_id, warehouse_id, planned_on, work_order_id`,
  );
}
