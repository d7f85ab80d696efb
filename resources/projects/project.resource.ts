import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { projectLifecycleActions } from './project-actions.js';

const related = (resource: string, columns: string[], titleKey: string, extra: Record<string, unknown> = {}) => ({
  type: 'string' as const,
  components: { show: Components.RelatedRecords },
  custom: { resource, filter: 'project', columns, titleKey, ...extra },
});

// A project (issue 24): who runs it, where, when, on which budget line; its page draws the tasks as a Gantt
// with the figures (progress, orders, cost so far) and lists the orders, requisitions and documents linked
// to it. The state moves through its buttons only (project-actions.ts).
export const projectResource = (prisma: Db) =>
  defineResource(prisma, 'Project', {
    navigation: NAVIGATION.projects,
    sort: { sortBy: 'startsOn', direction: 'desc' },
    listProperties: ['code', 'name', 'manager', 'location', 'startsOn', 'endsOn', 'state'],
    editProperties: ['code', 'name', 'description', 'manager', 'location', 'startsOn', 'endsOn', 'budgetLine'],
    filterProperties: ['code', 'name', 'manager', 'location', 'state', 'startsOn', 'endsOn'],
    showProperties: [
      'code', 'name', 'state', 'manager', 'location', 'startsOn', 'endsOn', 'budgetLine', 'description',
      'gantt', 'tasks', 'workOrders', 'requisitions', 'documents', 'createdAt', 'updatedAt',
    ],
    properties: {
      description: { type: 'textarea' },
      state: { isVisible: { list: true, show: true, edit: false, filter: true } },
      // Gantt and figures (admin/projects/router.ts → domain/projects/project-figures.ts).
      gantt: { type: 'string', components: { show: Components.ProjectOverview } },
      tasks: related('ProjectTask', ['name', 'startsOn', 'endsOn', 'progress', 'assignee'], 'relatedProjectTasks', { addable: true, sortBy: 'startsOn', direction: 'asc' }),
      workOrders: related('WorkOrder', ['number', 'description', 'state', 'plannedOn'], 'relatedProjectOrders'),
      requisitions: related('Requisition', ['number', 'title', 'state', 'total'], 'relatedProjectRequisitions'),
      documents: related('Document', ['code', 'title', 'kind', 'state'], 'relatedProjectDocuments'),
    },
    actions: projectLifecycleActions(prisma),
  });
