// "Recibir" on a material: a receipt into any warehouse the viewer sees, also one the material has never
// been in (its stock level is created by the receipt, domain/inventory/stock-lock.ts); the stock level's own
// "Recibir" serves a material already kept there. Same form (admin/components/stock-move-form.tsx).
import type { Action, ActionResponse } from 'adminjs';
import { Components } from '../../admin/component-loader.js';
import { accessibleWhere } from '../../domain/access/abilities.js';
import { receiveStock } from '../../domain/inventory/receive-stock.js';
import { parseRecordId } from '../../domain/record-id.js';
import { Refusal } from '../../domain/refusal.js';
import type { Db } from '../../prisma/client.js';
import { recordAction } from '../record-action.js';
import type { StockField } from './stock-level-actions.js';

export function materialActions(prisma: Db): Record<'receive', Partial<Action<ActionResponse>>> {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    receive: recordAction({
      rule: ['receive', 'StockLevel'],
      icon: 'LogIn',
      component: Components.StockMoveForm,
      shownFor: (params) => params.isActive !== false,
      form: async ({ id, ability }) => {
        const material = await prisma.material.findUniqueOrThrow({ where: { id } });
        const warehouses = await prisma.warehouse.findMany({
          where: { AND: [accessibleWhere(ability, 'read', 'Warehouse') ?? { id: -1 }, { isActive: true }] },
          orderBy: { name: 'asc' },
          include: { bins: { where: { isActive: true }, orderBy: { code: 'asc' } } },
        });
        const fields: StockField[] = [
          { name: 'warehouse', required: true, options: warehouses.map((w) => ({ value: String(w.id), label: w.name })) },
          { name: 'quantity', required: true },
          { name: 'unitCost', required: true },
          { name: 'bin', required: false, options: warehouses.flatMap((w) => w.bins.map((b) => ({ value: String(b.id), label: `${w.name} · ${b.code}` }))) },
          { name: 'sourceDocument', required: false },
          { name: 'note', required: false },
        ];
        return { intro: 'stockFormIntroMaterial', material: `${material.code} · ${material.description}`, warehouse: '', unit: material.unit, onHand: '', available: '', fields };
      },
      run: async ({ id, ability, userId, payload }) => {
        const warehouseId = parseRecordId(payload.warehouse);
        if (warehouseId === null) throw new Refusal('stockRefused_unknownWarehouse', {}, { field: 'warehouse' });
        return receiveStock(prisma, ability, userId, {
          materialId: id, warehouseId, binId: parseRecordId(payload.bin), quantity: payload.quantity, unitCost: payload.unitCost, sourceDocument: text(payload.sourceDocument), note: text(payload.note),
        });
      },
      success: 'stockMoved_receive',
    }),
  };
}
