import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const measurementPointResource = (prisma: Db) =>
  defineResource(prisma, 'MeasurementPoint', {
    navigation: NAVIGATION.monitoring,
    sort: { sortBy: 'code', direction: 'asc' },
    listProperties: ['code', 'asset', 'variable', 'unit', 'minValue', 'maxValue', 'isMeter', 'energyCarrier'],
    filterProperties: ['code', 'asset', 'variable', 'isMeter', 'energyCarrier'],
    editProperties: ['code', 'asset', 'variable', 'unit', 'minValue', 'maxValue', 'isMeter', 'energyCarrier', 'rolloverValue'],
    showProperties: ['code', 'asset', 'variable', 'unit', 'minValue', 'maxValue', 'isMeter', 'energyCarrier', 'rolloverValue', 'createdAt', 'readings'],
    properties: {
      readings: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'Reading', filter: 'measurementPoint', columns: ['takenAt', 'value', 'source'], sortBy: 'takenAt', titleKey: 'relatedReadings' },
      },
    },
  });
