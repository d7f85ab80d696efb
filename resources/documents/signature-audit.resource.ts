import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { WRITTEN_BY_WORKFLOW } from './document-actions.js';

// Immutable evidence of each signature: who, when, from where, with what, on which bytes.
export const signatureAuditResource = (prisma: Db) =>
  defineResource(prisma, 'SignatureAudit', {
    navigation: NAVIGATION.documents,
    sort: { sortBy: 'signedAt', direction: 'desc' },
    listProperties: ['revision', 'signer', 'signedAt', 'ip', 'sha256'],
    filterProperties: ['revision', 'signer', 'signedAt', 'ip'],
    showProperties: ['signature', 'revision', 'signer', 'signedAt', 'ip', 'userAgent', 'sha256'],
    actions: WRITTEN_BY_WORKFLOW,
  });
