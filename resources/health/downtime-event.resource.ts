import type { Db } from '../../prisma/client.js';
import { endDowntime } from '../../domain/health/downtime.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { recordAction } from '../record-action.js';

// Stops of assets (issue 25): opened from an order or a request ("Registrar parada"), or typed in (a stop
// found on a round); the order's completion ends them, "Registrar arranque" by hand. Kept by supervisors.
export const downtimeEventResource = (prisma: Db) =>
  defineResource(prisma, 'DowntimeEvent', {
    navigation: NAVIGATION.monitoring,
    sort: { sortBy: 'startedAt', direction: 'desc' },
    listProperties: ['asset', 'startedAt', 'endedAt', 'planned', 'reason', 'workOrder', 'workRequest'],
    filterProperties: ['asset', 'startedAt', 'endedAt', 'planned', 'reason', 'workOrder', 'workRequest'],
    editProperties: ['asset', 'startedAt', 'endedAt', 'planned', 'reason', 'workOrder', 'workRequest', 'notes'],
    showProperties: ['id', 'asset', 'startedAt', 'endedAt', 'planned', 'reason', 'workOrder', 'workRequest', 'notes', 'createdAt', 'updatedAt'],
    properties: {
      notes: { type: 'textarea' },
    },
    actions: {
      endDowntime: recordAction({
        rule: ['update', 'DowntimeEvent'],
        icon: 'Play',
        guard: 'confirmEndDowntime',
        shownFor: (params) => !params.endedAt,
        run: ({ id, ability }) => endDowntime(prisma, ability, id),
        success: 'downtimeEnded',
      }),
    },
  });
