import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// The sites (location subtrees) a user is scoped to; administrators only (domain/access/abilities.ts),
// never for themselves. A change takes effect on the user's next request: his rights are read per request.
export const userSiteResource = (prisma: Db) =>
  defineResource(prisma, 'UserSite', {
    navigation: NAVIGATION.administration,
    listProperties: ['user', 'location'],
    editProperties: ['user', 'location'],
    filterProperties: ['user', 'location'],
    actions: { edit: { isAccessible: false } },
  });
