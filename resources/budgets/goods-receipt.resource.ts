import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// Goods received against requisitions, one row per line received (issue 20): written by "Recibir" on the
// requisition only, never changed (the database refuses it); shown on each requisition and in the list.
export const goodsReceiptResource = (prisma: Db) =>
  defineResource(prisma, 'GoodsReceipt', {
    navigation: NAVIGATION.budgets,
    sort: { sortBy: 'receivedAt', direction: 'desc' },
    listProperties: ['requisition', 'requisitionItem', 'quantity', 'amount', 'warehouse', 'deliveryNote', 'receivedBy', 'receivedAt'],
    showProperties: ['requisition', 'requisitionItem', 'quantity', 'amount', 'warehouse', 'stockMovement', 'deliveryNote', 'note', 'receivedBy', 'receivedAt'],
    filterProperties: ['requisition', 'warehouse', 'deliveryNote', 'receivedBy', 'receivedAt'],
    actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
  });
