import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// What a contract covers, kept from the contract's page: an asset, or a location and everything below it.
export const serviceContractAssetResource = (prisma: Db) =>
  defineResource(prisma, 'ServiceContractAsset', {
    navigation: NAVIGATION.services,
    listProperties: ['contract', 'asset'],
    editProperties: ['contract', 'asset'],
    filterProperties: ['contract', 'asset'],
    showProperties: ['contract', 'asset'],
  });

export const serviceContractLocationResource = (prisma: Db) =>
  defineResource(prisma, 'ServiceContractLocation', {
    navigation: NAVIGATION.services,
    listProperties: ['contract', 'location'],
    editProperties: ['contract', 'location'],
    filterProperties: ['contract', 'location'],
    showProperties: ['contract', 'location'],
  });
