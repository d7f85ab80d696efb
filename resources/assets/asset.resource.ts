import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { assetPrintActions } from '../printables/print-actions.js';

export const assetResource = (prisma: Db) =>
  defineResource(prisma, 'Asset', {
    navigation: NAVIGATION.assets,
    sort: { sortBy: 'code', direction: 'asc' },
    listProperties: ['code', 'description', 'location', 'category', 'criticality', 'status'],
    filterProperties: ['code', 'description', 'location', 'category', 'criticality', 'status', 'responsibleUser', 'parentAsset'],
    editProperties: [
      'code', 'description', 'location', 'category', 'parentAsset', 'responsibleUser', 'status', 'criticality',
      'manufacturer', 'model', 'serialNumber', 'installedOn',
    ],
    showProperties: [
      'code', 'description', 'location', 'category', 'parentAsset', 'responsibleUser', 'status', 'criticality',
      'manufacturer', 'model', 'serialNumber', 'installedOn', 'createdAt', 'updatedAt',
      'health', 'workOrders', 'measurementPoints', 'recentReadings', 'subAssets', 'documents',
    ],
    properties: {
      // health (issue 25): score, risk, figures, stops and reading charts (admin/health/router.ts)
      health: { type: 'string', components: { show: Components.AssetHealthPanel }, isVisible: { list: false, filter: false, edit: false, show: true } },
      documents: { type: 'string', components: { show: Components.Attachments }, custom: { owner: 'assetId' } },
      workOrders: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'WorkOrder', filter: 'asset', columns: ['number', 'kind', 'state', 'plannedOn'], sortBy: 'plannedOn', titleKey: 'relatedWorkOrders' },
      },
      measurementPoints: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'MeasurementPoint', filter: 'asset', columns: ['code', 'variable', 'unit', 'minValue', 'maxValue'], titleKey: 'relatedMeasurementPoints' },
      },
      recentReadings: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'Reading', filter: 'asset', columns: ['measurementPoint', 'takenAt', 'value'], sortBy: 'takenAt', titleKey: 'relatedReadings' },
      },
      subAssets: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'Asset', filter: 'parentAsset', columns: ['code', 'description'], titleKey: 'relatedSubAssets' },
      },
    },
    // printables (issue 24): QR labels of the list, and the asset's portal link
    actions: { ...assetPrintActions(prisma) },
  });
