import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const calendarHolidayResource = (prisma: Db) =>
  defineResource(prisma, 'CalendarHoliday', {
    navigation: NAVIGATION.catalogue,
    sort: { sortBy: 'date', direction: 'asc' },
    listProperties: ['calendar', 'date', 'name'],
    editProperties: ['calendar', 'date', 'name'],
    filterProperties: ['calendar', 'date', 'name'],
  });
