// A supervisor's area at a glance, on his dashboard: open orders overdue and due this week (to Sunday),
// the open backlog by craft (orders without a technician apart) and the work requests waiting for him.
// Every figure is counted under his row rules, so an area rule (sites) narrows them like his lists.
import type { Prisma } from '@prisma/client';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { OPEN_WORK_REQUEST_STATES } from './convert-work-request.js';
import { OPEN_WORK_ORDER_STATES } from './work-order-lifecycle.js';

const DAY = 86_400_000;

export interface SupervisorBoard {
  overdue: number;
  dueThisWeek: number;
  /** craft null: orders no technician has yet. */
  backlogByCraft: { craft: string | null; orders: number }[];
  requestsWaiting: number;
}

/** `today` is the plant's calendar day (a UTC midnight, dates.ts todayIn). */
export async function supervisorBoard(db: Db, ability: AppAbility, today: Date): Promise<SupervisorBoard | null> {
  if (!ability.can('assign', 'WorkOrder')) return null;
  const orders = accessibleWhere(ability, 'read', 'WorkOrder') as Prisma.WorkOrderWhereInput | null;
  const requests = accessibleWhere(ability, 'read', 'WorkRequest') as Prisma.WorkRequestWhereInput | null;
  if (!orders) return null;
  const open: Prisma.WorkOrderWhereInput = { AND: [orders, { state: { in: [...OPEN_WORK_ORDER_STATES] } }] };
  const isoWeekday = today.getUTCDay() === 0 ? 7 : today.getUTCDay();
  const sunday = new Date(today.getTime() + (7 - isoWeekday) * DAY);

  const [overdue, dueThisWeek, byTechnician, requestsWaiting] = await Promise.all([
    db.workOrder.count({ where: { AND: [open, { plannedOn: { lt: today } }] } }),
    db.workOrder.count({ where: { AND: [open, { plannedOn: { gte: today, lte: sunday } }] } }),
    db.workOrder.groupBy({ by: ['technicianId'], where: open, _count: { _all: true } }),
    requests ? db.workRequest.count({ where: { AND: [requests, { state: { in: [...OPEN_WORK_REQUEST_STATES] } }] } }) : Promise.resolve(0),
  ]);
  const technicianIds = byTechnician.map((row) => row.technicianId).filter((id): id is number => id !== null);
  const crafts = new Map((await db.technician.findMany({ where: { id: { in: technicianIds } }, select: { id: true, craft: true } })).map((t) => [t.id, t.craft]));
  const byCraft = new Map<string | null, number>();
  for (const row of byTechnician) {
    const craft = row.technicianId === null ? null : (crafts.get(row.technicianId) ?? null);
    byCraft.set(craft, (byCraft.get(craft) ?? 0) + row._count._all);
  }
  const backlogByCraft = [...byCraft].map(([craft, count]) => ({ craft, orders: count })).sort((a, b) => b.orders - a.orders || String(a.craft).localeCompare(String(b.craft)));
  return { overdue, dueThisWeek, backlogByCraft, requestsWaiting };
}
