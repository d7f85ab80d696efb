import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Who sells us materials; shared later with purchasing and service contracts.
export const vendorResource = (prisma: Db) =>
  defineResource(prisma, 'Vendor', {
    navigation: NAVIGATION.inventory,
    sort: { sortBy: 'name', direction: 'asc' },
    listProperties: ['code', 'name', 'contactName', 'phone', 'isActive'],
    editProperties: ['code', 'name', 'taxId', 'contactName', 'email', 'phone', 'isActive'],
    filterProperties: ['code', 'name', 'isActive'],
    showProperties: ['code', 'name', 'taxId', 'contactName', 'email', 'phone', 'isActive', 'createdAt', 'updatedAt'],
  });
