import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Gas readings of a permit, taken by whoever is signed in (CREATED_BY) and judged by the database against
// the kind's limits; never edited: a new reading replaces an old one.
export const permitGasTestResource = (prisma: Db) =>
  defineResource(prisma, 'PermitGasTest', {
    navigation: NAVIGATION.safety,
    sort: { sortBy: 'takenAt', direction: 'desc' },
    listProperties: ['permit', 'takenAt', 'oxygenPct', 'lelPct', 'h2sPpm', 'coPpm', 'withinLimits', 'takenBy'],
    editProperties: ['permit', 'oxygenPct', 'lelPct', 'h2sPpm', 'coPpm'],
    filterProperties: ['permit', 'takenBy', 'takenAt', 'withinLimits'],
    showProperties: ['permit', 'takenAt', 'takenBy', 'oxygenPct', 'lelPct', 'h2sPpm', 'coPpm', 'withinLimits'],
  });
