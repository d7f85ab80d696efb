import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// The people who must sign a revision before its document is approved; named by supervisors.
export const revisionSignerResource = (prisma: Db) =>
  defineResource(prisma, 'RevisionSigner', {
    navigation: NAVIGATION.documents,
    listProperties: ['revision', 'user'],
    filterProperties: ['revision', 'user'],
    editProperties: ['revision', 'user'],
    actions: { edit: { isAccessible: false } },
  });
