import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { canMoveAction, type CorrectiveActionMove } from '../../domain/audits/corrective-action-states.js';
import { moveCorrectiveAction } from '../../domain/audits/corrective-action-lifecycle.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { recordAction } from '../record-action.js';

const ICONS: Record<CorrectiveActionMove, string> = { start: 'PlayCircle', complete: 'CheckCircle', verify: 'Award', reopen: 'RotateCcw', cancel: 'XCircle' };
// The moves that ask for a note (what was done, how effectiveness was checked, why not, why cancelled).
const WITH_NOTE: CorrectiveActionMove[] = ['complete', 'verify', 'reopen', 'cancel'];

// A corrective action (issue 23), raised from a finding, an incident or a closed corrective order's failure
// (their "Registrar acción correctiva"). Its owner starts it and marks it done; the safety officer verifies
// its effectiveness (never the owner), sends it back, or cancels it. Its state moves only by these buttons.
export const correctiveActionResource = (prisma: Db) =>
  defineResource(prisma, 'CorrectiveAction', {
    navigation: NAVIGATION.audits,
    sort: { sortBy: 'dueOn', direction: 'asc' },
    listProperties: ['number', 'description', 'owner', 'dueOn', 'state', 'finding', 'incident', 'workOrder'],
    editProperties: ['description', 'owner', 'dueOn'],
    filterProperties: ['number', 'description', 'owner', 'dueOn', 'state', 'finding', 'incident', 'workOrder'],
    showProperties: [
      'number', 'description', 'state', 'owner', 'dueOn', 'finding', 'incident', 'workOrder', 'raisedBy', 'createdAt',
      'startedAt', 'doneNote', 'doneAt', 'verifiedBy', 'verifiedAt', 'verificationNote', 'cancelledAt', 'cancelReason',
    ],
    properties: { description: { type: 'textarea' }, doneNote: { type: 'textarea' }, verificationNote: { type: 'textarea' } },
    actions: {
      new: { isAccessible: false },
      ...Object.fromEntries(
        (['start', 'complete', 'verify', 'reopen', 'cancel'] as const).map((move) => [
          `action_${move}`,
          recordAction({
            rule: [move, 'CorrectiveAction'],
            icon: ICONS[move],
            ...(WITH_NOTE.includes(move)
              ? {
                  component: Components.PermitActionForm,
                  form: async ({ id }) => {
                    const action = await prisma.correctiveAction.findUnique({ where: { id }, select: { number: true } });
                    return { introKey: `actionIntro_${move}`, introValues: { number: action?.number ?? '' }, fields: [{ name: 'note', kind: 'textarea', labelKey: `actionField_note_${move}` }], submitKey: `actionSubmit_${move}` };
                  },
                }
              : { guard: `confirmAction_${move}` }),
            shownIn: (state) => canMoveAction(state, move),
            run: ({ id, ability, userId, payload }) => moveCorrectiveAction(prisma, ability, userId, id, move, { note: payload.note }),
            success: `actionMoved_${move}`,
          }),
        ]),
      ),
    },
  });
