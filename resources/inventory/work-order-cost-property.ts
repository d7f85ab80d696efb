// "Costo" on a work order's page: labour (hours × the technician's hourly cost) + materials (issued −
// returned at their cost), from workOrderCost. Shown to those who may read the stock ledger and its costs
// (supervisors, consultants, the storeroom); a technician's page of his own order does not show it.
import type { ActionContext, ActionResponse, PropertyOptions } from 'adminjs';
import { abilityOf } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import { workOrderCost } from '../../domain/inventory/work-order-cost.js';
import type { Db } from '../../prisma/client.js';

export const workOrderCostProperty: PropertyOptions = {
  type: 'string',
  components: { show: Components.WorkOrderCost },
  isVisible: { list: false, filter: false, edit: false, show: true },
};

/** The show action's `after`: the order's cost in the record's params (`cost.labor`, ...), as decimals. */
export const withWorkOrderCost = (prisma: Db) => async (response: ActionResponse, _request: unknown, context: ActionContext) => {
  const record = response.record as { id?: string | number; params: Record<string, unknown> } | undefined;
  if (!record || !abilityOf(context.currentAdmin).can('read', 'StockMovement')) return response;
  const cost = await workOrderCost(prisma, Number(record.id ?? record.params.id));
  Object.assign(record.params, {
    'cost.laborHours': cost.laborHours.toString(), 'cost.labor': cost.labor.toFixed(2), 'cost.materials': cost.materials.toFixed(2), 'cost.total': cost.total.toFixed(2),
  });
  return response;
};
