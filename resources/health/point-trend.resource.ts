import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Each measurement point's trend of the day's assessment and its predicted limit crossing, soonest first.
export const pointTrendResource = (prisma: Db) =>
  defineResource(prisma, 'PointTrend', {
    navigation: NAVIGATION.monitoring,
    sort: { sortBy: 'predictedCrossingAt', direction: 'asc' },
    listProperties: ['measurementPoint', 'state', 'predictedCrossingAt', 'earliestCrossingAt', 'latestCrossingAt', 'limitSide', 'workRequest'],
    filterProperties: ['measurementPoint', 'state', 'predictedCrossingAt', 'limitSide', 'assessedOn'],
    showProperties: ['measurementPoint', 'state', 'readings', 'slopePerDay', 'limitSide', 'predictedCrossingAt', 'earliestCrossingAt', 'latestCrossingAt', 'pivotAt', 'pivotValue', 'workRequest', 'assessedOn'],
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
