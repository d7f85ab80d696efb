import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// "Activos en riesgo" (issue 25): every asset's health score of the day's assessment, least healthy first,
// with the reasons; read-only (the 06:00 job writes it), under the viewer's sites.
export const assetHealthResource = (prisma: Db) =>
  defineResource(prisma, 'AssetHealth', {
    navigation: NAVIGATION.monitoring,
    sort: { sortBy: 'score', direction: 'asc' },
    listProperties: ['asset', 'score', 'failureProbability', 'riskState', 'overduePreventive', 'openExcursions', 'predictedCrossings', 'assessedOn'],
    filterProperties: ['asset', 'score', 'riskState', 'overduePreventive', 'openExcursions', 'predictedCrossings', 'assessedOn'],
    showProperties: ['asset', 'score', 'reasons', 'riskState', 'failureProbability', 'expectedRemainingDays', 'daysSinceFailure', 'overduePreventive', 'openExcursions', 'predictedCrossings', 'assessedOn'],
    properties: {
      reasons: { type: 'string', components: { show: Components.HealthReasons }, isVisible: { list: false, filter: false, edit: false, show: true } },
    },
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
