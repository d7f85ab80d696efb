import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// What each site produced in a month (MWh): the denominator of its energy intensity on the energy page.
export const siteProductionResource = (prisma: Db) =>
  defineResource(prisma, 'SiteProduction', {
    navigation: NAVIGATION.energy,
    sort: { sortBy: 'month', direction: 'desc' },
    listProperties: ['month', 'location', 'producedMwh', 'notes'],
    filterProperties: ['location', 'month'],
    editProperties: ['location', 'month', 'producedMwh', 'notes'],
    showProperties: ['location', 'month', 'producedMwh', 'notes', 'createdAt', 'updatedAt'],
  });
