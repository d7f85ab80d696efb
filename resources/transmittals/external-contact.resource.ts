import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// People outside the plant transmittals go to (a contractor's engineer, a consultant), by e-mail.
export const externalContactResource = (prisma: Db) =>
  defineResource(prisma, 'ExternalContact', {
    navigation: NAVIGATION.communications,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['name', 'company', 'email', 'phone', 'isActive'],
    editProperties: ['name', 'company', 'email', 'phone', 'isActive'],
    filterProperties: ['name', 'company', 'email', 'isActive'],
    showProperties: ['name', 'company', 'email', 'phone', 'isActive', 'createdAt', 'updatedAt'],
  });
