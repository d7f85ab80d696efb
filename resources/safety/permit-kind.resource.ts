import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// The kinds of permit, seeded with the plant's five; the safety officer keeps their checks and limits.
export const permitKindResource = (prisma: Db) =>
  defineResource(prisma, 'PermitKind', {
    navigation: NAVIGATION.safety,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['code', 'name', 'needsGasTest', 'needsIsolation', 'isActive'],
    editProperties: ['code', 'name', 'requiredChecks', 'needsGasTest', 'needsIsolation', 'oxygenMinPct', 'oxygenMaxPct', 'lelMaxPct', 'h2sMaxPpm', 'coMaxPpm', 'isActive'],
    filterProperties: ['code', 'name', 'needsGasTest', 'needsIsolation', 'isActive'],
    showProperties: ['code', 'name', 'requiredChecks', 'needsGasTest', 'needsIsolation', 'oxygenMinPct', 'oxygenMaxPct', 'lelMaxPct', 'h2sMaxPpm', 'coMaxPpm', 'isActive', 'createdAt'],
    properties: { requiredChecks: { type: 'textarea' } },
  });
