// A receipt: material comes into a warehouse at a price (a delivery note, later a requisition line). Its
// price is blended into the warehouse's weighted average cost by the database as it is posted.
import { z } from 'zod';
import type { Db } from '../../prisma/client.js';
import type { AppAbility } from '../access/abilities.js';
import { Refusal } from '../refusal.js';
import { postMovement } from './post-movement.js';
import { judgeQuantity, judgeUnitCost, optionalId, optionalText, StockPlaceInput } from './stock-input.js';
import { withLockedStock } from './stock-lock.js';

export const ReceiptInput = StockPlaceInput.extend({
  binId: optionalId,
  quantity: z.unknown(),
  unitCost: z.unknown(),
  sourceDocument: optionalText(100),
  note: optionalText(500),
});
export type ReceiptInput = z.input<typeof ReceiptInput>;

export async function receiveStock(db: Db, ability: AppAbility, userId: number, rawInput: ReceiptInput) {
  const input = ReceiptInput.parse(rawInput);
  const quantity = judgeQuantity(input.quantity);
  const unitCost = judgeUnitCost(input.unitCost);
  return withLockedStock(db, ability, 'receive', [input], async (tx, [stock]) => {
    if (!stock!.material.isActive) throw new Refusal('stockRefused_inactiveMaterial', { material: stock!.material.code }, { field: 'material' });
    if (input.binId && !(await tx.bin.count({ where: { id: input.binId, warehouseId: input.warehouseId } })))
      throw new Refusal('stockRefused_binElsewhere', { warehouse: stock!.warehouse.name }, { field: 'bin' });
    return postMovement(tx, stock!, {
      kind: 'RECEIPT', materialId: input.materialId, warehouseId: input.warehouseId, binId: input.binId ?? null,
      quantity, unitCost, sourceDocument: input.sourceDocument, note: input.note, movedById: userId,
    });
  });
}
