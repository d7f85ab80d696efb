// Moving an order on the planning calendar: to another day (its planned date, the `update` rule) and/or to
// another technician (assigning, the same rules and checks as "Asignar"). One transaction, one update, so
// the change history shows the move as one entry under the person who made it.
import type { Prisma, WorkOrder } from '@prisma/client';
import { z } from 'zod';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import { changeAllowedRow, type Tx } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { assignment } from './assign-work-order.js';
import { OPEN_WORK_ORDER_STATES } from './work-order-lifecycle.js';
import { notifyWorkOrderAssigned } from '../notifications/triggers/work-orders.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What the calendar's drag or its "Mover" form sends. */
export const rescheduleInput = z
  .object({
    workOrderId: z.number().int().positive().max(2_147_483_647),
    plannedOn: z.string().max(10).optional(),
    technicianId: z.number().int().positive().max(2_147_483_647).optional(),
  })
  .strict();
export type RescheduleInput = z.infer<typeof rescheduleInput>;

/** A calendar day written as the plant's date (UTC midnight), or null when `text` is no real day. */
export function plantDay(text: string): Date | null {
  if (!ISO_DAY.test(text)) return null;
  const day = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text ? null : day;
}

const isOpen = (state: string) => (OPEN_WORK_ORDER_STATES as readonly string[]).includes(state);

/** `today` is the plant's calendar day (dates.ts todayIn): no order is planned into the past. */
export async function rescheduleWorkOrder(db: Db, ability: AppAbility, input: RescheduleInput, today: Date): Promise<WorkOrder> {
  const plannedOn = input.plannedOn === undefined ? undefined : plantDay(input.plannedOn);
  if (plannedOn === null) throw new Refusal('calendarRefused_invalidDay', { value: input.plannedOn ?? '' }, { field: 'plannedOn' });
  if (plannedOn === undefined && input.technicianId === undefined) throw new Refusal('calendarRefused_nothingToMove', {}, { kind: 'malformed' });
  if (plannedOn && plannedOn < today) throw new Refusal('calendarRefused_past', { date: input.plannedOn! }, { field: 'plannedOn' });

  // Read (and locked) under the rule of the change asked for; a move of both needs both rules.
  const rule = input.technicianId !== undefined ? 'assign' : 'update';
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkOrderWhereInput) => tx.workOrder.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'WorkOrder', id: input.workOrderId, rule, read }, async (tx, order) => {
    if (!isOpen(order.state)) throw new Refusal(`calendarRefused_${order.state}`, { number: order.number }, { field: 'state' });
    const data: Prisma.WorkOrderUncheckedUpdateInput = {};
    if (plannedOn && plannedOn.getTime() !== order.plannedOn.getTime()) {
      await mayChangeDay(tx, ability, order, plannedOn, input.plannedOn!);
      data.plannedOn = plannedOn;
    }
    if (input.technicianId !== undefined && input.technicianId !== order.technicianId) {
      if (order.state === 'IN_PROGRESS' || order.state === 'ON_HOLD') throw new Refusal('calendarRefused_beingWorked', { number: order.number }, { field: 'technicianId' });
      Object.assign(data, await assignmentAsCalendar(tx, ability, order, input.technicianId));
    }
    if (Object.keys(data).length === 0) return order;
    const moved = await tx.workOrder.update({ where: { id: order.id }, data });
    // Dropped on another technician's row: he is told, as with "Asignar" (issue 18).
    if (data.technicianId !== undefined) await notifyWorkOrderAssigned(tx, order.id);
    return moved;
  });
}

/** The planned date is the `update` rule's (whatever rule the row was read under), and a preventive order
 * keeps one order per schedule and day. */
async function mayChangeDay(tx: Tx, ability: AppAbility, order: WorkOrder, plannedOn: Date, day: string) {
  const updatable = accessibleWhere(ability, 'update', 'WorkOrder') as Prisma.WorkOrderWhereInput | null;
  if (!updatable || !ability.can('update', 'WorkOrder', 'plannedOn')) throw new AccessDeniedError('update', 'WorkOrder');
  if (!(await tx.workOrder.count({ where: { AND: [{ id: order.id }, updatable] } }))) throw new AccessDeniedError('update', 'WorkOrder');
  if (order.scheduleId === null) return;
  const twin = await tx.workOrder.findFirst({ where: { scheduleId: order.scheduleId, plannedOn, id: { not: order.id } }, select: { number: true } });
  if (twin) throw new Refusal('calendarRefused_scheduleDay', { number: order.number, other: twin.number, date: day }, { field: 'plannedOn' });
}

/** Assigning's refusals name the technician field in a form; on the calendar the field's own sentence is
 * the message (which technician, and why). */
async function assignmentAsCalendar(tx: Tx, ability: AppAbility, order: WorkOrder, technicianId: number) {
  try {
    return await assignment(tx, ability, order, technicianId);
  } catch (error) {
    const field = error instanceof Refusal ? error.fields[0] : undefined;
    if (field) throw new Refusal(field.key, field.params, { field: 'technicianId' });
    throw error;
  }
}
