// The draft requisition a reorder alert prepares (domain/notifications/triggers/stock-alerts.ts): one
// line for the material's reorder quantity at its current average cost, in DRAFT for a supervisor to
// review, charge to a budget line and submit as any other. The line is for stock (the material into the
// warehouse that fell short), so "Recibir" puts it there rather than charging the budget at receipt. Written in the caller's transaction, so the
// change history records it with the job as its author.
import type { Tx } from '../access/allowed-row.js';
import type { ReorderAlert } from '../inventory/reorder.js';

type Language = 'es' | 'en';

const TITLE: Record<Language, (line: ReorderAlert['draftLine'], warehouse: string) => string> = {
  es: (line, warehouse) => `Reposición: ${line.description} en ${warehouse}${line.vendor ? ` (proveedor preferido: ${line.vendor})` : ''}`,
  en: (line, warehouse) => `Restock: ${line.description} at ${warehouse}${line.vendor ? ` (preferred vendor: ${line.vendor})` : ''}`,
};

/** A DRAFT requisition for the alert's line, requested by `requester` and titled in his language. */
export async function draftReorderRequisition(tx: Tx, alert: ReorderAlert, requester: { userId: number; locale: Language }) {
  const line = alert.draftLine;
  return tx.requisition.create({
    data: {
      title: TITLE[requester.locale](line, alert.values.warehouse).slice(0, 200),
      requestedById: requester.userId,
      state: 'DRAFT',
      items: { create: [{ description: line.description, quantity: line.quantity, unit: line.unit, unitPrice: line.unitPrice, materialId: line.materialId, warehouseId: line.warehouseId }] },
    },
    select: { id: true, number: true },
  });
}
