// A filled count sheet imported back ("Conteo físico", the Excel file the clerk filled in). The sheet carries
// its count's reference (warehouse and the moment it was printed) and, per line, how many movements the
// stock level had then. Posting is all or nothing:
//  - a sheet of another warehouse is refused whole;
//  - a line whose stock moved after the sheet was printed makes the count stale (what was counted on the
//    shelf no longer compares with on hand): refused, with each moved line named, print a new sheet;
//  - every wrong cell is said by row and column (a quantity that is no number, a code not on the sheet, a
//    material twice);
//  - the same sheet imported again changes nothing and says when it was posted (its movements carry the
//    reference as their source document).
// Each counted line becomes a COUNT movement (counted − on hand, at the current average cost) with the
// count's reason as its note; a line left empty was not counted.
import { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { AccessDeniedError, type AppAbility } from '../access/abilities.js';
import type { Tx } from '../access/allowed-row.js';
import { Refusal, type FieldRefusal, type MessageParams } from '../refusal.js';
import { countSheetOf } from './count-sheet.js';
import { postMovement } from './post-movement.js';
import { judgeQuantity } from './stock-input.js';
import { withLockedStock } from './stock-lock.js';

/** One line as read from the sheet: its row number, the material code, the counted cell as typed, and the
 * movements its level had when printed (the hidden column). */
export interface CountedRow {
  row: number;
  code: string;
  counted: unknown;
  seen: unknown;
}

export interface CountedSheet {
  reference: string;
  rows: CountedRow[];
}

// The print moment to the millisecond: two sheets of one warehouse printed in the same second are two counts.
// Sheets printed before the milliseconds were added (six digits) are still read.
const REFERENCE = /^CNT-(.+)-(\d{8}-\d{6}(?:\d{3})?)$/;

/** "CNT-ALM-CEN-20261130-151403250": the warehouse's code and the moment (UTC, to the millisecond) the sheet was printed. */
export function countReference(warehouseCode: string, printedAt: Date): string {
  const stamp = printedAt.toISOString().replace(/[-:.Z]/g, '').replace('T', '-');
  return `CNT-${warehouseCode}-${stamp}`;
}

export type CountImportResult = { posted: number; differences: number; alreadyPosted: false } | { posted: 0; differences: 0; alreadyPosted: true; postedAt: Date };

export async function importCountSheet(db: Db, ability: AppAbility, userId: number, warehouseId: number, sheet: CountedSheet, reason: string | null = null): Promise<CountImportResult> {
  if (!ability.can('adjust', 'StockLevel')) throw new AccessDeniedError('adjust', 'StockLevel');
  const { warehouse, lines } = await countSheetOf(db, ability, warehouseId);
  const reference = sheet.reference.trim();
  const match = REFERENCE.exec(reference);
  if (!match) throw new Refusal('countImport_noReference', {}, { field: 'file' });
  if (match[1]!.toUpperCase() !== warehouse.code.toUpperCase())
    throw new Refusal('countImport_otherWarehouse', { sheet: match[1]!, warehouse: warehouse.name }, { field: 'file' });
  const posted = await postedAt(db, warehouseId, reference);
  if (posted) return { posted: 0, differences: 0, alreadyPosted: true, postedAt: posted };

  const errors: FieldRefusal[] = [];
  const say = (row: number, column: string, key: string, params: MessageParams = {}) => errors.push({ field: `rows.${row}.${column}`, key, params: { row, ...params } });
  const byCode = new Map(lines.map((line) => [line.code.toUpperCase(), line]));
  const firstRow = new Map<number, number>();
  const counted: { row: number; materialId: number; warehouseId: number; counted: Prisma.Decimal; seen: number }[] = [];
  for (const r of sheet.rows) {
    if (r.counted === null || r.counted === undefined || String(r.counted).trim() === '') continue;
    const line = byCode.get(r.code.trim().toUpperCase());
    if (!line) {
      say(r.row, 'code', 'countImport_notOnSheet', { value: r.code, warehouse: warehouse.name });
      continue;
    }
    if (firstRow.has(line.materialId)) {
      say(r.row, 'code', 'countImport_repeated', { value: line.code, first: firstRow.get(line.materialId)! });
      continue;
    }
    firstRow.set(line.materialId, r.row);
    const seen = Number(r.seen);
    if (r.seen === null || r.seen === undefined || String(r.seen).trim() === '' || !Number.isInteger(seen) || seen < 0) {
      say(r.row, 'code', 'countImport_noSnapshot', { value: line.code });
      continue;
    }
    try {
      counted.push({ row: r.row, materialId: line.materialId, warehouseId, counted: judgeQuantity(r.counted, { kind: 'nonNegative' }), seen });
    } catch {
      say(r.row, 'counted', 'countImport_quantity', { value: String(r.counted) });
    }
  }
  if (errors.length) throw refused(errors);
  if (!counted.length) throw new Refusal('countSheetEmpty', {}, { field: 'file' });

  return withLockedStock(db, ability, 'adjust', counted, async (tx, locked) => {
    // Under the levels' locks: a double click, or the same sheet posted by a colleague meanwhile, finds it done.
    const done = await postedAt(tx, warehouseId, reference);
    if (done) return { posted: 0, differences: 0, alreadyPosted: true, postedAt: done } as const;
    const moved = counted.filter((line, index) => locked[index]!.level.movementCount !== line.seen);
    if (moved.length) {
      for (const line of moved) {
        const level = locked[counted.indexOf(line)]!;
        say(line.row, 'code', 'countImport_stale', { value: level.material.code, movements: level.level.movementCount - line.seen });
      }
      throw refused(errors, 'countImportStale');
    }
    let differences = 0;
    for (const [index, line] of counted.entries()) {
      const stock = locked[index]!;
      const quantity = line.counted.minus(stock.level.onHand);
      if (!quantity.isZero()) differences++;
      await postMovement(tx, stock, {
        kind: 'COUNT', materialId: line.materialId, warehouseId, quantity, countedQuantity: line.counted, sourceDocument: reference, note: reason, movedById: userId,
      });
    }
    return { posted: counted.length, differences, alreadyPosted: false } as const;
  });
}

function refused(errors: FieldRefusal[], key = 'countImportRefused') {
  return new Refusal(key, { rows: new Set(errors.map((e) => e.params.row)).size }, { fields: errors });
}

/** When a count was posted, if it was: its movements carry its reference. */
async function postedAt(db: Pick<Tx, '$queryRaw'>, warehouseId: number, reference: string): Promise<Date | null> {
  const [first] = await db.$queryRaw<{ moved_at: Date }[]>`
    SELECT moved_at FROM stock_movements WHERE warehouse_id = ${warehouseId} AND kind = 'COUNT' AND source_document = ${reference} ORDER BY id LIMIT 1`;
  return first?.moved_at ?? null;
}
