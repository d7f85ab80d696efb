// The buttons of a transmittal: "Enviar" (a confirmation form that names who gets a link, or says that
// e-mail is off and which settings turn it on) and "Cancelar" (one click, confirmed). Each runs a domain
// operation of domain/transmittals on POST only.
import type { Action, ActionResponse } from 'adminjs';
import { Components } from '../../admin/component-loader.js';
import { mailingState, sendTransmittal } from '../../domain/transmittals/send-transmittal.js';
import { cancelTransmittal } from '../../domain/transmittals/transmittal-lifecycle.js';
import { transmittalRefused } from '../../domain/transmittals/transmittal-refusal.js';
import { canCancel, canSend } from '../../domain/transmittals/transmittal-states.js';
import type { Db } from '../../prisma/client.js';
import type { ResourceSettings } from '../define-resource.js';
import { recordAction } from '../record-action.js';

export function transmittalActions(prisma: Db, settings: ResourceSettings): Record<'sendTransmittal' | 'cancelTransmittal', Partial<Action<ActionResponse>>> {
  return {
    sendTransmittal: recordAction({
      rule: ['send', 'Transmittal'],
      icon: 'Send',
      component: Components.PermitActionForm,
      shownIn: canSend,
      form: async ({ id }) => {
        const transmittal = await prisma.transmittal.findUnique({ where: { id }, select: { number: true, _count: { select: { recipients: true, documents: true } } } });
        const state = settings.transmittals ? mailingState(settings.transmittals) : { on: false as const, missing: 'SMTP_URL, MAIL_FROM, PUBLIC_URL' };
        const values = { number: transmittal?.number ?? '', recipients: String(transmittal?._count.recipients ?? 0), documents: String(transmittal?._count.documents ?? 0) };
        return state.on
          ? { introKey: 'transmittalSendIntro', introValues: values, fields: [], submitKey: 'transmittalSubmit_send' }
          : { introKey: 'transmittalRefused_mailOff', introValues: { missing: state.missing }, fields: [], submitKey: 'transmittalSubmit_send' };
      },
      run: ({ id, ability }) => {
        if (!settings.transmittals) throw transmittalRefused('mailOff', { missing: 'SMTP_URL, MAIL_FROM, PUBLIC_URL' });
        return sendTransmittal(prisma, settings.transmittals, ability, id);
      },
      success: (outcome): { key: string; params: Record<string, string | number> } =>
        outcome.failed.length
          ? { key: 'transmittalSentWithFailures', params: { number: outcome.number, emailed: outcome.emailed, recipients: outcome.recipients, failed: outcome.failed.map((f) => f.name).join(', ') } }
          : { key: 'transmittalSent', params: { number: outcome.number, recipients: outcome.recipients } },
    }),
    cancelTransmittal: recordAction({
      rule: ['cancel', 'Transmittal'],
      icon: 'XCircle',
      guard: 'confirmTransmittalCancel',
      shownIn: canCancel,
      run: ({ id, ability }) => cancelTransmittal(prisma, ability, id),
      success: 'transmittalCancelled',
    }),
  };
}
