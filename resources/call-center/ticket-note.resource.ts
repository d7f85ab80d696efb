import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// What operators told callers: written by the ticket's "Responder" only, shown on the ticket's page.
export const ticketNoteResource = (prisma: Db) =>
  defineResource(prisma, 'TicketNote', {
    navigation: NAVIGATION.callCenter,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['ticket', 'createdAt', 'author', 'body'],
    showProperties: ['ticket', 'createdAt', 'author', 'body'],
    filterProperties: ['ticket', 'author', 'createdAt'],
    properties: { body: { type: 'textarea' }, createdAt: { isVisible: { list: true, show: true, edit: false, filter: true } } },
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
