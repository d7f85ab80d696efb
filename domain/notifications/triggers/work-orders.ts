// Work-order kinds: "an order assigned to me" (from the assignment), "my order overdue" and the
// supervisors' daily digest of overdue orders in their area (from the 07:00 job).
import type { Prisma } from '@prisma/client';
import { accessibleWhere } from '../../access/abilities.js';
import type { Db } from '../../../prisma/client.js';
import { OPEN_WORK_ORDER_STATES } from '../../maintenance/work-order-lifecycle.js';
import { overdueDigest } from '../kinds/overdue-digest.kind.js';
import { workOrderAssigned } from '../kinds/work-order-assigned.kind.js';
import { workOrderOverdue } from '../kinds/work-order-overdue.kind.js';
import { notify } from '../notify.js';
import { readerOf, type NotifyDb } from '../notify-db.js';
import { membersOf, recipientsOf } from '../recipients.js';
import { joined, plantDate } from './plant-text.js';

/** Tells the order's technician it is his; called in the assignment's transaction. */
export async function notifyWorkOrderAssigned(db: NotifyDb, workOrderId: number) {
  const order = await readerOf(db).workOrder.findUnique({ where: { id: workOrderId }, select: { id: true, number: true, description: true, technician: { select: { id: true, userId: true } } } });
  if (!order?.technician) return { notified: [], deliveries: 0 };
  return notify(db, {
    kind: workOrderAssigned,
    key: `work-order-assigned:${order.id}:${order.technician.id}`,
    recordId: order.id,
    values: { title: joined(order.number, order.description) },
    recipients: [order.technician.userId],
  });
}

/** Each open order planned before `today` (the plant's day) tells its technician once. */
export async function notifyOverdueOrders(db: Db, today: Date): Promise<number> {
  const orders = await db.workOrder.findMany({
    where: { state: { in: [...OPEN_WORK_ORDER_STATES] }, plannedOn: { lt: today }, technicianId: { not: null } },
    select: { id: true, number: true, description: true, plannedOn: true, technician: { select: { userId: true } } },
    orderBy: { id: 'asc' },
  });
  let told = 0;
  for (const order of orders) {
    const { notified } = await notify(db, {
      kind: workOrderOverdue,
      key: `work-order-overdue:${order.id}:${order.plannedOn.toISOString().slice(0, 10)}`,
      recordId: order.id,
      values: { title: joined(order.number, order.description), plannedOn: plantDate(order.plannedOn) },
      recipients: order.technician ? [order.technician.userId] : [],
    });
    told += notified.length;
  }
  return told;
}

const DIGEST_SAMPLE = 5;

/** One digest a day to each supervisor with overdue orders under his own row rules (his sites). People
 * whose rules are the same SQL share one count. */
export async function sendOverdueDigest(db: Db, today: Date): Promise<{ supervisors: number; queries: number }> {
  const people = await recipientsOf(db, await membersOf(db, ['SUPERVISORS']));
  const byCondition = new Map<string, { where: Prisma.WorkOrderWhereInput; userIds: number[] }>();
  for (const person of people) {
    const where = accessibleWhere(person.ability, 'read', 'WorkOrder') as Prisma.WorkOrderWhereInput | null;
    if (!where) continue;
    const key = JSON.stringify(where);
    const entry = byCondition.get(key) ?? { where, userIds: [] };
    entry.userIds.push(person.userId);
    byCondition.set(key, entry);
  }
  const day = today.toISOString().slice(0, 10);
  let supervisors = 0;
  for (const { where, userIds } of byCondition.values()) {
    const overdue: Prisma.WorkOrderWhereInput = { AND: [where, { state: { in: [...OPEN_WORK_ORDER_STATES] } }, { plannedOn: { lt: today } }] };
    const [count, oldest] = await Promise.all([
      db.workOrder.count({ where: overdue }),
      db.workOrder.findMany({ where: overdue, select: { number: true }, orderBy: [{ plannedOn: 'asc' }, { id: 'asc' }], take: DIGEST_SAMPLE }),
    ]);
    if (count === 0) continue;
    const sample = oldest.map((o) => o.number).join(', ') + (count > DIGEST_SAMPLE ? '…' : '');
    const { notified } = await notify(db, { kind: overdueDigest, key: `overdue-digest:${day}`, values: { count, sample, day: plantDate(today) }, recipients: userIds });
    supervisors += notified.length;
  }
  return { supervisors, queries: byCondition.size };
}
