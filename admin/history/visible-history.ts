// The change history read under row conditions, in SQL: Prisma cannot filter entries of change_history
// by a condition on the rows of another table, and a list of the visible ids of each table grows with
// the plant (a site of 50 000 orders). So each entry is checked by the database against its table's own
// row rule, translated from the very Prisma where the table's list uses (where-sql.ts):
//   h.table_name = 'work_orders' AND (
//     EXISTS (SELECT 1 FROM work_orders t WHERE t.id = h.record_id AND <the rule on t>)       -- the row now
//     OR EXISTS (SELECT 1 FROM change_history_entries d WHERE <d is that row's DELETE entry>   -- or as it
//                AND <the rule on the values d recorded>))                                     --   was deleted
// A record still there is judged as it is now (as its own page is); a deleted one by its last recorded
// values (its DELETE entry's "before"), with the rows it referred to as they are now. PostgreSQL runs
// each EXISTS per entry through primary keys for a page, or as a hashed set for a count.
// The reader answers the adapter's delegate calls (count, findMany) for ChangeHistory, so the list,
// count, show and Excel export take their filters, order, pages and keyset batches as for any model.
import type { DMMF } from '@prisma/generator-helper';
import type { Db } from '../../prisma/client.js';
import { columnsOf, tableOf, whereSql, type ColumnOf } from '../../prisma/where-sql.js';
import { getFullModel } from '../dmmf.js';
import type { HistoryScope } from './visibility.js';

type Where = Record<string, unknown>;
type Order = Record<string, 'asc' | 'desc'>;
type Raw = { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> };

export interface HistoryReader {
  count(args: { where: Where }): Promise<number>;
  findMany(args: { where: Where; skip?: number; take?: number; orderBy?: unknown; select?: unknown; include?: unknown }): Promise<Record<string, unknown>[]>;
}

const ENTRIES = getFullModel('ChangeHistory');

/** ChangeHistory's rows as `scope` allows them, for Prisma-style wheres on ChangeHistory's own fields. */
export function historyReader(db: Db, scope: HistoryScope): HistoryReader {
  const raw = db as unknown as Raw;
  return {
    async count({ where }) {
      const values: unknown[] = [];
      const sql = `SELECT count(*)::bigint AS n FROM change_history_entries h WHERE ${whereSql(ENTRIES, where, columnsOf('h'), values)} AND ${visibleEntrySql(narrowedTo(scope, where), values)}`;
      const [row] = await raw.$queryRawUnsafe<{ n: bigint }[]>(sql, ...values);
      return Number(row?.n ?? 0);
    },
    async findMany({ where, skip, take, orderBy, select }) {
      const values: unknown[] = [];
      const window = `${take === undefined ? '' : ` LIMIT ${Math.max(0, Math.trunc(take))}`}${skip ? ` OFFSET ${Math.max(0, Math.trunc(skip))}` : ''}`;
      const sql = `SELECT h.id FROM change_history_entries h WHERE ${whereSql(ENTRIES, where, columnsOf('h'), values)} AND ${visibleEntrySql(narrowedTo(scope, where), values, 'per entry')} ORDER BY ${orderSql(orderBy)}${window}`;
      const ids = (await raw.$queryRawUnsafe<{ id: bigint }[]>(sql, ...values)).map((row) => row.id);
      if (!ids.length) return [];
      const isOnlyId = isIdOnly(select);
      if (isOnlyId) return ids.map((id) => ({ id }));
      const rows = (await db.changeHistory.findMany({ where: { id: { in: ids } }, ...(select ? { select: select as never } : {}) })) as Record<string, unknown>[];
      const byId = new Map(rows.map((row) => [String(row.id), row]));
      return ids.map((id) => byId.get(String(id))).filter((row) => row !== undefined);
    },
  };
}

/** The SQL condition on an entry `h` that its record is one the scope allows; parameters go to `values`.
 * A count lets PostgreSQL check the entries of a table against the set of its allowed rows, built once
 * (a hashed subplan); a page or a batch of the export checks each entry it reads through primary keys
 * until it has its rows ('per entry': the `OFFSET 0` keeps the planner from building those sets, which
 * cost a page hundreds of milliseconds on a plant of 60 000 orders, and halves its planning). */
