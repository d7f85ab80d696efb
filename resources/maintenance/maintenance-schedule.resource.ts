import type { Action, ActionResponse } from 'adminjs';
import type { Db } from '../../prisma/client.js';
import { abilityOf, allowedTo } from '../../admin/access.js';
import { todayIn } from '../../domain/dates.js';
import { generatePreventiveOrders } from '../../domain/maintenance/generate-preventive-orders.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';

export const maintenanceScheduleResource = (prisma: Db, settings: ResourceSettings) => {
  // "Generar órdenes": the daily generation, now, for this schedule (record) or for all (resource).
  const generate = (actionType: 'record' | 'resource'): Partial<Action<ActionResponse>> => ({
    actionType,
    component: false,
    icon: 'Calendar',
    guard: actionType === 'resource' ? 'confirmGeneratePreventiveOrders' : undefined,
    isAccessible: allowedTo('generate', 'WorkOrder'),
    handler: async (_request, _response, context) => {
      const result = await generatePreventiveOrders(prisma, abilityOf(context.currentAdmin), {
        day: todayIn(settings.timeZone),
        timeZone: settings.timeZone,
        scheduleIds: context.record ? [Number(context.record.id())] : undefined,
      });
      const notice = { message: 'preventiveOrdersGenerated', type: 'success' as const, options: { count: result.ordersCreated } };
      if (!context.record) return { records: [], notice, redirectUrl: context.h.resourceUrl({ resourceId: 'WorkOrder' }) };
      const reloaded = await context.resource.findOne(context.record.id(), context);
      return { record: reloaded!.toJSON(context.currentAdmin), notice, result };
    },
  });

  return defineResource(prisma, 'MaintenanceSchedule', {
    navigation: NAVIGATION.maintenance,
    sort: { sortBy: 'nextDueOn', direction: 'asc' },
    listProperties: ['routine', 'asset', 'startsOn', 'endsOn', 'nextDueOn', 'isActive'],
    editProperties: ['routine', 'asset', 'calendar', 'meterPoint', 'startsOn', 'endsOn', 'nextDueOn', 'isActive'],
    filterProperties: ['routine', 'asset', 'calendar', 'isActive', 'nextDueOn'],
    properties: {
      lastMeterValue: { isVisible: { list: false, show: true, edit: false, filter: false } },
      cycleAnchorOn: { isVisible: { list: false, show: true, edit: false, filter: false } },
    },
    actions: { generate: generate('record'), generateAll: generate('resource') },
  });
};
