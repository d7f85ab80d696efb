// Assigning: a supervisor gives a pending order to an active technician, or hands an assigned one to
// another. The order becomes ASSIGNED; one that is already being worked is not reassigned here (it is
// shared instead, WorkOrderShare, so the first technician keeps his record).
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { notifyWorkOrderAssigned } from '../notifications/triggers/work-orders.js';
import { transitionRefused } from './work-order-lifecycle.js';

export const ASSIGNABLE = ['PENDING', 'ASSIGNED'];

export async function assignWorkOrder(db: Db, ability: AppAbility, workOrderId: number, technicianId: number) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkOrderWhereInput) => tx.workOrder.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'WorkOrder', id: workOrderId, rule: 'assign', read }, async (tx, order) => {
    if (!ASSIGNABLE.includes(order.state)) throw transitionRefused(order.state);
    const technician = Number.isInteger(technicianId) ? await tx.technician.findUnique({ where: { id: technicianId } }) : null;
    if (!technician?.isActive) throw new Refusal('assignRefused', {}, { fields: [{ field: 'technicianId', key: 'assignTechnicianInvalid', params: {} }] });
    const assigned = await tx.workOrder.update({ where: { id: workOrderId }, data: { technicianId, state: 'ASSIGNED' } });
    // The technician is told, with the assignment (issue 18).
    await notifyWorkOrderAssigned(tx, workOrderId);
    return assigned;
  });
}
