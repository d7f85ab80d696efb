// Opening balances: the stock a warehouse holds when the storeroom starts on this system, per material,
// warehouse and bin, with its unit cost. Each is posted as a COUNT movement of the ledger (counted
// quantity at that cost, which sets the level's average), so the ledger explains every unit from day one.
// Only a level without movements takes an opening balance; after that, differences are counts. Every
// problem of every row is said at once (row, column, why) and nothing is posted until all rows are good.
import { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import { Refusal, type FieldRefusal } from '../refusal.js';
import { postMovement } from './post-movement.js';
import { judgeQuantity, judgeUnitCost } from './stock-input.js';
import { withLockedStock } from './stock-lock.js';

/** One row as read from the sheet (its row number in the sheet, the cells as typed). */
export interface OpeningBalanceRow {
  row: number;
  material: string;
  warehouse: string;
  bin: string;
  quantity: unknown;
  unitCost: unknown;
}

export const OPENING_BALANCE_SOURCE = 'Saldo inicial';

export async function postOpeningBalances(db: Db, ability: AppAbility, userId: number, rows: OpeningBalanceRow[], sourceDocument = OPENING_BALANCE_SOURCE) {
  if (!rows.length) throw new Refusal('openingBalancesEmpty', {}, { field: 'file' });
  const errors: FieldRefusal[] = [];
  const say = (row: number, column: string, key: string, params: Record<string, string | number> = {}) =>
    errors.push({ field: `rows.${row}.${column}`, key, params: { row, ...params } });
  const codes = (pick: (r: OpeningBalanceRow) => string) => [...new Set(rows.map(pick).map((c) => c.trim()).filter(Boolean))];
  const materials = new Map(
    (await db.material.findMany({ where: { AND: [{ code: { in: codes((r) => r.material), mode: 'insensitive' } }, accessibleWhere(ability, 'read', 'Material') ?? { id: -1 }] } })).map((m) => [m.code.toUpperCase(), m]),
  );
  const warehouses = new Map(
    (await db.warehouse.findMany({ where: { AND: [{ code: { in: codes((r) => r.warehouse), mode: 'insensitive' } }, accessibleWhere(ability, 'read', 'Warehouse') ?? { id: -1 }] } })).map((w) => [w.code.toUpperCase(), w]),
  );
  const bins = await db.bin.findMany({ where: { warehouseId: { in: [...warehouses.values()].map((w) => w.id) } } });
  const judged: { materialId: number; warehouseId: number; binId: number | null; quantity: Prisma.Decimal; unitCost: Prisma.Decimal }[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const material = materials.get(r.material.trim().toUpperCase());
    const warehouse = warehouses.get(r.warehouse.trim().toUpperCase());
    if (!material) say(r.row, 'material', 'openingBalance_unknownMaterial', { value: r.material });
    if (!warehouse) say(r.row, 'warehouse', 'openingBalance_unknownWarehouse', { value: r.warehouse });
    const bin = warehouse && r.bin.trim() ? bins.find((b) => b.warehouseId === warehouse.id && b.code.toUpperCase() === r.bin.trim().toUpperCase()) : undefined;
    if (warehouse && r.bin.trim() && !bin) say(r.row, 'bin', 'openingBalance_unknownBin', { value: r.bin, warehouse: warehouse.name });
    let quantity: Prisma.Decimal | undefined;
    let unitCost: Prisma.Decimal | undefined;
    try {
      quantity = judgeQuantity(r.quantity, { kind: 'nonNegative' });
    } catch {
      say(r.row, 'quantity', 'openingBalance_quantity', { value: String(r.quantity ?? '') });
    }
    try {
      unitCost = judgeUnitCost(r.unitCost);
    } catch {
      say(r.row, 'unitCost', 'openingBalance_unitCost', { value: String(r.unitCost ?? '') });
    }
    if (!material || !warehouse || !quantity || !unitCost || (r.bin.trim() && !bin)) continue;
    const place = `${material.id}:${warehouse.id}`;
    if (seen.has(place)) {
      say(r.row, 'material', 'openingBalance_repeated', { first: seen.get(place)! });
      continue;
    }
    seen.set(place, r.row);
    judged.push({ materialId: material.id, warehouseId: warehouse.id, binId: bin?.id ?? null, quantity, unitCost });
  }
  // A level that has moved already has its history: its stock is corrected by a count, not restarted.
  if (judged.length) {
    const moved = await db.stockLevel.findMany({ where: { OR: judged.map(({ materialId, warehouseId }) => ({ materialId, warehouseId })), movementCount: { gt: 0 } }, select: { materialId: true, warehouseId: true } });
    for (const level of moved) {
      const row = seen.get(`${level.materialId}:${level.warehouseId}`)!;
      say(row, 'material', 'openingBalance_alreadyMoved');
    }
  }
  if (errors.length) throw new Refusal('openingBalancesRefused', { rows: new Set(errors.map((e) => e.params.row)).size }, { fields: errors });

  return withLockedStock(db, ability, 'adjust', judged, async (tx, locked) => {
    for (const [index, line] of judged.entries())
      await postMovement(tx, locked[index]!, {
        kind: 'COUNT', materialId: line.materialId, warehouseId: line.warehouseId, binId: line.binId, quantity: line.quantity, countedQuantity: line.quantity,
        unitCost: line.unitCost, sourceDocument, movedById: userId,
      });
    return { posted: judged.length };
  });
}
