import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';
import { raiseCorrectiveActionAction } from './raise-action.js';

const related = (resource: string, filter: string, columns: string[], titleKey: string, add?: Record<string, string>) => ({
  type: 'string' as const,
  isVisible: { list: false, show: true, filter: false, edit: false },
  components: { show: Components.RelatedRecords },
  custom: { resource, filter, columns, titleKey, ...(add && { add }) },
});

// A finding of an audit: severity, the requirement not met, documents as evidence, and its corrective
// actions (raised from its page).
export const auditFindingResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'AuditFinding', {
    navigation: NAVIGATION.audits,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['audit', 'title', 'severity', 'requirement'],
    editProperties: ['audit', 'title', 'severity', 'requirement', 'description'],
    filterProperties: ['audit', 'title', 'severity', 'requirement'],
    showProperties: ['audit', 'title', 'severity', 'requirement', 'description', 'evidence', 'correctiveActions', 'createdAt'],
    properties: {
      description: { type: 'textarea' },
      evidence: related('AuditEvidence', 'finding', ['document', 'createdAt'], 'relatedAuditEvidence', { choose: 'document', chooseFrom: 'Document', buttonKey: 'relatedAddEvidence' }),
      correctiveActions: related('CorrectiveAction', 'finding', ['number', 'description', 'owner', 'dueOn', 'state'], 'relatedCorrectiveActions'),
    },
    actions: { raiseCorrectiveAction: raiseCorrectiveActionAction(prisma, settings, 'AuditFinding') },
  });
