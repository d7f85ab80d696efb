import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';
import { transmittalActions } from './transmittal-actions.js';

const related = (resource: string, columns: string[], titleKey: string, extra: Record<string, unknown> = {}) => ({
  type: 'string' as const,
  isVisible: { list: false, show: true, filter: false, edit: false },
  components: { show: Components.RelatedRecords },
  custom: { resource, filter: 'transmittal', columns, titleKey, ...extra },
});

// A transmittal (issue 24): document revisions sent to people in and outside the plant. A supervisor
// drafts it (subject, purpose, message, the day to acknowledge by), adds on its page the revisions and the
// recipients (users, or external contacts), and sends it: each recipient gets an e-mail with his own link
// to the cover sheet and the files, where he acknowledges receipt. Its state moves only through its
// buttons (transmittal-actions.ts); the sender is whoever drafts it.
export const transmittalResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'Transmittal', {
    navigation: NAVIGATION.communications,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['number', 'subject', 'purpose', 'sender', 'state', 'sentAt', 'acknowledgeBy'],
    editProperties: ['subject', 'purpose', 'message', 'acknowledgeBy'],
    filterProperties: ['number', 'subject', 'purpose', 'sender', 'state', 'sentAt', 'acknowledgeBy'],
    showProperties: ['number', 'subject', 'purpose', 'message', 'sender', 'state', 'acknowledgeBy', 'sentAt', 'cancelledAt', 'cover', 'documents', 'recipients', 'acknowledgements', 'createdAt'],
    properties: {
      message: { type: 'textarea' },
      // The cover sheet to download, and whether e-mail can go out (the settings missing, when not).
      cover: {
        type: 'string',
        isVisible: { list: false, show: true, filter: false, edit: false },
        components: { show: Components.TransmittalCover },
        custom: { mailOff: mailOff(settings) },
      },
      documents: related('TransmittalDocument', ['revision', 'sha256'], 'relatedTransmittalDocuments', {
        add: { choose: 'revision', chooseFrom: 'DocumentRevision', buttonKey: 'relatedAddTransmittalRevision' },
        removable: true,
      }),
      recipients: related('TransmittalRecipient', ['user', 'externalContact', 'emailedAt', 'emailError', 'linkExpiresAt', 'linkRevokedAt'], 'relatedTransmittalRecipients', {
        add: [
          { choose: 'user', chooseFrom: 'User', buttonKey: 'relatedAddTransmittalUser' },
          { choose: 'externalContact', chooseFrom: 'ExternalContact', buttonKey: 'relatedAddTransmittalContact' },
        ],
        removable: true,
      }),
      acknowledgements: related('TransmittalAcknowledgement', ['name', 'email', 'acknowledgedAt', 'ip'], 'relatedTransmittalAcknowledgements'),
    },
    actions: transmittalActions(prisma, settings),
  });

/** The settings missing for e-mail to go out, or null when it can. */
function mailOff(settings: ResourceSettings): string | null {
  const mailing = settings.transmittals;
  if (!mailing) return 'SMTP_URL, MAIL_FROM, PUBLIC_URL';
  const missing = [!mailing.mailer && 'SMTP_URL, MAIL_FROM', !mailing.publicUrl && 'PUBLIC_URL'].filter(Boolean).join(', ');
  return missing || null;
}
