import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

export const userGroupResource = (prisma: Db) =>
  defineResource(prisma, 'UserGroup', {
    navigation: NAVIGATION.administration,
    listProperties: ['user', 'group'],
    editProperties: ['user', 'group'],
    filterProperties: ['user', 'group'],
    actions: { edit: { isAccessible: false } },
  });
