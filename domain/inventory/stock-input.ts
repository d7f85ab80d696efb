// What the stock operations accept from a form, an import or a job, judged once: a quantity a person
// typed becomes a Decimal or a refusal beside its field, never a database error.
import { Prisma } from '@prisma/client';
import { z } from 'zod';
import { Refusal } from '../refusal.js';

const Id = z.coerce.number().int().positive();

/** One material in one warehouse: the unit every stock operation locks. */
export const StockPlaceInput = z.object({ materialId: Id, warehouseId: Id });
export type StockPlace = z.infer<typeof StockPlaceInput>;

export const id = Id;
export const optionalId = Id.nullish();
export const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((text) => text || null);

/** A quantity as typed: "2", "2,5", 2.5. Three decimals at most, as the ledger stores them. */
/** positive: issued, received...; nonZero: an adjustment (signed); nonNegative: a count. */
export function judgeQuantity(value: unknown, options: { field?: string; kind?: 'positive' | 'nonZero' | 'nonNegative' } = {}): Prisma.Decimal {
  const field = options.field ?? 'quantity';
  const kind = options.kind ?? 'positive';
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().replace(',', '.') : '';
  const refused = () => new Refusal(`stockRefused_quantity_${kind}`, { value: String(value ?? '') }, { field });
  if (!/^-?\d{1,10}(\.\d{1,3})?$/.test(text)) throw refused();
  const quantity = new Prisma.Decimal(text);
  const fits = { positive: quantity.gt(0), nonZero: !quantity.isZero(), nonNegative: quantity.gte(0) }[kind];
  if (!fits) throw refused();
  return quantity;
}

/** A unit price as typed: zero or more, four decimals at most. */
export function judgeUnitCost(value: unknown, field = 'unitCost'): Prisma.Decimal {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().replace(',', '.') : '';
  if (!/^\d{1,10}(\.\d{1,4})?$/.test(text)) throw new Refusal('stockRefused_unitCost', { value: String(value ?? '') }, { field });
  return new Prisma.Decimal(text);
}

/** A quantity as people read it: "2.5", not "2.500". */
export const shown = (quantity: Prisma.Decimal | number | string): string => new Prisma.Decimal(quantity).toDecimalPlaces(3).toString();
