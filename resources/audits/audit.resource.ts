import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { canMoveAudit, moveAudit } from '../../domain/audits/audit-lifecycle.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { recordAction } from '../record-action.js';

// An audit (issue 23): internal, external or regulatory, its scope, dates, auditor and the checklist copied
// from its template; its findings listed on its page. "Iniciar auditoría", then "Cerrar auditoría", refused
// while any action of its findings is not verified (domain/audits/audit-lifecycle.ts).
export const auditResource = (prisma: Db) =>
  defineResource(prisma, 'Audit', {
    navigation: NAVIGATION.audits,
    sort: { sortBy: 'startsOn', direction: 'desc' },
    listProperties: ['number', 'title', 'kind', 'location', 'startsOn', 'endsOn', 'auditor', 'state'],
    editProperties: ['title', 'kind', 'scope', 'location', 'startsOn', 'endsOn', 'auditor', 'checklist'],
    filterProperties: ['number', 'title', 'kind', 'location', 'startsOn', 'auditor', 'state'],
    showProperties: ['number', 'title', 'kind', 'state', 'scope', 'location', 'startsOn', 'endsOn', 'auditor', 'checklist', 'checklistItems', 'findings', 'closedBy', 'closedAt', 'createdAt'],
    properties: {
      scope: { type: 'textarea' },
      checklistItems: { type: 'textarea' },
      findings: {
        type: 'string',
        isVisible: { list: false, show: true, filter: false, edit: false },
        components: { show: Components.RelatedRecords },
        custom: { resource: 'AuditFinding', filter: 'audit', columns: ['title', 'severity', 'requirement'], titleKey: 'relatedAuditFindings' },
      },
    },
    actions: {
      auditStart: recordAction({
        rule: ['start', 'Audit'],
        icon: 'PlayCircle',
        guard: 'confirmAudit_start',
        shownIn: (state) => canMoveAudit(state, 'start'),
        run: ({ id, ability, userId }) => moveAudit(prisma, ability, userId, id, 'start'),
        success: 'auditMoved_start',
      }),
      auditClose: recordAction({
        rule: ['close', 'Audit'],
        icon: 'Lock',
        guard: 'confirmAudit_close',
        shownIn: (state) => canMoveAudit(state, 'close'),
        run: ({ id, ability, userId }) => moveAudit(prisma, ability, userId, id, 'close'),
        success: 'auditMoved_close',
      }),
    },
  });
