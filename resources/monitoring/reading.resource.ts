import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const readingResource = (prisma: Db) =>
  defineResource(prisma, 'Reading', {
    navigation: NAVIGATION.monitoring,
    sort: { sortBy: 'takenAt', direction: 'desc' },
    listProperties: ['measurementPoint', 'takenAt', 'value', 'source'],
    filterProperties: ['measurementPoint', 'takenAt', 'source'],
    editProperties: ['measurementPoint', 'takenAt', 'value', 'source'],
  });
