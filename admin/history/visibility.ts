// Which change-history entries a viewer may read: only about records he may read. Tables he cannot read
// at all are left out; tables he reads whole give all their entries; tables he reads under row
// conditions (a technician's orders, a user scoped to sites) give the entries of the rows those same
// conditions allow, decided by the database (visible-history.ts), whatever their number.
import type { Prisma } from '@prisma/client';
import type { DMMF } from '@prisma/generator-helper';
import { accessibleWhere, type AppAbility } from '../../domain/access/abilities.js';
import { modelOfTable } from '../dmmf.js';

export interface HistoryScope {
  /** Tables whose every row the viewer reads: all their entries. */
  open: string[];
  /** Tables he reads under row conditions: the entries about rows those conditions allow. */
  narrowed: { table: string; model: DMMF.Model; where: Record<string, unknown> }[];
}

/** What of the history of `tables` the viewer may read; null when he may not read history at all. */
export function historyScopeOf(ability: AppAbility, tables: readonly string[]): HistoryScope | null {
  if (!ability.can('read', 'History')) return null;
  const scope: HistoryScope = { open: [], narrowed: [] };
  for (const table of tables) {
    const model = modelOfTable(table);
    if (!model) continue;
    const where = accessibleWhere(ability, 'read', model.name as Prisma.ModelName);
    if (!where) continue;
    if (Object.keys(where).length) scope.narrowed.push({ table, model, where });
    else scope.open.push(table);
  }
  return scope;
}

/** The scope as a Prisma where on ChangeHistory, when it has no row conditions (administrators, unscoped
 * supervisors, consultants); null when it has some: those are read through the history's SQL reader. */
export function openHistoryWhere(scope: HistoryScope): Record<string, unknown> | null {
  if (scope.narrowed.length) return null;
  // One equality per table (not `in`): count-estimate.ts can then estimate a long history's count.
  return scope.open.length ? { OR: scope.open.map((table) => ({ tableName: table })) } : { id: -1n };
}
