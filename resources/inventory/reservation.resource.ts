import type { Db } from '../../prisma/client.js';
import { WRITTEN_BY_WORKFLOW } from '../documents/document-actions.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { reservationActions } from './reservation-actions.js';

// Made by "Reservar" on a stock level or by preventive generation; released here or when the order ends.
export const reservationResource = (prisma: Db) =>
  defineResource(prisma, 'Reservation', {
    navigation: NAVIGATION.inventory,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['workOrder', 'material', 'warehouse', 'quantity', 'requested', 'state', 'createdAt'],
    filterProperties: ['workOrder', 'material', 'warehouse', 'state'],
    showProperties: ['id', 'workOrder', 'material', 'warehouse', 'quantity', 'requested', 'state', 'reservedBy', 'createdAt', 'updatedAt'],
    actions: { ...WRITTEN_BY_WORKFLOW, ...reservationActions(prisma) },
  });
