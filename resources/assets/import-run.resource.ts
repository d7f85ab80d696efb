import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Written by the import pipeline only: read-only here. The show page follows the run live and offers
// its error report (domain/imports, admin/imports/routes.ts).
export const importRunResource = (prisma: Db) =>
  defineResource(prisma, 'ImportRun', {
    navigation: NAVIGATION.assets,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['id', 'kind', 'fileName', 'user', 'state', 'rowsRead', 'rowsRejected', 'rowsWritten', 'createdAt'],
    filterProperties: ['kind', 'user', 'state', 'createdAt'],
    showProperties: [
      'progress', 'id', 'kind', 'fileName', 'user', 'mode', 'state', 'rowsTotal', 'rowsRead', 'rowsValid', 'rowsRejected', 'rowsWritten',
      'errorMessage', 'attempts', 'resumedFromRow', 'jobId', 'startedAt', 'finishedAt', 'createdAt',
    ],
    properties: {
      fileKey: { isVisible: false },
      errorReportKey: { isVisible: false },
      checkpointRow: { isVisible: false },
      jobId: { isVisible: { list: false, show: true, edit: false, filter: false } },
      progress: { type: 'string', components: { show: Components.ImportWorkbook } },
    },
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
