import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { WRITTEN_BY_WORKFLOW } from '../documents/document-actions.js';

// Immutable evidence of approving and closing permits: who, when, from where, with what, on which content.
export const permitSignatureResource = (prisma: Db) =>
  defineResource(prisma, 'PermitSignature', {
    navigation: NAVIGATION.safety,
    sort: { sortBy: 'signedAt', direction: 'desc' },
    listProperties: ['permit', 'purpose', 'signer', 'signedAt', 'ip', 'sha256'],
    filterProperties: ['permit', 'purpose', 'signer', 'signedAt'],
    showProperties: ['permit', 'purpose', 'signer', 'signedAt', 'ip', 'userAgent', 'sha256'],
    actions: WRITTEN_BY_WORKFLOW,
  });
