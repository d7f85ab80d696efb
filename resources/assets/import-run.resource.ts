import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Written by the import pipeline only: read-only here.
export const importRunResource = (prisma: Db) =>
  defineResource(prisma, 'ImportRun', {
    navigation: NAVIGATION.assets,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['id', 'kind', 'fileName', 'user', 'state', 'rowsRead', 'rowsRejected', 'rowsWritten', 'createdAt'],
    filterProperties: ['kind', 'user', 'state', 'createdAt'],
    properties: { fileKey: { isVisible: false }, errorReportKey: { isVisible: false }, jobId: { isVisible: { list: false, show: true, edit: false, filter: false } } },
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
