// The work order a stock operation names: read under the actor's rules, and still taking materials.
import type { WorkOrder } from '@prisma/client';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Tx } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import { OPEN_WORK_ORDER_STATES } from '../maintenance/work-order-lifecycle.js';

/** Materials are reserved for orders still to be done; issued and returned until the order is closed. */
export const RESERVING_STATES: readonly string[] = OPEN_WORK_ORDER_STATES;
export const ISSUING_STATES: readonly string[] = [...OPEN_WORK_ORDER_STATES, 'COMPLETED'];

export async function orderForMaterials(tx: Tx, ability: AppAbility, workOrderId: number, states: readonly string[]): Promise<WorkOrder> {
  const order = await tx.workOrder.findFirst({ where: { AND: [{ id: workOrderId }, accessibleWhere(ability, 'read', 'WorkOrder') ?? { id: -1 }] } });
  if (!order) throw new Refusal('stockRefused_unknownOrder', {}, { field: 'workOrder', kind: 'notFound' });
  if (!states.includes(order.state)) throw new Refusal('stockRefused_orderNotOpen', { number: order.number }, { field: 'workOrder' });
  return order;
}
