// What each technician already has on his plate, shown beside "Asignar": his open orders and their planned
// hours (the routine's estimate; corrective orders carry none, so they count as orders only).
import { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { OPEN_WORK_ORDER_STATES } from './work-order-lifecycle.js';

export interface Workload { openOrders: number; openHours: number }

export async function workloadOf(db: Db, technicianIds: number[]): Promise<Map<number, Workload>> {
  if (!technicianIds.length) return new Map();
  const rows = await db.$queryRaw<{ technician_id: number; orders: number; hours: string }[]>`
    SELECT wo.technician_id, count(*)::int AS orders, coalesce(sum(r.estimated_hours), 0)::text AS hours
      FROM work_orders wo
      LEFT JOIN maintenance_schedules s ON s.id = wo.schedule_id
      LEFT JOIN routines r ON r.id = s.routine_id
     WHERE wo.technician_id IN (${Prisma.join(technicianIds)}) AND wo.state IN (${Prisma.join([...OPEN_WORK_ORDER_STATES])})
     GROUP BY wo.technician_id`;
  return new Map(rows.map((r) => [r.technician_id, { openOrders: r.orders, openHours: Number(r.hours) }]));
}
