// A record's change history as people read it: newest first, fields named as in the forms (the
// component translates property names), references shown by their title instead of their id.
import type { Prisma } from '@prisma/client';
import type { DMMF } from '@prisma/generator-helper';
import { accessibleWhere, type AppAbility } from '../../domain/access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { TITLE_FIELDS } from '../adapter/model-settings.js';
import { getFullModel } from '../dmmf.js';

export interface HistoryField {
  property: string;
  before?: unknown;
  after?: unknown;
}

export interface HistoryEntry {
  id: string;
  at: string;
  action: string;
  actor: string;
  fields: HistoryField[];
}

const SHOWN_ENTRIES = 200;

export async function readRecordHistory(db: Db, modelName: Prisma.ModelName, recordId: string, ability: AppAbility): Promise<HistoryEntry[]> {
  const model = getFullModel(modelName);
  const id = Number(recordId); // audited tables have integer ids (the history's capture generator checks)
  if (!Number.isSafeInteger(id)) return [];
  const rows = await db.changeHistory.findMany({
    where: { tableName: model.dbName ?? model.name, recordId: id },
    orderBy: [{ changedAt: 'desc' }, { id: 'desc' }],
    take: SHOWN_ENTRIES,
  });
  const columns = columnsOf(model);
  const titles = await referenceTitles(db, ability, model, columns, rows.map((r) => r.changes as Changes));
  return rows.map((row) => {
    const changes = row.changes as Changes;
    const names = new Set([...Object.keys(changes.before ?? {}), ...Object.keys(changes.after ?? {})]);
    const fields = [...names]
      .filter((column) => column !== 'id' && column !== 'created_at' && columns.has(column))
      .map((column) => {
        const { property, target } = columns.get(column)!;
        const show = (value: unknown) => (target && value !== null && value !== undefined ? titles.get(`${target}:${value}`) ?? value : value);
        return { property, ...(changes.before && column in changes.before && { before: show(changes.before[column]) }), ...(changes.after && column in changes.after && { after: show(changes.after[column]) }) };
      });
    return { id: row.id.toString(), at: row.changedAt.toISOString(), action: row.action, actor: row.actorLabel, fields };
  });
}

type Changes = { before?: Record<string, unknown>; after?: Record<string, unknown> };
type Column = { property: string; target?: string };

/** Column -> the form's property (the relation for a foreign key) and, for a foreign key, its model. */
function columnsOf(model: DMMF.Model): Map<string, Column> {
  const columns = new Map<string, Column>();
  for (const field of model.fields) {
    if (field.kind === 'object') continue;
    const relation = model.fields.find((f) => f.kind === 'object' && f.relationFromFields?.includes(field.name));
    columns.set(field.dbName ?? field.name, relation ? { property: relation.name, target: relation.type } : { property: field.name });
  }
  return columns;
}

/** "Location:12" -> "Planta > Sala de bombas", for the referenced records the viewer may read. */
async function referenceTitles(db: Db, ability: AppAbility, model: DMMF.Model, columns: Map<string, Column>, changes: Changes[]) {
  const wanted = new Map<string, Set<number>>();
  for (const change of changes)
    for (const values of [change.before ?? {}, change.after ?? {}])
      for (const [column, value] of Object.entries(values)) {
        const target = columns.get(column)?.target;
        if (target && typeof value === 'number') wanted.set(target, (wanted.get(target) ?? new Set()).add(value));
      }
  const titles = new Map<string, unknown>();
  for (const [target, ids] of wanted) {
    const title = TITLE_FIELDS[target];
    const allowed = accessibleWhere(ability, 'read', target as Prisma.ModelName);
    if (!title || !allowed) continue;
    const delegate = (db as unknown as Record<string, { findMany(args: object): Promise<Record<string, unknown>[]> }>)[target.charAt(0).toLowerCase() + target.slice(1)]!;
    const rows = await delegate.findMany({ where: { AND: [allowed, { id: { in: [...ids] } }] }, select: { id: true, [title]: true } });
    for (const row of rows) titles.set(`${target}:${row.id}`, row[title]);
  }
  return titles;
}
