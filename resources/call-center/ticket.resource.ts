import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';
import { callCentreBoardAction } from './call-centre-board-action.js';
import { ticketActions } from './ticket-actions.js';
import { ticketAfter } from './ticket-follow-up.js';

// Call-center tickets: typed in by operators here, or read from the legacy SIG (source SIG) by its job.
// One list and one numbering for both; the operator's queue is this list, newest report first.
const shownOnly = { isVisible: { list: false, show: true, edit: false, filter: false } };
export const ticketResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'Ticket', {
    navigation: NAVIGATION.callCenter,
    sort: { sortBy: 'reportedAt', direction: 'desc' },
    listProperties: ['number', 'type', 'priority', 'requester', 'description', 'state', 'source', 'reportedAt', 'slaState'],
    showProperties: [
      'number', 'source', 'type', 'priority', 'state', 'requester', 'callerAddress', 'description', 'reportedAt',
      'asset', 'location', 'workRequest', 'followUp', 'slaState', 'responseDue', 'answeredAt', 'resolutionDue', 'resolvedAt',
      'notes', 'sigRow', 'createdAt', 'updatedAt',
    ],
    editProperties: ['type', 'priority', 'requester', 'callerAddress', 'description', 'state'],
    // answeredAt and resolvedAt: the board's "today" links filter by them.
    filterProperties: ['number', 'type', 'priority', 'requester', 'description', 'state', 'source', 'reportedAt', 'answeredAt', 'resolvedAt', 'asset', 'location', 'workRequest'],
    properties: {
      description: { type: 'textarea' },
      number: { isVisible: { list: true, show: true, edit: false, filter: true } },
      reportedAt: { isVisible: { list: true, show: true, edit: false, filter: true } },
      sigRow: { type: 'string', ...shownOnly },
      // Filled by the list's and show's `after` (ticket-follow-up.ts).
      followUp: { type: 'string', ...shownOnly },
      slaState: { type: 'string', isVisible: { list: true, show: true, edit: false, filter: false }, isSortable: false },
      responseDue: { type: 'string', ...shownOnly },
      resolutionDue: { type: 'string', ...shownOnly },
      notes: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'TicketNote', filter: 'ticket', columns: ['createdAt', 'author', 'body'], titleKey: 'relatedTicketNotes' },
      },
    },
    actions: {
      ...ticketActions(prisma),
      board: callCentreBoardAction(prisma, settings),
      list: { after: ticketAfter(prisma, settings.timeZone, false) },
      show: { after: ticketAfter(prisma, settings.timeZone, true) },
    },
  });
