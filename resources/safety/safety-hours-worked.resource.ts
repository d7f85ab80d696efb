import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// The hours worked at a site each month (everyone exposed), entered by the safety officer: what the
// incident rates are figured on (domain/safety/incident-rates.ts).
export const safetyHoursWorkedResource = (prisma: Db) =>
  defineResource(prisma, 'SafetyHoursWorked', {
    navigation: NAVIGATION.safety,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['location', 'year', 'month', 'hours'],
    editProperties: ['location', 'year', 'month', 'hours'],
    filterProperties: ['location', 'year', 'month'],
    showProperties: ['location', 'year', 'month', 'hours', 'createdAt'],
  });
