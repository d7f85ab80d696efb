import type { ActionContext } from 'adminjs';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import { IMPORT_DEFINITIONS } from '../../domain/imports/definitions/index.js';
import { migrationPlan } from '../../domain/imports/migration-plan.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Written by the import pipeline only: read-only here. The show page follows the run live and offers
// its error report (domain/imports, admin/imports/routes.ts). "Migración" lists the import kinds in the
// order a first migration runs them, each with its template, its import page and its last run.
export const importRunResource = (prisma: Db) =>
  defineResource(prisma, 'ImportRun', {
    navigation: NAVIGATION.assets,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['id', 'kind', 'fileName', 'user', 'preview', 'state', 'rowsRead', 'rowsNew', 'rowsChanged', 'rowsUnchanged', 'rowsRejected', 'createdAt'],
    filterProperties: ['kind', 'user', 'preview', 'state', 'createdAt'],
    showProperties: [
      'progress', 'id', 'kind', 'fileName', 'user', 'preview', 'mode', 'createMissing', 'state', 'rowsTotal', 'rowsRead', 'rowsValid', 'rowsNew', 'rowsChanged',
      'rowsUnchanged', 'rowsRejected', 'rowsWritten', 'errorMessage', 'attempts', 'resumedFromRow', 'jobId', 'startedAt', 'finishedAt', 'filesRemovedAt', 'createdAt',
    ],
    properties: {
      fileKey: { isVisible: false },
      summary: { isVisible: false },
      errorReportKey: { isVisible: false },
      checkpointRow: { isVisible: false },
      jobId: { isVisible: { list: false, show: true, edit: false, filter: false } },
      progress: { type: 'string', components: { show: Components.ImportWorkbook } },
    },
    actions: {
      new: { isAccessible: false },
      edit: { isAccessible: false },
      delete: { isAccessible: false },
      bulkDelete: { isAccessible: false },
      migration: {
        actionType: 'resource',
        icon: 'List',
        component: Components.ImportMigration,
        // Whoever may run at least one import.
        isAccessible: ({ currentAdmin }: ActionContext) => IMPORT_DEFINITIONS.some((definition) => abilityOf(currentAdmin).can('import', definition.model)),
        handler: async (_request, _response, context) => ({
          plan: await migrationPlan(prisma, abilityOf(context.currentAdmin), Number(context.currentAdmin!.id)),
        }),
      },
    },
  });
