import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { canTakeStep, takeIsolationStep } from '../../domain/safety/isolations.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { recordAction } from '../record-action.js';

// A point a permit isolates, listed on the permit's page while it is prepared; then, on the point's own
// page (and from a technician's phone), "Bloquear" (lock number), "Verificar energía cero" and "Retirar
// bloqueo", each recorded under the person who does it.
export const permitIsolationResource = (prisma: Db) =>
  defineResource(prisma, 'PermitIsolation', {
    navigation: NAVIGATION.safety,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['permit', 'isolationPoint', 'lockNumber', 'lockedBy', 'lockedAt', 'verifiedAt', 'removedAt'],
    editProperties: ['permit', 'isolationPoint'],
    filterProperties: ['permit', 'isolationPoint', 'lockedBy', 'lockNumber'],
    showProperties: ['permit', 'isolationPoint', 'lockNumber', 'lockedBy', 'lockedAt', 'verifiedBy', 'verifiedAt', 'removedBy', 'removedAt', 'createdAt'],
    actions: {
      edit: { isAccessible: false },
      lockPoint: recordAction({
        rule: ['lock', 'PermitIsolation'],
        icon: 'Lock',
        component: Components.PermitActionForm,
        shownFor: (params) => canTakeStep(params, 'lockPoint'),
        form: async () => ({ introKey: 'isolationLockIntro', fields: [{ name: 'lockNumber', kind: 'text', labelKey: 'isolationField_lockNumber' }], submitKey: 'isolationSubmit_lock' }),
        run: ({ id, ability, userId, payload }) => takeIsolationStep(prisma, ability, userId, id, 'lockPoint', { lockNumber: payload.lockNumber }),
        success: 'isolationDone_lockPoint',
      }),
      verifyZeroEnergy: recordAction({
        rule: ['lock', 'PermitIsolation'],
        icon: 'CheckSquare',
        guard: 'confirmIsolation_verifyZeroEnergy',
        shownFor: (params) => canTakeStep(params, 'verifyZeroEnergy'),
        run: ({ id, ability, userId }) => takeIsolationStep(prisma, ability, userId, id, 'verifyZeroEnergy'),
        success: 'isolationDone_verifyZeroEnergy',
      }),
      removeLock: recordAction({
        rule: ['lock', 'PermitIsolation'],
        icon: 'Unlock',
        guard: 'confirmIsolation_removeLock',
        shownFor: (params) => canTakeStep(params, 'removeLock'),
        run: ({ id, ability, userId }) => takeIsolationStep(prisma, ability, userId, id, 'removeLock'),
        success: 'isolationDone_removeLock',
      }),
    },
  });
