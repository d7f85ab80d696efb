import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Notes live in their order's page (and on the technician's phone card); the author is whoever writes
// it (CREATED_BY). Technicians add notes to their orders and do not edit them: a correction is another note.
export const workOrderNoteResource = (prisma: Db) =>
  defineResource(prisma, 'WorkOrderNote', {
    navigation: NAVIGATION.maintenance,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['workOrder', 'text', 'author', 'createdAt'],
    editProperties: ['workOrder', 'text'],
    filterProperties: ['workOrder', 'author', 'createdAt'],
    showProperties: ['workOrder', 'text', 'author', 'createdAt'],
    properties: {
      text: { type: 'textarea' },
      createdAt: { isVisible: { list: true, show: true, edit: false, filter: true } },
    },
  });
