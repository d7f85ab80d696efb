// Corrections of the stock: an adjustment (found, damaged, lost: a signed quantity and its reason) and a
// physical count (the counted quantity; the variance against on hand is posted). Both at the current
// average cost, so they move the quantity and not the average.
import { z } from 'zod';
import type { Db } from '../../prisma/client.js';
import type { AppAbility } from '../access/abilities.js';
import { Refusal } from '../refusal.js';
import { postMovement } from './post-movement.js';
import { judgeQuantity, optionalText, StockPlaceInput } from './stock-input.js';
import { withLockedStock } from './stock-lock.js';

export const AdjustmentInput = StockPlaceInput.extend({ quantity: z.unknown(), note: optionalText(500), sourceDocument: optionalText(100) });
export type AdjustmentInput = z.input<typeof AdjustmentInput>;

export async function adjustStock(db: Db, ability: AppAbility, userId: number, rawInput: AdjustmentInput) {
  const input = AdjustmentInput.parse(rawInput);
  const quantity = judgeQuantity(input.quantity, { kind: 'nonZero' });
  // An adjustment without its reason cannot be audited later.
  if (!input.note) throw new Refusal('stockRefused_reasonRequired', {}, { field: 'note' });
  return withLockedStock(db, ability, 'adjust', [input], async (tx, [stock]) =>
    postMovement(tx, stock!, { kind: 'ADJUSTMENT', materialId: input.materialId, warehouseId: input.warehouseId, quantity, note: input.note, sourceDocument: input.sourceDocument, movedById: userId }),
  );
}

export const CountInput = StockPlaceInput.extend({ counted: z.unknown(), note: optionalText(500), sourceDocument: optionalText(100) });
export type CountInput = z.input<typeof CountInput>;

export async function countStock(db: Db, ability: AppAbility, userId: number, rawInput: CountInput) {
  const input = CountInput.parse(rawInput);
  const countedQuantity = judgeQuantity(input.counted, { field: 'counted', kind: 'nonNegative' });
  return withLockedStock(db, ability, 'adjust', [input], async (tx, [stock]) => {
    return postMovement(tx, stock!, {
      kind: 'COUNT', materialId: input.materialId, warehouseId: input.warehouseId, quantity: countedQuantity.minus(stock!.level.onHand), countedQuantity,
      note: input.note, sourceDocument: input.sourceDocument, movedById: userId,
    });
  });
}
