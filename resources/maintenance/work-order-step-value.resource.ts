import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const workOrderStepValueResource = (prisma: Db) =>
  defineResource(prisma, 'WorkOrderStepValue', {
    navigation: NAVIGATION.maintenance,
    sort: { sortBy: 'recordedAt', direction: 'desc' },
    listProperties: ['workOrder', 'procedureStep', 'value', 'passed', 'recordedBy', 'recordedAt'],
    editProperties: ['workOrder', 'procedureStep', 'value', 'passed'],
    filterProperties: ['workOrder', 'procedureStep', 'passed'],
  });
