// "Indicadores mensuales" on the incident list: the year's monthly figures and rates, for the plant or a
// site, read under the viewer's rules (domain/safety/incident-rates.ts). Its GET answers them and changes
// nothing; `year` and `site` come from the page's address.
import type { Action, ActionContext, ActionRequest, ActionResponse } from 'adminjs';
import type { Prisma } from '@prisma/client';
import { abilityOf } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import { accessibleWhere } from '../../domain/access/abilities.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { parseRecordId } from '../../domain/record-id.js';
import { incidentRates } from '../../domain/safety/incident-rates.js';
import type { Db } from '../../prisma/client.js';
import type { ResourceSettings } from '../define-resource.js';

export function incidentRatesAction(prisma: Db, settings: ResourceSettings): Partial<Action<ActionResponse>> {
  return {
    actionType: 'resource',
    icon: 'BarChart2',
    component: Components.IncidentRates,
    showInDrawer: false,
    isAccessible: ({ currentAdmin }: ActionContext) => abilityOf(currentAdmin).can('read', 'SafetyIncident') && abilityOf(currentAdmin).can('read', 'SafetyHoursWorked'),
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const query = (request.query ?? {}) as Record<string, string | undefined>;
      const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone, year: 'numeric' }).format(new Date()));
      const year = query.year === undefined || query.year === '' ? thisYear : /^\d{4}$/.test(query.year) ? Number(query.year) : NaN;
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new MalformedInputError('malformedRequest');
      const siteId = query.site ? parseRecordId(query.site) : null;
      if (query.site && siteId === null) throw new MalformedInputError('malformedRequest');
      const rates = await incidentRates(prisma, abilityOf(context.currentAdmin), { year, siteId, timeZone: settings.timeZone });
      // The sites to choose from: the top-level locations the viewer may read.
      const readable = accessibleWhere(abilityOf(context.currentAdmin), 'read', 'Location') as Prisma.LocationWhereInput | null;
      const sites = readable
        ? await prisma.location.findMany({ where: { AND: [readable, { parentId: null }] }, select: { id: true, fullName: true }, orderBy: { fullName: 'asc' }, take: 200 })
        : [];
      return { rates, sites: sites.map((s) => ({ id: s.id, name: s.fullName })) };
    },
  };
}
