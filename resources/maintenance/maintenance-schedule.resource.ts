import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const maintenanceScheduleResource = (prisma: Db) =>
  defineResource(prisma, 'MaintenanceSchedule', {
    navigation: NAVIGATION.maintenance,
    sort: { sortBy: 'nextDueOn', direction: 'asc' },
    listProperties: ['routine', 'asset', 'startsOn', 'endsOn', 'nextDueOn', 'isActive'],
    editProperties: ['routine', 'asset', 'calendar', 'meterPoint', 'startsOn', 'endsOn', 'isActive'],
    filterProperties: ['routine', 'asset', 'calendar', 'isActive', 'nextDueOn'],
    properties: {
      nextDueOn: { isVisible: { list: true, show: true, edit: false, filter: true } },
      lastMeterValue: { isVisible: { list: false, show: true, edit: false, filter: false } },
    },
  });
