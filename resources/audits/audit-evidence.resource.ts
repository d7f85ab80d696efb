import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// A document kept as evidence of a finding; added and removed on the finding's page.
export const auditEvidenceResource = (prisma: Db) =>
  defineResource(prisma, 'AuditEvidence', {
    navigation: NAVIGATION.audits,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['finding', 'document', 'createdAt'],
    editProperties: ['finding', 'document'],
    filterProperties: ['finding', 'document'],
    showProperties: ['finding', 'document', 'createdAt'],
    actions: { edit: { isAccessible: false } },
  });
