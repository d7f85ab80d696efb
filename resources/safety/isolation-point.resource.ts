import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Where each asset's energy is isolated (LOTO): reused by every permit on that asset.
export const isolationPointResource = (prisma: Db) =>
  defineResource(prisma, 'IsolationPoint', {
    navigation: NAVIGATION.safety,
    sort: { sortBy: 'code', direction: 'asc' },
    listProperties: ['asset', 'code', 'type', 'energyType', 'locationDescription', 'isActive'],
    editProperties: ['asset', 'code', 'type', 'energyType', 'locationDescription', 'isActive'],
    filterProperties: ['asset', 'code', 'type', 'energyType', 'isActive'],
    showProperties: ['asset', 'code', 'type', 'energyType', 'locationDescription', 'isActive', 'createdAt'],
  });
