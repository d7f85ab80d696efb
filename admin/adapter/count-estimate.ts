// Large result counts from the planner. Counting 80 000 matches exactly costs ~100 ms on every page turn
// of a broad search; PostgreSQL's estimate (EXPLAIN) costs a millisecond and is close enough for
// "Lista (80 000)". Only filters whose SQL is evident are estimated: equality, substring and prefix on
// columns of the table or of rows it references (search column, states, flags, a location subtree, the
// sites a user is scoped to). Anything else is counted exactly. Like Prisma, contains/startsWith operands
// are LIKE fragments: the adapter escapes the user's text once (escapeLike of domain/search.ts) before
// they get here.
import type { DMMF } from '@prisma/generator-helper';
import { getFullModel } from '../dmmf.js';

type Where = Record<string, unknown>;
type Raw = { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> };

/** `WHERE` SQL and values for a Prisma where made only of simple column conditions (equality, contains,
 * startsWith), possibly through single-column relations (a work order's asset's location: then `related`);
 * null otherwise. */
export function simpleWhereSql(model: DMMF.Model, where: Where, values: unknown[] = []): { sql: string; values: unknown[]; related: boolean } | null {
  const conditions = flattenAnd(where);
  if (!conditions) return null;
  const parts: string[] = [];
  let related = false;
  for (const condition of conditions) {
    const entries = Object.entries(condition);
    if (entries.length !== 1) return null;
    const [name, value] = entries[0]!;
    // Either of several simple conditions (a user scoped to several sites).
    if (name === 'OR' && Array.isArray(value) && value.length) {
      const options = (value as Where[]).map((option) => simpleWhereSql(model, option, values));
      if (options.some((option) => !option)) return null;
      related ||= options.some((option) => option!.related);
      parts.push(`(${options.map((option) => option!.sql).join(' OR ')})`);
      continue;
    }
    const field = model.fields.find((f) => f.name === name);
    if (!field) return null;
    if (field.kind === 'object') {
      const from = field.relationFromFields?.[0];
      const to = field.relationToFields?.[0];
      const target = getFullModel(field.type);
      if (field.relationFromFields?.length !== 1 || !from || !to || !value || typeof value !== 'object') return null;
      const relatedWhere = ('is' in value ? (value as { is: unknown }).is : value) as Where;
      if (!relatedWhere || typeof relatedWhere !== 'object') return null;
      const inner = simpleWhereSql(target, relatedWhere, values);
      if (!inner) return null;
      // The reference itself (an order of asset 5) is a column of the row; anything else reads the other table.
      if (Object.keys(relatedWhere).some((name) => name !== to)) related = true;
      parts.push(`${columnOf(model, from)} IN (SELECT ${columnOf(target, to)} FROM "${target.dbName ?? target.name}" WHERE ${inner.sql})`);
      continue;
    }
    const column = `"${field.dbName ?? field.name}"`;
    const operator = value && typeof value === 'object' ? Object.entries(value) : [];
    if (['string', 'number', 'boolean'].includes(typeof value)) {
      values.push(value);
      parts.push(`${column} = $${values.length}`);
    } else if (operator.length === 1 && operator[0]![0] === 'contains' && typeof operator[0]![1] === 'string') {
      values.push(`%${operator[0]![1]}%`);
      parts.push(`${column} LIKE $${values.length}`);
    } else if (operator.length === 1 && operator[0]![0] === 'startsWith' && typeof operator[0]![1] === 'string') {
      values.push(`${operator[0]![1]}%`);
      parts.push(`${column} LIKE $${values.length}`);
    } else return null;
  }
  return parts.length ? { sql: parts.join(' AND '), values, related } : null;
}

function columnOf(model: DMMF.Model, fieldName: string): string {
  const field = model.fields.find((f) => f.name === fieldName);
  return `"${field?.dbName ?? fieldName}"`;
}

/** A count: exact; the planner's estimate ("aprox. 40.000"); or, where counting on would cost too much,
 * the cap with `moreThan` (the list has more rows than `rows`: "más de 1.000"). */
export type Counted = { rows: number; estimated: boolean; moreThan?: boolean };

/**
 * The number of matching rows when the where is simple: exact when at most `limit` rows match (counted
 * with a LIMIT, which stops early), else the planner's estimate (never below limit + 1). Null when the
 * where is not simple: the caller counts exactly.
 * When the planner expects more than TRUSTED_ESTIMATE_FACTOR × limit rows, its estimate is taken without
 * the capped count: on 1 000 000 assets the trigram index alone takes ~300 ms to list the candidates of
 * "bomba centrifuga" before a single row is counted, while the page itself walks the sort's index.
 * A where that reaches through a relation (a site's rule: the order's asset's location path; a location
 * subtree) is counted only up to `relatedLimit`: each candidate of the filter's index costs a look-up of
 * its asset and location, so 4 450 orders in progress of one site cost ~0.5 s to count among the plant's
 * 30 000, and the planner's guess for such a join can be several times off ("bomba centrifuga" in one
 * site: 3 151 planned, 13 730 there). Past the cap the count says so (`moreThan`) instead of guessing.
 */
export async function countOrEstimate(
  db: Raw,
  model: DMMF.Model,
  where: Where,
  limits: { limit: number; relatedLimit: number },
): Promise<Counted | null> {
  const simple = simpleWhereSql(model, where);
  if (!simple) return null;
  const limit = simple.related ? Math.min(limits.limit, limits.relatedLimit) : limits.limit;
  const from = `FROM "${model.dbName ?? model.name}" WHERE ${simple.sql}`;
  const plan = await db.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>(`EXPLAIN (FORMAT JSON) SELECT 1 ${from}`, ...simple.values);
  const planned = Math.round(plan[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
  if (planned > limit * TRUSTED_ESTIMATE_FACTOR) return { rows: planned, estimated: true };
  const [capped] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${limit + 1}) s`, ...simple.values);
  if ((capped?.n ?? 0) <= limit) return { rows: capped?.n ?? 0, estimated: false };
  if (simple.related) return { rows: limit, estimated: false, moreThan: true };
  return { rows: Math.max(limit + 1, planned), estimated: true };
}

// The planner's pattern estimates can be off several times over, so only one far above the limit is taken
// without counting: below it, a result the planner overestimated is still counted exactly.
const TRUSTED_ESTIMATE_FACTOR = 10;

function flattenAnd(where: Where): Where[] | null {
  const result: Where[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === 'AND' && Array.isArray(value)) {
      for (const part of value as Where[]) {
        const inner = flattenAnd(part);
        if (!inner) return null;
        result.push(...inner);
      }
    } else if (key === 'NOT') return null;
    else result.push({ [key]: value });
  }
  return result;
}
