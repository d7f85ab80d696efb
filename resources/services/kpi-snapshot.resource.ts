import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Computed every 10 minutes by jobs/compute-kpis.job.ts: read-only for everyone, charted on the dashboard.
export const kpiSnapshotResource = (prisma: Db) =>
  defineResource(prisma, 'KpiSnapshot', {
    navigation: NAVIGATION.services,
    sort: { sortBy: 'takenAt', direction: 'desc' },
    listProperties: ['takenAt', 'metric', 'scope', 'scopeName', 'value'],
    filterProperties: ['takenAt', 'metric', 'scope', 'scopeName'],
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
