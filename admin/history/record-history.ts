// Change history as people read it: fields named as in the forms (the components translate property
// names), references shown by their title instead of their id, the author by his name, and the record
// an entry is about by its title.
import type { Prisma } from '@prisma/client';
import type { DMMF } from '@prisma/generator-helper';
import { accessibleWhere, type AppAbility } from '../../domain/access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { NAMED_FOR_EVERYONE, RECORD_TITLES, TITLE_FIELDS } from '../adapter/model-settings.js';
import { getFullModel, modelOfTable } from '../dmmf.js';

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

type Row = { id: bigint; changedAt: Date; tableName: string; recordId: number; action: string; actorUserId: number | null; actorLabel: string; changes: unknown };
type Changes = { before?: Record<string, unknown>; after?: Record<string, unknown> };
type Column = { property: string; target?: string };

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
  return describeEntries(db, ability, rows);
}

/** Entries of any tables, each with its fields as the forms name them and its author by name. */
export async function describeEntries(db: Db, ability: AppAbility, rows: Row[]): Promise<HistoryEntry[]> {
  const models = new Map<string, DMMF.Model | undefined>();
  for (const row of rows) if (!models.has(row.tableName)) models.set(row.tableName, modelOfTable(row.tableName));
  const columns = new Map([...models].map(([table, model]) => [table, model ? columnsOf(model) : new Map<string, Column>()]));
  const wanted = new Map<string, Set<number>>();
  for (const row of rows) {
    const changes = row.changes as Changes;
    for (const values of [changes.before ?? {}, changes.after ?? {}])
      for (const [column, value] of Object.entries(values)) {
        const target = columns.get(row.tableName)?.get(column)?.target;
        const key = Number(value);
        if (target && value !== null && Number.isSafeInteger(key)) wanted.set(target, (wanted.get(target) ?? new Set()).add(key));
      }
  }
  const [titles, actors] = await Promise.all([recordTitles(db, ability, wanted), actorNames(db, rows)]);
  return rows.map((row) => {
    const changes = row.changes as Changes;
    const tableColumns = columns.get(row.tableName)!;
    const names = new Set([...Object.keys(changes.before ?? {}), ...Object.keys(changes.after ?? {})]);
    const fields = [...names]
      .filter((column) => column !== 'id' && column !== 'created_at' && tableColumns.has(column))
      .map((column) => {
        const { property, target } = tableColumns.get(column)!;
        const show = (value: unknown) => (target && value !== null && value !== undefined ? titles.get(`${target}:${Number(value)}`) ?? value : value);
        return { property, ...(changes.before && column in changes.before && { before: show(changes.before[column]) }), ...(changes.after && column in changes.after && { after: show(changes.after[column]) }) };
      });
    return { id: row.id.toString(), at: row.changedAt.toISOString(), action: row.action, actor: actors.get(row.actorUserId ?? -1) ?? row.actorLabel, fields };
  });
}

/** The titles of the records entries are about ("work_orders:7" -> "OT-2026-00007 · Cambio de sello"). */
export async function entryRecordTitles(db: Db, ability: AppAbility, rows: Pick<Row, 'tableName' | 'recordId'>[]): Promise<Map<string, string>> {
  const wanted = new Map<string, Set<number>>();
  const modelOf = new Map<string, string>();
  for (const row of rows) {
    const model = modelOfTable(row.tableName);
    if (!model) continue;
    modelOf.set(row.tableName, model.name);
    wanted.set(model.name, (wanted.get(model.name) ?? new Set()).add(row.recordId));
  }
  const titles = await recordTitles(db, ability, wanted);
  const byEntry = new Map<string, string>();
  for (const row of rows) {
    const title = titles.get(`${modelOf.get(row.tableName)}:${row.recordId}`);
    if (title !== undefined) byEntry.set(`${row.tableName}:${row.recordId}`, String(title));
  }
  return byEntry;
}

/** The names of the people who wrote entries (jobs and imports keep their label). */
async function actorNames(db: Db, rows: Pick<Row, 'actorUserId'>[]): Promise<Map<number, string>> {
  const ids = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is number => id !== null))];
  if (!ids.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

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

/** "Location:12" -> "Planta > Sala de bombas", for records the viewer may read (people: anyone signed in). */
async function recordTitles(db: Db, ability: AppAbility, wanted: Map<string, Set<number>>) {
  const titles = new Map<string, unknown>();
  for (const [target, ids] of wanted) {
    const title = TITLE_FIELDS[target];
    const titled = RECORD_TITLES[target];
    const allowed = accessibleWhere(ability, 'read', target as Prisma.ModelName) ?? (NAMED_FOR_EVERYONE[target] ? {} : null);
    if ((!title && !titled) || !allowed) continue;
    const delegate = (db as unknown as Record<string, { findMany(args: object): Promise<Record<string, unknown>[]> }>)[target.charAt(0).toLowerCase() + target.slice(1)]!;
    const where = { AND: [allowed, { id: { in: [...ids] } }] };
    const rows = await delegate.findMany(titled ? { where, ...(titled.include && { include: titled.include }) } : { where, select: { id: true, [title!]: true } });
    for (const row of rows) titles.set(`${target}:${row.id}`, titled?.title(row) ?? (title ? row[title] : `#${row.id}`));
  }
  return titles;
}
