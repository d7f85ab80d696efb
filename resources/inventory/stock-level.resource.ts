import type { Db } from '../../prisma/client.js';
import { WRITTEN_BY_WORKFLOW } from '../documents/document-actions.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { stockLevelActions } from './stock-level-actions.js';
import { abilityOf } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import type { CurrentUser } from '../../domain/access/current-user.js';

// "Saldos iniciales": the page of the opening balances' upload (admin/inventory/router.ts does the work).
// For the storeroom of the whole plant: an opening balance posts anywhere by code, as an import does.
const openingBalances = {
  actionType: 'resource' as const,
  icon: 'Upload',
  component: Components.OpeningBalancesForm,
  isAccessible: ({ currentAdmin }: { currentAdmin?: unknown }) =>
    abilityOf(currentAdmin as CurrentUser).can('adjust', 'StockLevel') && !(currentAdmin as CurrentUser | undefined)?.access.sitePaths.length,
  handler: async () => ({}),
};

// Kept by the database from the ledger: read here, moved by the storeroom's buttons (Recibir, Entregar
// a orden, Devolver, Trasladar, Ajustar, Contar, Reservar), never by a form.
export const stockLevelResource = (prisma: Db) =>
  defineResource(prisma, 'StockLevel', {
    navigation: NAVIGATION.inventory,
    sort: { sortBy: 'id', direction: 'asc' },
    listProperties: ['material', 'warehouse', 'bin', 'onHand', 'reserved', 'available', 'averageCost'],
    filterProperties: ['material', 'warehouse', 'bin'],
    showProperties: ['material', 'warehouse', 'bin', 'onHand', 'reserved', 'available', 'averageCost', 'movementCount', 'lastMovementAt'],
    actions: { ...WRITTEN_BY_WORKFLOW, ...stockLevelActions(prisma), openingBalances },
  });
