// The buttons of a permit: Solicitar (its precautions as a checklist), Aprobar and Cerrar (signed with
// the password), Activar, Suspender and Cancelar (one click, confirmed). Each runs a domain operation of
// domain/safety on POST only; the operation checks the rule on the row, the state and what the move needs.
import type { Action, ActionResponse } from 'adminjs';
import { Components } from '../../admin/component-loader.js';
import { canMovePermit, movePermit, type PermitMove } from '../../domain/safety/permit-lifecycle.js';
import { canSignPermit, signPermit, type PermitSigning } from '../../domain/safety/permit-signing.js';
import { linesOf } from '../../domain/safety/permit-states.js';
import type { Db } from '../../prisma/client.js';
import type { ResourceSettings } from '../define-resource.js';
import { recordAction, type RecordActionCall } from '../record-action.js';

type PermitActionName = 'permitRequest' | 'permitApprove' | 'permitActivate' | 'permitSuspend' | 'permitClose' | 'permitCancel';

const ONE_CLICK: Record<'permitActivate' | 'permitSuspend' | 'permitCancel', { move: Exclude<PermitMove, 'request'>; icon: string }> = {
  permitActivate: { move: 'activate', icon: 'PlayCircle' },
  permitSuspend: { move: 'suspend', icon: 'PauseCircle' },
  permitCancel: { move: 'cancel', icon: 'XCircle' },
};
const SIGNED: Record<'permitApprove' | 'permitClose', { signing: PermitSigning; icon: string }> = {
  permitApprove: { signing: 'approve', icon: 'CheckCircle' },
  permitClose: { signing: 'close', icon: 'Lock' },
};

export function workPermitActions(prisma: Db, settings: ResourceSettings): Record<PermitActionName, Partial<Action<ActionResponse>>> {
  const passwordForm = (signing: PermitSigning) => async ({ id }: RecordActionCall) => {
    const permit = await prisma.workPermit.findUnique({ where: { id }, select: { number: true } });
    return { introKey: `permitSignIntro_${signing}`, introValues: { number: permit?.number ?? '' }, fields: [{ name: 'password', kind: 'password', labelKey: 'permitField_password' }], submitKey: `permitSubmit_${signing}` };
  };
  const signed = (name: keyof typeof SIGNED) =>
    recordAction({
      rule: [SIGNED[name].signing, 'WorkPermit'],
      icon: SIGNED[name].icon,
      component: Components.PermitActionForm,
      shownIn: (state) => canSignPermit(state, SIGNED[name].signing),
      form: passwordForm(SIGNED[name].signing),
      run: ({ id, ability, userId, payload, client }) =>
        signPermit(prisma, settings.passwordThrottle, ability, SIGNED[name].signing, { permitId: id, signer: { userId }, password: payload.password, ...client }),
      success: `permitMoved_${SIGNED[name].signing}`,
    });
  const oneClick = (name: keyof typeof ONE_CLICK) =>
    recordAction({
      rule: [ONE_CLICK[name].move, 'WorkPermit'],
      icon: ONE_CLICK[name].icon,
      guard: `confirmPermit_${ONE_CLICK[name].move}`,
      shownIn: (state) => canMovePermit(state, ONE_CLICK[name].move),
      run: ({ id, ability, userId }) => movePermit(prisma, ability, userId, id, ONE_CLICK[name].move),
      success: `permitMoved_${ONE_CLICK[name].move}`,
    });
  return {
    permitRequest: recordAction({
      rule: ['request', 'WorkPermit'],
      icon: 'Send',
      component: Components.PermitActionForm,
      shownIn: (state) => canMovePermit(state, 'request'),
      // The kind's checks, each to be ticked by the requester; the ones ticked before stay ticked.
      form: async ({ id }) => {
        const permit = await prisma.workPermit.findUnique({ where: { id }, include: { permitKind: true } });
        return {
          introKey: 'permitRequestIntro',
          introValues: { number: permit?.number ?? '', kind: permit?.permitKind.name ?? '' },
          fields: [{ name: 'precautions', kind: 'checklist', labelKey: 'permitField_precautions', options: linesOf(permit?.permitKind.requiredChecks) }],
          submitKey: 'permitSubmit_request',
        };
      },
      run: ({ id, ability, userId, payload }) => movePermit(prisma, ability, userId, id, 'request', { precautions: payload.precautions }),
      success: 'permitMoved_request',
    }),
    permitApprove: signed('permitApprove'),
    permitActivate: oneClick('permitActivate'),
    permitSuspend: oneClick('permitSuspend'),
    permitClose: signed('permitClose'),
    permitCancel: oneClick('permitCancel'),
  };
}
