// Writing one line of the stock ledger. The database posts it (trigger cmms_stock_movement_post: the
// level's balance, average cost and sequence, in this transaction) and refuses stock below zero where the
// warehouse does not allow it; that refusal comes back here as one a person can read.
import { Prisma } from '@prisma/client';
import type { Tx } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import { materialName, type LockedStock } from './stock-lock.js';
import { shown } from './stock-input.js';

export type MovementKind = 'RECEIPT' | 'ISSUE' | 'RETURN' | 'TRANSFER_OUT' | 'TRANSFER_IN' | 'ADJUSTMENT' | 'COUNT';

export type MovementLine = Omit<Prisma.StockMovementUncheckedCreateInput, 'sequence' | 'balanceAfter' | 'averageCostAfter' | 'id' | 'movedAt'> & {
  kind: MovementKind;
};

export async function postMovement(tx: Tx, stock: LockedStock, line: MovementLine) {
  try {
    return await tx.stockMovement.create({ data: line });
  } catch (error) {
    if (constraintOf(error) === 'stock_levels_on_hand_check') throw insufficientStock(stock, stock.level.onHand, new Prisma.Decimal(line.quantity as Prisma.Decimal.Value));
    throw error;
  }
}

/** Not enough of the material where it was asked for: what is there, and what to do. */
export function insufficientStock(stock: Pick<LockedStock, 'material' | 'warehouse'>, available: Prisma.Decimal | number, quantity: Prisma.Decimal | number | string) {
  return new Refusal(
    'stockRefused_insufficient',
    {
      material: materialName(stock.material),
      warehouse: stock.warehouse.name,
      available: shown(available),
      quantity: shown(new Prisma.Decimal(quantity).abs()),
      unit: stock.material.unit,
    },
    { field: 'quantity' },
  );
}

/** The constraint a database refusal names ("violates constraint ..."), through the driver adapter. */
export function constraintOf(error: unknown): string | undefined {
  const e = error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: string; constraint?: unknown } } }; message?: string };
  const message = e?.meta?.driverAdapterError?.cause?.originalMessage ?? e?.message ?? '';
  return /constraint "([^"]+)"/.exec(message)?.[1];
}
