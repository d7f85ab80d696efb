import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';
import { slaComplianceAction } from './sla-compliance-action.js';

const related = (resource: string, filter: string, columns: string[], titleKey: string, extra: Record<string, unknown> = {}) => ({
  type: 'string' as const,
  components: { show: Components.RelatedRecords },
  custom: { resource, filter, columns, titleKey, ...extra },
});

// A vendor's service contract (issue 24): scope, what it covers (assets, locations and all below them),
// when it is in force, its value and SLA hours, and who owns it (told before it ends). The orders handed to
// the contractor under it are listed on its page; "Cumplimiento de SLA" compares vendors.
export const serviceContractResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'ServiceContract', {
    navigation: NAVIGATION.services,
    sort: { sortBy: 'endsOn', direction: 'asc' },
    listProperties: ['code', 'vendor', 'startsOn', 'endsOn', 'value', 'responseHours', 'resolutionHours', 'owner'],
    editProperties: ['code', 'vendor', 'scope', 'startsOn', 'endsOn', 'value', 'responseHours', 'resolutionHours', 'renewalNoticeDays', 'owner'],
    filterProperties: ['code', 'vendor', 'owner', 'startsOn', 'endsOn'],
    showProperties: [
      'code', 'vendor', 'scope', 'startsOn', 'endsOn', 'value', 'responseHours', 'resolutionHours', 'renewalNoticeDays', 'owner',
      'assets', 'locations', 'workOrders', 'createdAt', 'updatedAt',
    ],
    properties: {
      scope: { type: 'textarea' },
      assets: related('ServiceContractAsset', 'contract', ['asset'], 'relatedContractAssets', { removable: true, add: { choose: 'asset', chooseFrom: 'Asset', buttonKey: 'addContractAsset' } }),
      locations: related('ServiceContractLocation', 'contract', ['location'], 'relatedContractLocations', { removable: true, add: { choose: 'location', chooseFrom: 'Location', buttonKey: 'addContractLocation' } }),
      workOrders: related('WorkOrder', 'serviceContract', ['number', 'description', 'state', 'contractAssignedAt'], 'relatedContractOrders', { sortBy: 'contractAssignedAt', direction: 'desc' }),
    },
    actions: { slaCompliance: slaComplianceAction(prisma, settings) },
  });
