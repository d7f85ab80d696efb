// A physical count of one warehouse. The count sheet lists what the warehouse keeps (bin, material,
// unit) with an empty column for the counted quantity; it is blind (no quantity on hand), so the count is
// what is on the shelf and not what the system expects. The counted quantities, entered on the
// warehouse's "Conteo físico" form, are posted in one transaction as COUNT movements of the ledger: each
// the difference between counted and on hand at that moment, at the current average cost; a line left
// empty was not counted and posts nothing.
import { z } from 'zod';
import type { Db } from '../../prisma/client.js';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import { Refusal, type FieldRefusal } from '../refusal.js';
import { postMovement } from './post-movement.js';
import { judgeQuantity, optionalText } from './stock-input.js';
import { withLockedStock } from './stock-lock.js';

export interface CountSheetLine {
  materialId: number;
  code: string;
  description: string;
  unit: string;
  bin: string | null;
  /** How many movements its level had when the sheet was made: an imported sheet is stale past it. */
  seen: number;
}

/** The warehouse (read under the viewer's rules) and its count sheet's lines, by bin then code. */
export async function countSheetOf(db: Db, ability: AppAbility, warehouseId: number) {
  const warehouse = await db.warehouse.findFirst({ where: { AND: [{ id: warehouseId }, accessibleWhere(ability, 'read', 'Warehouse') ?? { id: -1 }] } });
  if (!warehouse) throw new Refusal('stockRefused_unknownWarehouse', {}, { field: 'warehouse', kind: 'notFound' });
  const readable = accessibleWhere(ability, 'read', 'StockLevel');
  if (!readable) throw new AccessDeniedError('read', 'StockLevel');
  const levels = await db.stockLevel.findMany({
    where: { AND: [readable, { warehouseId, material: { is: { isActive: true } } }] },
    include: { material: true, bin: true },
  });
  const lines: CountSheetLine[] = levels
    .map((l) => ({ materialId: l.materialId, code: l.material.code, description: l.material.description, unit: l.material.unit, bin: l.bin?.code ?? null, seen: l.movementCount }))
    .sort((a, b) => (a.bin ?? '\uffff').localeCompare(b.bin ?? '\uffff') || a.code.localeCompare(b.code));
  return { warehouse, lines };
}

export const CountSheetInput = z.object({
  lines: z.array(z.object({ materialId: z.coerce.number().int().positive(), counted: z.unknown() })).max(20_000).default([]),
  sourceDocument: optionalText(100),
});
export type CountSheetInput = z.input<typeof CountSheetInput>;

/** Posts the counted lines of a count sheet; every wrong line is said beside it (`lines.<n>.counted`) and
 * nothing is posted. Returns how many lines were posted and how many of them differed from on hand. */
export async function postCountSheet(db: Db, ability: AppAbility, userId: number, warehouseId: number, rawInput: CountSheetInput) {
  const input = CountSheetInput.parse(rawInput);
  const errors: FieldRefusal[] = [];
  const counted: { materialId: number; warehouseId: number; counted: ReturnType<typeof judgeQuantity> }[] = [];
  const seen = new Set<number>();
  for (const [index, line] of input.lines.entries()) {
    if (line.counted === undefined || line.counted === null || String(line.counted).trim() === '') continue;
    if (seen.has(line.materialId)) continue;
    seen.add(line.materialId);
    try {
      counted.push({ materialId: line.materialId, warehouseId, counted: judgeQuantity(line.counted, { field: `lines.${index}.counted`, kind: 'nonNegative' }) });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      errors.push(...error.fields);
    }
  }
  if (errors.length) throw new Refusal('countSheetRefused', {}, { fields: errors });
  if (!counted.length) throw new Refusal('countSheetEmpty', {}, { field: 'lines' });
  const sourceDocument = input.sourceDocument ?? 'Hoja de conteo';
  return withLockedStock(db, ability, 'adjust', counted, async (tx, locked) => {
    let differences = 0;
    for (const [index, line] of counted.entries()) {
      const stock = locked[index]!;
      const quantity = line.counted.minus(stock.level.onHand);
      if (!quantity.isZero()) differences++;
      await postMovement(tx, stock, { kind: 'COUNT', materialId: line.materialId, warehouseId, quantity, countedQuantity: line.counted, sourceDocument, movedById: userId });
    }
    return { posted: counted.length, differences };
  });
}
