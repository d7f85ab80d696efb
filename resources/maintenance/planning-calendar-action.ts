// "Calendario" on the work-order list: the planning calendar page. The page reads and moves orders through
// its own routes (admin/calendar/router.ts), which check the rules again on every call; this action only
// opens it, for whoever may read work orders (a technician sees his own, a consultant reads).
import type { Action, ActionContext, ActionResponse } from 'adminjs';
import { abilityOf } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';

export const planningCalendarAction: Partial<Action<ActionResponse>> = {
  actionType: 'resource',
  icon: 'Calendar',
  component: Components.PlanningCalendar,
  showInDrawer: false,
  isAccessible: ({ currentAdmin }: ActionContext) => abilityOf(currentAdmin).can('read', 'WorkOrder'),
  handler: async () => ({}),
};
