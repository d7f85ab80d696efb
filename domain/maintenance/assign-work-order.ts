// Assigning: a supervisor gives a pending order to an active technician, or hands an assigned one to
// another. The order becomes ASSIGNED; one that is already being worked is not reassigned here (it is
// shared instead, WorkOrderShare, so the first technician keeps his record).
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { FieldsRefusedError } from './field-refusals.js';
import { TransitionRefusedError } from './work-order-lifecycle.js';

export const ASSIGNABLE = ['PENDING', 'ASSIGNED'];

export async function assignWorkOrder(db: Db, ability: AppAbility, workOrderId: number, technicianId: number) {
  const allowed = accessibleWhere(ability, 'assign', 'WorkOrder');
  if (!allowed) throw new AccessDeniedError('assign', 'WorkOrder');
  return db.transactionAs(async (tx) => {
    await tx.$queryRaw`SELECT id FROM work_orders WHERE id = ${workOrderId} FOR UPDATE`;
    const order = await tx.workOrder.findFirst({ where: { AND: [{ id: workOrderId }, allowed as Prisma.WorkOrderWhereInput] } });
    if (!order) throw new AccessDeniedError('assign', 'WorkOrder');
    if (!ASSIGNABLE.includes(order.state)) throw new TransitionRefusedError('assign', order.state);
    const technician = Number.isInteger(technicianId) ? await tx.technician.findUnique({ where: { id: technicianId } }) : null;
    if (!technician?.isActive) throw new FieldsRefusedError([{ field: 'technicianId', key: 'assignTechnicianInvalid', params: {} }]);
    return tx.workOrder.update({ where: { id: workOrderId }, data: { technicianId, state: 'ASSIGNED' } });
  });
}
