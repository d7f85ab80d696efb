// "Cumplimiento de SLA" on the service contracts' list: per vendor, the share of response and resolution
// clocks met over the last 90 days (domain/services/contracts/sla-compliance.ts), counted over the orders the
// viewer may read (his sites included). Its GET answers the figures; it changes nothing.
import type { Action, ActionContext, ActionResponse } from 'adminjs';
import { abilityOf } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import { slaComplianceByVendor } from '../../domain/services/contracts/sla-compliance.js';
import type { Db } from '../../prisma/client.js';
import type { ResourceSettings } from '../define-resource.js';

export const SLA_COMPLIANCE_DAYS = 90;

export function slaComplianceAction(prisma: Db, settings: ResourceSettings): Partial<Action<ActionResponse>> {
  return {
    actionType: 'resource',
    icon: 'BarChart2',
    component: Components.SlaCompliance,
    showInDrawer: false,
    isAccessible: ({ currentAdmin }: ActionContext) => abilityOf(currentAdmin).can('read', 'ServiceContract'),
    handler: async (_request, _response, context: ActionContext) => ({
      compliance: { days: SLA_COMPLIANCE_DAYS, vendors: await slaComplianceByVendor(prisma, abilityOf(context.currentAdmin), { timeZone: settings.timeZone, days: SLA_COMPLIANCE_DAYS }) },
    }),
  };
}
