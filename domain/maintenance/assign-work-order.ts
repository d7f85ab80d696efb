// Assigning: a supervisor gives a pending order to an active technician, or hands an assigned one to
// another. The order becomes ASSIGNED; one that is already being worked is not reassigned here (it is
// shared instead, WorkOrderShare, so the first technician keeps his record). A supervisor scoped to sites
// gives orders only to technicians who serve them (domain/access/abilities.ts, `assign` on Technician).
import type { Prisma, WorkOrder } from '@prisma/client';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import { changeAllowedRow, type Tx } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { notifyWorkOrderAssigned } from '../notifications/triggers/work-orders.js';
import { transitionRefused } from './work-order-lifecycle.js';

export const ASSIGNABLE = ['PENDING', 'ASSIGNED'];

/** The technicians this person may give orders to (active ones, under his rules); null: none at all. */
export function assignableTechnicians(ability: AppAbility): Prisma.TechnicianWhereInput | null {
  const allowed = accessibleWhere(ability, 'assign', 'Technician') as Prisma.TechnicianWhereInput | null;
  return allowed && { AND: [allowed, { isActive: true }] };
}

export async function assignWorkOrder(db: Db, ability: AppAbility, workOrderId: number, technicianId: number) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkOrderWhereInput) => tx.workOrder.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'WorkOrder', id: workOrderId, rule: 'assign', read }, async (tx, order) => {
    const assigned = await tx.workOrder.update({ where: { id: workOrderId }, data: await assignment(tx, ability, order, technicianId) });
    // The technician is told, with the assignment (issue 18).
    await notifyWorkOrderAssigned(tx, workOrderId);
    return assigned;
  });
}

/** What assigning `order` (read under the `assign` rule, locked) to `technicianId` writes, once every rule
 * of assigning is checked; a Refusal otherwise. Shared by "Asignar" and the planning calendar. */
export async function assignment(tx: Tx, ability: AppAbility, order: WorkOrder, technicianId: number) {
  if (!ASSIGNABLE.includes(order.state)) throw transitionRefused(order.state);
  const technician = Number.isInteger(technicianId) ? await tx.technician.findUnique({ where: { id: technicianId } }) : null;
  if (!technician?.isActive) throw new Refusal('assignRefused', {}, { fields: [{ field: 'technicianId', key: 'assignTechnicianInvalid', params: {} }] });
  const assignable = assignableTechnicians(ability);
  const serves = assignable && (await tx.technician.count({ where: { AND: [{ id: technicianId }, assignable] } }));
  if (!serves) {
    const params = { technician: technician.name };
    throw new Refusal('assignRefused', params, { fields: [{ field: 'technicianId', key: 'assignTechnicianOutsideSites', params }] });
  }
  return { technicianId, state: 'ASSIGNED' };
}
