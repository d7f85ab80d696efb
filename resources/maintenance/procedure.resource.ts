import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const procedureResource = (prisma: Db) =>
  defineResource(prisma, 'Procedure', {
    navigation: NAVIGATION.catalogue,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['code', 'name'],
    editProperties: ['code', 'name', 'description'],
    filterProperties: ['code', 'name'],
    showProperties: ['code', 'name', 'description', 'steps'],
    properties: {
      description: { type: 'textarea' },
      steps: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'ProcedureStep', filter: 'procedure', columns: ['position', 'instruction', 'valueType', 'unit', 'minValue', 'maxValue'], sortBy: 'position', direction: 'asc', titleKey: 'relatedSteps' },
      },
    },
  });
