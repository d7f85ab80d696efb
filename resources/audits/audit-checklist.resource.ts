import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Checklist templates (an ISO 45001 internal audit, a regulator's inspection): an audit copies its items.
export const auditChecklistResource = (prisma: Db) =>
  defineResource(prisma, 'AuditChecklist', {
    navigation: NAVIGATION.audits,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['code', 'name', 'isActive'],
    editProperties: ['code', 'name', 'items', 'isActive'],
    filterProperties: ['code', 'name', 'isActive'],
    showProperties: ['code', 'name', 'items', 'isActive', 'createdAt'],
    properties: { items: { type: 'textarea' } },
  });
