import type { Db } from '../../prisma/client.js';
import { WRITTEN_BY_WORKFLOW } from '../documents/document-actions.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { stockLevelActions } from './stock-level-actions.js';

// Kept by the database from the ledger: read here, moved by the storeroom's buttons (Recibir, Entregar
// a orden, Devolver, Trasladar, Ajustar, Contar, Reservar), never by a form.
export const stockLevelResource = (prisma: Db) =>
  defineResource(prisma, 'StockLevel', {
    navigation: NAVIGATION.inventory,
    sort: { sortBy: 'id', direction: 'asc' },
    listProperties: ['material', 'warehouse', 'bin', 'onHand', 'reserved', 'available', 'averageCost'],
    filterProperties: ['material', 'warehouse', 'bin'],
    showProperties: ['material', 'warehouse', 'bin', 'onHand', 'reserved', 'available', 'averageCost', 'movementCount', 'lastMovementAt'],
    actions: { ...WRITTEN_BY_WORKFLOW, ...stockLevelActions(prisma) },
  });
