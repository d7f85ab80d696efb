// Services on a work order's page (issue 24): "SLA del contrato" shows the contract it was handed under and
// both clocks, or the contracts in force covering its asset; "Entregar a contratista" links it to one of
// them (domain/services/contracts/link-service-contract.ts) on POST only.
import type { ActionContext, ActionResponse, PropertyOptions } from 'adminjs';
import { abilityOf } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import { OPEN_WORK_ORDER_STATES } from '../../domain/maintenance/work-order-lifecycle.js';
import { linkServiceContract } from '../../domain/services/contracts/link-service-contract.js';
import { orderServiceLevel } from '../../domain/services/contracts/order-service-level.js';
import type { Db } from '../../prisma/client.js';
import type { ResourceSettings } from '../define-resource.js';
import { recordAction } from '../record-action.js';

export const workOrderServiceLevelProperty: PropertyOptions = {
  type: 'string',
  components: { show: Components.ServiceLevel },
  isVisible: { list: false, filter: false, edit: false, show: true },
};

/** The show action's `after`: the order's SLA view as JSON in `serviceLevel`, for those who read contracts. */
export const withServiceLevel = (prisma: Db, settings: ResourceSettings) => async (response: ActionResponse, _request: unknown, context: ActionContext) => {
  const record = response.record as { id?: string | number; params: Record<string, unknown> } | undefined;
  const ability = abilityOf(context.currentAdmin);
  if (!record) return response;
  // Who may not read contracts (technicians) sees neither the contract nor its id where its name would be.
  if (!ability.can('read', 'ServiceContract')) {
    delete record.params.serviceContract;
    return response;
  }
  const level = await orderServiceLevel(prisma, ability, Number(record.id ?? record.params.id), settings.timeZone);
  if (level) record.params.serviceLevel = JSON.stringify({ ...level, mayLink: ability.can('update', 'WorkOrder') });
  return response;
};

export const linkServiceContractAction = (prisma: Db, settings: ResourceSettings) =>
  recordAction({
    rule: ['update', 'WorkOrder'],
    icon: 'Briefcase',
    component: Components.LinkContractForm,
    shownIn: (state) => (OPEN_WORK_ORDER_STATES as readonly string[]).includes(state),
    form: async ({ id, ability }) => ({ offers: (await orderServiceLevel(prisma, ability, id, settings.timeZone))?.offers ?? [] }),
    run: ({ id, ability, payload }) => linkServiceContract(prisma, ability, id, payload.serviceContract, settings.timeZone),
    success: 'serviceContractLinked',
  });
