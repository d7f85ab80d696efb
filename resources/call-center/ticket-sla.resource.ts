import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Service levels per ticket type (hours to answer, hours to resolve), kept by supervisors.
export const ticketSlaResource = (prisma: Db) =>
  defineResource(prisma, 'TicketSla', {
    navigation: NAVIGATION.callCenter,
    sort: { sortBy: 'type', direction: 'asc' },
    listProperties: ['type', 'responseHours', 'resolutionHours'],
    editProperties: ['type', 'responseHours', 'resolutionHours'],
    filterProperties: ['type'],
  });
