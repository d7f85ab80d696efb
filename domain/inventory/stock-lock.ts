// The one way a stock operation takes its stock: the rule on StockLevel is checked, the actor's
// transaction opened (so history records who), the material and warehouse read under the actor's rules,
// and the stock level row (created at zero the first time) locked FOR UPDATE. Operations on the same
// material in the same warehouse take turns: the second sees the first's outcome. A transfer locks two
// levels, always in the same order, so two opposite transfers cannot deadlock.
import type { Material, StockLevel, Warehouse } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { AccessDeniedError, accessibleWhere, type Action, type AppAbility } from '../access/abilities.js';
import type { Tx } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { StockPlace } from './stock-input.js';

export interface LockedStock {
  level: StockLevel;
  material: Material;
  warehouse: Warehouse;
}

// Fifty clerks at once queue for the same row: each waits its turn rather than failing after Prisma's 2 s.
const QUEUE = { maxWait: 30_000, timeout: 30_000 };

export async function withLockedStock<R>(
  db: Db,
  ability: AppAbility,
  rule: Action,
  places: StockPlace[],
  work: (tx: Tx, locked: LockedStock[]) => Promise<R>,
): Promise<R> {
  const allowed = accessibleWhere(ability, rule, 'StockLevel');
  if (!allowed) throw new AccessDeniedError(rule, 'StockLevel');
  return db.transactionAs(async (tx) => {
    const byPlace = new Map<string, LockedStock>();
    const key = (place: StockPlace) => `${place.warehouseId}:${place.materialId}`;
    const inLockOrder = [...places].sort((a, b) => a.warehouseId - b.warehouseId || a.materialId - b.materialId);
    for (const place of inLockOrder) byPlace.set(key(place), await lockStockIn(tx, ability, allowed, place));
    return work(tx, places.map((place) => byPlace.get(key(place))!));
  }, QUEUE);
}

/** Locks one stock level in a transaction already open (the closeout's); `allowed` is the StockLevel
 * rule's row condition the level is read again under. */
export async function lockStockIn(tx: Tx, ability: AppAbility, allowed: Record<string, unknown>, { materialId, warehouseId }: StockPlace): Promise<LockedStock> {
  const material = await tx.material.findFirst({ where: { AND: [{ id: materialId }, accessibleWhere(ability, 'read', 'Material') ?? { id: -1 }] } });
  if (!material) throw new Refusal('stockRefused_unknownMaterial', {}, { field: 'material', kind: 'notFound' });
  const warehouse = await tx.warehouse.findFirst({ where: { AND: [{ id: warehouseId }, accessibleWhere(ability, 'read', 'Warehouse') ?? { id: -1 }] } });
  if (!warehouse) throw new Refusal('stockRefused_unknownWarehouse', {}, { field: 'warehouse', kind: 'notFound' });
  await tx.$executeRaw`INSERT INTO stock_levels (material_id, warehouse_id) VALUES (${materialId}, ${warehouseId}) ON CONFLICT (material_id, warehouse_id) DO NOTHING`;
  const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM stock_levels WHERE material_id = ${materialId} AND warehouse_id = ${warehouseId} FOR UPDATE`;
  // Read again under the rule's row conditions (a warehouse outside the actor's sites is refused).
  const level = await tx.stockLevel.findFirst({ where: { AND: [{ id: locked!.id }, allowed] } });
  if (!level) throw new AccessDeniedError('update', 'StockLevel');
  return { level, material, warehouse };
}

/** "ROD-6205 · Rodamiento 6205" */
export const materialName = (material: Pick<Material, 'code' | 'description'>) => `${material.code} · ${material.description}`;
