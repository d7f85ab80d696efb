// Which change-history entries a viewer may read: only about records he may read now. Tables he cannot
// read at all are left out; tables he reads under row conditions (a technician's orders) are narrowed
// to the ids of those rows. Entries of deleted records stay visible only to viewers without conditions.
import type { Prisma } from '@prisma/client';
import { accessibleWhere, type AppAbility } from '../../domain/access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { modelOfTable } from '../dmmf.js';

// More rows than this under conditions: the viewer is not narrow enough for an id list; hide that table.
const MAX_CONDITIONAL_IDS = 5_000;

export async function historyVisibleTo(ability: AppAbility, db: Db, tables: string[]): Promise<Record<string, unknown> | null> {
  if (!ability.can('read', 'History')) return null;
  const visible: Record<string, unknown>[] = [];
  for (const table of tables) {
    const model = modelOfTable(table);
    if (!model) continue;
    const where = accessibleWhere(ability, 'read', model.name as Prisma.ModelName);
    if (!where) continue;
    if (!Object.keys(where).length) {
      visible.push({ tableName: table });
      continue;
    }
    const delegate = (db as unknown as Record<string, { findMany(args: object): Promise<{ id: number }[]> }>)[lowerFirst(model.name)]!;
    const rows = await delegate.findMany({ where, select: { id: true }, take: MAX_CONDITIONAL_IDS + 1 });
    if (rows.length <= MAX_CONDITIONAL_IDS) visible.push({ tableName: table, recordId: { in: rows.map((r) => r.id) } });
  }
  return visible.length ? { OR: visible } : { id: -1n };
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
