import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const frequencyResource = (prisma: Db) =>
  defineResource(prisma, 'Frequency', {
    navigation: NAVIGATION.catalogue,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['code', 'name', 'calendarInterval', 'calendarUnit', 'meterInterval'],
    editProperties: ['code', 'name', 'calendarInterval', 'calendarUnit', 'meterInterval'],
    filterProperties: ['code', 'name', 'calendarUnit'],
  });
