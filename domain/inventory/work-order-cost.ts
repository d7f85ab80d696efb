// What a work order cost: labour (its closure's hours, or the technician's reported hours before it is
// closed, × the technician's hourly cost) + materials (issued − returned, at the cost they moved at). One
// function for the order's page, the KPI and whoever needs it next (budgets' actuals).
// The hourly cost is the technician's current one: rates are not kept per period yet.
import { Prisma } from '@prisma/client';
import type { Tx } from '../access/allowed-row.js';
import type { Db } from '../../prisma/client.js';

export interface WorkOrderCost {
  workOrderId: number;
  laborHours: Prisma.Decimal;
  labor: Prisma.Decimal;
  materials: Prisma.Decimal;
  total: Prisma.Decimal;
}

type Reader = Pick<Db, '$queryRaw'> | Pick<Tx, '$queryRaw'>;

/** The cost of each order asked for (an order with nothing booked costs zero). */
export async function workOrderCosts(db: Reader, workOrderIds: number[]): Promise<Map<number, WorkOrderCost>> {
  if (!workOrderIds.length) return new Map();
  const rows = await (db as Pick<Db, '$queryRaw'>).$queryRaw<{ id: number; hours: Prisma.Decimal; labor: Prisma.Decimal; materials: Prisma.Decimal }[]>`
    SELECT w.id,
           coalesce(c.labor_hours, p.labor_hours, 0) AS hours,
           round(coalesce(c.labor_hours, p.labor_hours, 0) * coalesce(t.hourly_cost, 0), 2) AS labor,
           coalesce((SELECT round(-sum(sm.quantity * sm.unit_cost), 2) FROM stock_movements sm
                      WHERE sm.work_order_id = w.id AND sm.kind IN ('ISSUE', 'RETURN')), 0) AS materials
      FROM work_orders w
      LEFT JOIN work_order_closures c ON c.work_order_id = w.id
      LEFT JOIN work_order_completions p ON p.work_order_id = w.id
      LEFT JOIN technicians t ON t.id = w.technician_id
     WHERE w.id = ANY (${workOrderIds}::int[])`;
  return new Map(
    rows.map((r) => {
      const [laborHours, labor, materials] = [new Prisma.Decimal(r.hours), new Prisma.Decimal(r.labor), new Prisma.Decimal(r.materials)];
      return [r.id, { workOrderId: r.id, laborHours, labor, materials, total: labor.plus(materials) }];
    }),
  );
}

export async function workOrderCost(db: Reader, workOrderId: number): Promise<WorkOrderCost> {
  const cost = (await workOrderCosts(db, [workOrderId])).get(workOrderId);
  const zero = new Prisma.Decimal(0);
  return cost ?? { workOrderId, laborHours: zero, labor: zero, materials: zero, total: zero };
}

export type CostGrouping = 'asset' | 'location' | 'month';

/** Maintenance cost of closed orders per asset, location (the asset's) or month (of closing), within
 * [from, to): the KPI. Each row: the group, its orders, labour, materials and total. */
export async function maintenanceCostBy(db: Reader, grouping: CostGrouping, from: Date, to: Date) {
  const group = { asset: Prisma.sql`a.code`, location: Prisma.sql`l.full_name`, month: Prisma.sql`to_char(c.closed_at, 'YYYY-MM')` }[grouping];
  return (db as Pick<Db, '$queryRaw'>).$queryRaw<{ group: string; orders: number; labor: Prisma.Decimal; materials: Prisma.Decimal; total: Prisma.Decimal }[]>`
    WITH cost AS (
      SELECT w.id, ${group} AS "group",
             round(c.labor_hours * coalesce(t.hourly_cost, 0), 2) AS labor,
             coalesce((SELECT round(-sum(sm.quantity * sm.unit_cost), 2) FROM stock_movements sm
                        WHERE sm.work_order_id = w.id AND sm.kind IN ('ISSUE', 'RETURN')), 0) AS materials
        FROM work_orders w
        JOIN work_order_closures c ON c.work_order_id = w.id
        JOIN assets a ON a.id = w.asset_id
        JOIN locations l ON l.id = a.location_id
        LEFT JOIN technicians t ON t.id = w.technician_id
       WHERE c.closed_at >= ${from} AND c.closed_at < ${to})
    SELECT "group", count(*)::int AS orders, sum(labor) AS labor, sum(materials) AS materials, sum(labor + materials) AS total
      FROM cost GROUP BY "group" ORDER BY "group"`;
}
