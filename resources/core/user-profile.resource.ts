import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const userProfileResource = (prisma: Db) =>
  defineResource(prisma, 'UserProfile', {
    navigation: NAVIGATION.administration,
    listProperties: ['user', 'phone', 'defaultLocation', 'directManager', 'canApproveRequisitions', 'approvalLimit'],
    editProperties: ['user', 'phone', 'defaultLocation', 'directManager', 'canApproveRequisitions', 'approvalLimit'],
    filterProperties: ['user', 'defaultLocation', 'directManager', 'canApproveRequisitions'],
  });
