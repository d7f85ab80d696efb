import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { WRITTEN_BY_WORKFLOW } from './document-actions.js';

// Written by "Firmar" only; never edited or deleted (database trigger).
export const documentSignatureResource = (prisma: Db) =>
  defineResource(prisma, 'DocumentSignature', {
    navigation: NAVIGATION.documents,
    sort: { sortBy: 'signedAt', direction: 'desc' },
    listProperties: ['revision', 'signer', 'signedAt', 'sha256'],
    filterProperties: ['revision', 'signer', 'signedAt'],
    actions: WRITTEN_BY_WORKFLOW,
  });
