import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const workRequestResource = (prisma: Db) =>
  defineResource(prisma, 'WorkRequest', {
    navigation: NAVIGATION.maintenance,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['id', 'asset', 'description', 'priority', 'state', 'reportedBy', 'createdAt'],
    editProperties: ['asset', 'reportedBy', 'description', 'priority', 'state'],
    filterProperties: ['asset', 'description', 'priority', 'state', 'reportedBy', 'createdAt'],
    properties: { description: { type: 'textarea' }, createdAt: { isVisible: { list: true, show: true, edit: false, filter: true } } },
  });
