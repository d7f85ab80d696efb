import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { pageAction, WRITTEN_BY_WORKFLOW } from './document-actions.js';

// Each upload is a revision; "Firmar" and "Verificar" act on one.
export const documentRevisionResource = (prisma: Db) =>
  defineResource(prisma, 'DocumentRevision', {
    navigation: NAVIGATION.documents,
    sort: { sortBy: 'uploadedAt', direction: 'desc' },
    listProperties: ['document', 'number', 'fileName', 'size', 'uploadedBy', 'uploadedAt'],
    filterProperties: ['document', 'fileName', 'uploadedBy', 'uploadedAt'],
    showProperties: ['document', 'number', 'fileName', 'contentType', 'size', 'sha256', 'uploadedBy', 'uploadedAt'],
    actions: {
      ...WRITTEN_BY_WORKFLOW,
      sign: pageAction('sign', 'DocumentRevision', Components.SignRevision, 'PenTool'),
      verify: pageAction('read', 'DocumentRevision', Components.VerifyRevision, 'Shield'),
    },
  });
