// The storeroom's alerts (domain/inventory/): a material at or below its reorder point in a warehouse,
// told to those who may read that stock level (the storeroom and supervisors) with the draft
// requisition prepared for it; and the nightly ledger check finding stock levels the ledger does not
// explain, told to the administrators.
import { defineNotificationKind } from '../kind.js';

export const stockAtReorderPoint = defineNotificationKind({
  name: 'stock-at-reorder-point',
  model: 'StockLevel',
  message: {
    es: 'Hay que reponer {material} en {warehouse}: quedan {available} {unit} disponibles (punto de pedido {reorderPoint}). Borrador de requisición: {requisition}.',
    en: 'Restock {material} at {warehouse}: {available} {unit} available (reorder point {reorderPoint}). Draft requisition: {requisition}.',
  },
  label: { es: 'Existencias en el punto de pedido', en: 'Stock at its reorder point' },
  defaults: { SUPERVISORS: ['email'] },
});

export const stockLedgerMismatch = defineNotificationKind({
  name: 'stock-ledger-mismatch',
  model: 'StockLevel',
  message: {
    es: 'El control nocturno encontró {count} existencias que no cuadran con los movimientos de almacén; la primera, {material} en {warehouse}: existencia {keptOnHand} (según los movimientos {rebuiltOnHand}), costo promedio {keptCost} ({rebuiltCost}). Alguien las cambió fuera de los movimientos: revise el historial y corrija con un ajuste.',
    en: 'The nightly check found {count} stock levels the stock movements do not explain; the first, {material} at {warehouse}: on hand {keptOnHand} (movements say {rebuiltOnHand}), average cost {keptCost} ({rebuiltCost}). Someone changed them outside the movements: check the history and correct with an adjustment.',
  },
  label: { es: 'Existencias que no cuadran con los movimientos', en: 'Stock levels that do not match the movements' },
  defaults: { ADMINISTRATORS: ['email'] },
});
