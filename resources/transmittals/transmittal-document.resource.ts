import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// A revision a transmittal sends, kept from the transmittal's page while it is a draft: the exact
// revision, and the hash of its file copied by the database from the revision (never typed, never changed).
export const transmittalDocumentResource = (prisma: Db) =>
  defineResource(prisma, 'TransmittalDocument', {
    navigation: NAVIGATION.communications,
    sort: { sortBy: 'id', direction: 'desc' },
    listProperties: ['transmittal', 'revision', 'sha256'],
    editProperties: ['transmittal', 'revision'],
    filterProperties: ['transmittal', 'revision'],
    showProperties: ['transmittal', 'revision', 'sha256'],
    actions: { edit: { isAccessible: false } },
  });
