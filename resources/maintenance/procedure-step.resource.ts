import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const procedureStepResource = (prisma: Db) =>
  defineResource(prisma, 'ProcedureStep', {
    navigation: NAVIGATION.catalogue,
    sort: { sortBy: 'position', direction: 'asc' },
    listProperties: ['procedure', 'position', 'instruction', 'valueType', 'unit', 'minValue', 'maxValue'],
    editProperties: ['procedure', 'position', 'instruction', 'valueType', 'unit', 'minValue', 'maxValue'],
    filterProperties: ['procedure', 'instruction', 'valueType'],
  });
