import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const workCalendarResource = (prisma: Db) =>
  defineResource(prisma, 'WorkCalendar', {
    navigation: NAVIGATION.catalogue,
    listProperties: ['code', 'name', 'workingDays', 'dayStart', 'dayEnd'],
    editProperties: ['code', 'name', 'workingDays', 'dayStart', 'dayEnd'],
    filterProperties: ['code', 'name'],
    showProperties: ['code', 'name', 'workingDays', 'dayStart', 'dayEnd', 'holidays'],
    properties: {
      workingDays: { isArray: true, type: 'number' },
      holidays: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'CalendarHoliday', filter: 'calendar', columns: ['date', 'name'], sortBy: 'date', direction: 'asc', titleKey: 'relatedHolidays' },
      },
    },
  });
