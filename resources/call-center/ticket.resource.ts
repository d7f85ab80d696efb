import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Call-center tickets: typed in by operators here; the legacy SIG scrape adds its own (source SIG).
export const ticketResource = (prisma: Db) =>
  defineResource(prisma, 'Ticket', {
    navigation: NAVIGATION.callCenter,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['number', 'type', 'requester', 'description', 'state', 'source', 'createdAt'],
    editProperties: ['type', 'requester', 'description', 'state'],
    filterProperties: ['number', 'type', 'requester', 'description', 'state', 'source', 'createdAt'],
    properties: { description: { type: 'textarea' }, number: { isVisible: { list: true, show: true, edit: false, filter: true } } },
  });
