// A transfer between warehouses: out of one at its average cost, into the other at that same cost (which
// blends into the receiving warehouse's average), both lines in one transaction. Goods in transit between
// the two (out now, in on arrival) are not modelled yet: both lines are posted at once.
import { z } from 'zod';
import type { Db } from '../../prisma/client.js';
import type { AppAbility } from '../access/abilities.js';
import { Refusal } from '../refusal.js';
import { insufficientStock, postMovement } from './post-movement.js';
import { id, judgeQuantity, optionalText } from './stock-input.js';
import { withLockedStock } from './stock-lock.js';

export const TransferInput = z.object({
  materialId: id,
  fromWarehouseId: id,
  toWarehouseId: id,
  quantity: z.unknown(),
  sourceDocument: optionalText(100),
  note: optionalText(500),
});
export type TransferInput = z.input<typeof TransferInput>;

export async function transferStock(db: Db, ability: AppAbility, userId: number, rawInput: TransferInput) {
  const input = TransferInput.parse(rawInput);
  const quantity = judgeQuantity(input.quantity);
  if (input.fromWarehouseId === input.toWarehouseId) throw new Refusal('stockRefused_sameWarehouse', {}, { field: 'toWarehouse' });
  const places = [
    { materialId: input.materialId, warehouseId: input.fromWarehouseId },
    { materialId: input.materialId, warehouseId: input.toWarehouseId },
  ];
  return withLockedStock(db, ability, 'transfer', places, async (tx, [from, to]) => {
    const available = from!.level.onHand.minus(from!.level.reserved);
    if (!from!.warehouse.allowNegativeStock && quantity.gt(available)) throw insufficientStock(from!, available, quantity);
    const common = { materialId: input.materialId, sourceDocument: input.sourceDocument, note: input.note, movedById: userId };
    const out = await postMovement(tx, from!, { ...common, kind: 'TRANSFER_OUT', warehouseId: from!.warehouse.id, otherWarehouseId: to!.warehouse.id, quantity: quantity.neg() });
    const into = await postMovement(tx, to!, { ...common, kind: 'TRANSFER_IN', warehouseId: to!.warehouse.id, otherWarehouseId: from!.warehouse.id, quantity, unitCost: out.unitCost });
    return { out, into };
  });
}
