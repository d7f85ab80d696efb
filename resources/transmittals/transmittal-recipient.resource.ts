import type { Db } from '../../prisma/client.js';
import { canRevoke, revokeLink } from '../../domain/transmittals/transmittal-lifecycle.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { recordAction } from '../record-action.js';

// A person a transmittal goes to (a user, or an external contact), added on the transmittal's page while
// it is a draft. Once sent: when his e-mail left (or why it did not), until when his link works, and
// "Revocar enlace" for a link sent to the wrong address or passed on.
export const transmittalRecipientResource = (prisma: Db) =>
  defineResource(prisma, 'TransmittalRecipient', {
    navigation: NAVIGATION.communications,
    sort: { sortBy: 'id', direction: 'desc' },
    listProperties: ['transmittal', 'user', 'externalContact', 'emailedAt', 'linkExpiresAt', 'linkRevokedAt'],
    editProperties: ['transmittal', 'user', 'externalContact'],
    filterProperties: ['transmittal', 'user', 'externalContact'],
    showProperties: ['transmittal', 'user', 'externalContact', 'emailedAt', 'emailError', 'linkExpiresAt', 'linkRevokedAt'],
    actions: {
      edit: { isAccessible: false },
      revokeLink: recordAction({
        rule: ['revoke', 'TransmittalRecipient'],
        icon: 'Slash',
        guard: 'confirmTransmittalRevoke',
        shownFor: (params) => canRevoke(params),
        run: ({ id, ability }) => revokeLink(prisma, ability, id),
        success: 'transmittalLinkRevoked',
      }),
    },
  });
