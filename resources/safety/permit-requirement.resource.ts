import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Which assets need which permit before their orders start: one asset, or every asset of a criticality.
export const permitRequirementResource = (prisma: Db) =>
  defineResource(prisma, 'PermitRequirement', {
    navigation: NAVIGATION.safety,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['permitKind', 'asset', 'criticality', 'createdAt'],
    editProperties: ['permitKind', 'asset', 'criticality'],
    filterProperties: ['permitKind', 'asset', 'criticality'],
    showProperties: ['permitKind', 'asset', 'criticality', 'createdAt'],
  });
