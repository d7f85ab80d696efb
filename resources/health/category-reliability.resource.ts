import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Each category's failure model of the day's assessment (Weibull shape and scale, or too little data).
export const categoryReliabilityResource = (prisma: Db) =>
  defineResource(prisma, 'CategoryReliability', {
    navigation: NAVIGATION.monitoring,
    sort: { sortBy: 'failures', direction: 'desc' },
    listProperties: ['category', 'state', 'failures', 'censored', 'shape', 'scaleDays', 'meanDays', 'assessedOn'],
    filterProperties: ['category', 'state', 'failures', 'assessedOn'],
    showProperties: ['category', 'state', 'failures', 'censored', 'shape', 'scaleDays', 'meanDays', 'assessedOn'],
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