export function visibleEntrySql(scope: HistoryScope, values: unknown[], check: 'per entry' | 'as sets' = 'as sets'): string {
  const fence = check === 'per entry' ? ' OFFSET 0' : '';
  const parts: string[] = [];
  if (scope.open.length) parts.push(`h.table_name IN (${scope.open.map(literal).join(', ')})`);
  for (const { table, model, where } of scope.narrowed) {
    const now = whereSql(model, where, columnsOf('t'), values);
    const deleted = whereSql(model, where, recordedColumnsOf(model, 'd'), values);
    parts.push(
      `(h.table_name = ${literal(table)} AND (` +
        `EXISTS (SELECT 1 FROM ${tableOf(model)} t WHERE t.id = h.record_id AND ${now}${fence}) OR ` +
        `EXISTS (SELECT 1 FROM change_history_entries d WHERE d.table_name = ${literal(table)} AND d.record_id = h.record_id AND d.action = 'DELETE' AND ${deleted}${fence})))`,
    );
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** The scope without the tables a filter on the table name leaves out: a smaller query to plan (each
 * table's rule is a few subqueries; all of them take PostgreSQL a good part of the time of a page). */
function narrowedTo(scope: HistoryScope, where: Where): HistoryScope {
  const named = tablesNamedIn(where);
  if (!named) return scope;
  return { open: scope.open.filter((table) => named.has(table)), narrowed: scope.narrowed.filter(({ table }) => named.has(table)) };
}

/** The tables a where's top-level conditions (through AND) restrict tableName to; null when none does. */
function tablesNamedIn(where: unknown): Set<string> | null {
  if (where === null || typeof where !== 'object') return null;
  let named: Set<string> | null = null;
  const narrow = (tables: string[]) => {
    named = new Set(named ? tables.filter((table) => named!.has(table)) : tables);
  };
  for (const [key, value] of Object.entries(where)) {
    if (key === 'AND')
      for (const part of Array.isArray(value) ? value : [value]) {
        const inner = tablesNamedIn(part);
        if (inner) narrow([...inner]);
      }
    if (key !== 'tableName') continue;
    if (typeof value === 'string') narrow([value]);
    else if (value && typeof value === 'object') {
      const { equals, in: among } = value as { equals?: unknown; in?: unknown };
      if (typeof equals === 'string') narrow([equals]);
      if (Array.isArray(among)) narrow(among.filter((table): table is string => typeof table === 'string'));
    }
  }
  return named;
}

/** A deleted row's columns as its DELETE entry `alias` recorded them ("before", values as JSON). */
function recordedColumnsOf(model: DMMF.Model, alias: string): ColumnOf {
  return (field) => {
    const value = `(${alias}.changes -> 'before' ->> ${literal(field.dbName ?? field.name)})`;
    const type = field.kind === 'enum' ? 'text' : SQL_TYPES[field.type];
    if (!type) throw new Error(`${model.name}.${field.name}: no SQL type for a recorded ${field.type}`);
    return `${value}::${type}`;
  };
}

const SQL_TYPES: Record<string, string> = {
  Int: 'integer',
  BigInt: 'bigint',
  String: 'text',
  Boolean: 'boolean',
  DateTime: 'timestamptz',
  Float: 'double precision',
  Decimal: 'numeric',
};

/** ORDER BY of a Prisma orderBy on ChangeHistory's own columns (the list sorts by id or by a column). */
function orderSql(orderBy: unknown): string {
  const orders = (Array.isArray(orderBy) ? orderBy : orderBy ? [orderBy] : [{ id: 'desc' }]) as Order[];
  const terms = orders.flatMap((order) =>
    Object.entries(order).map(([name, direction]) => {
      const field = ENTRIES.fields.find((f) => f.name === name && f.kind === 'scalar');
      if (!field) throw new Error(`ChangeHistory cannot be sorted by ${name}`);
      return `h."${field.dbName ?? field.name}" ${direction === 'asc' ? 'ASC' : 'DESC'}`;
    }),
  );
  return terms.length ? terms.join(', ') : 'h.id DESC';
}

function isIdOnly(select: unknown): boolean {
  return !!select && typeof select === 'object' && Object.keys(select).length === 1 && (select as Record<string, unknown>).id === true;
}

/** A table name as an SQL literal (they come from AUDITED_TABLES; quoted all the same). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
