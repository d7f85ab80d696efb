// "Tablero" on the ticket list: the call centre at a glance (domain/call-center/call-centre-board.ts). Its GET
// answers the board, counted under the viewer's rules (his sites included); it changes nothing. Open to
// whoever may read tickets: operators, supervisors, consultants, administrators.
import type { Action, ActionContext, ActionRequest, ActionResponse } from 'adminjs';
import { abilityOf } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import { languageOf, renderMessage } from '../../admin/locales/render.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { callCentreBoard } from '../../domain/call-center/call-centre-board.js';
import type { Db } from '../../prisma/client.js';
import type { ResourceSettings } from '../define-resource.js';

export function callCentreBoardAction(prisma: Db, settings: ResourceSettings): Partial<Action<ActionResponse>> {
  return {
    actionType: 'resource',
    icon: 'BarChart2',
    component: Components.CallCentreBoard,
    showInDrawer: false,
    isAccessible: ({ currentAdmin }: ActionContext) => abilityOf(currentAdmin).can('read', 'Ticket'),
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const user = context.currentAdmin as unknown as CurrentUser;
      const language = languageOf(request.query?.language ?? user.locale);
      const board = await callCentreBoard(prisma, abilityOf(context.currentAdmin), { timeZone: settings.timeZone });
      const run = board?.lastRun;
      // The run's failure in words (its message key and values), as on the runs' own page.
      const lastRun = run && {
        ...run,
        message: run.errorCode ? renderMessage(language, run.errorCode, (run.errorValues ?? {}) as Record<string, string | number>) : null,
      };
      return { board: board && { ...board, lastRun, timeZone: settings.timeZone, sigConfigured: settings.sigConfigured ?? false } };
    },
  };
}
