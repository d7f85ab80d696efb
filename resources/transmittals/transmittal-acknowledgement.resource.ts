import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { WRITTEN_BY_WORKFLOW } from '../documents/document-actions.js';

// Immutable evidence that a recipient acknowledged receipt: who, when, from where, with which browser.
// Written only by the recipient's link page.
export const transmittalAcknowledgementResource = (prisma: Db) =>
  defineResource(prisma, 'TransmittalAcknowledgement', {
    navigation: NAVIGATION.communications,
    sort: { sortBy: 'acknowledgedAt', direction: 'desc' },
    listProperties: ['transmittal', 'name', 'email', 'acknowledgedAt', 'ip'],
    filterProperties: ['transmittal', 'name', 'email', 'acknowledgedAt'],
    showProperties: ['transmittal', 'recipient', 'name', 'email', 'acknowledgedAt', 'ip', 'userAgent'],
    actions: WRITTEN_BY_WORKFLOW,
  });
