// One statement per batch: the batch's rows, by id, with every referenced row joined. Identifiers come
// from the DMMF and the import declarations, never from the request. Raw SQL because Prisma turns
// 200 000 rows into objects several times slower than the writer can write them (bench:export).
import pg from 'pg';
import type { ColumnSource, ExportSheet, Join } from './sheet.js';

/** Rows of `ids` in the sheet's order: [id, ...one value per column]. */
export type RowsReader = (ids: (number | bigint)[]) => Promise<unknown[][]>;

// Dates, wall-clock times, numerics and big integers arrive as text: the cells build what Excel needs
// from it, without a JavaScript Date in the local zone of the server in between.
const AS_TEXT = new Set([1082, 1114, 1700, 20]);
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    AS_TEXT.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function joinedRowsReader(sheet: ExportSheet, pool: pg.Pool, timeZone: string): RowsReader {
  const aliases = new Map<string, string>();
  const joins: string[] = [];
  const aliasOf = (path: Join[]): string => {
    let alias = 't0';
    let key = '';
    for (const join of path) {
      key += `>${join.foreignKey}:${join.table}`;
      let next = aliases.get(key);
      if (!next) {
        next = `j${aliases.size + 1}`;
        aliases.set(key, next);
        joins.push(`LEFT JOIN ${ident(join.table)} ${next} ON ${next}.id = ${alias}.${ident(join.foreignKey)}`);
      }
      alias = next;
    }
    return alias;
  };
  const usesTimeZone = sheet.columns.some((c) => c.source.wallClock);
  // Columns reading the same value (an entry's changes, shown as before and after) select it once.
  const selected: string[] = [];
  const positions = sheet.columns.map(({ source }) => {
    const column = `${aliasOf(source.joins ?? [])}.${ident(source.column)}`;
    const expression = source.links ? linkedValues(source.links, source.column) : source.wallClock ? `(${column} AT TIME ZONE $2)` : column;
    if (!selected.includes(expression)) selected.push(expression);
    return selected.indexOf(expression) + 1;
  });
  const repeats = positions.some((position, i) => position !== i + 1);
  const text = [
    `SELECT t0.id, ${selected.join(', ')}`,
    `FROM ${ident(sheet.table)} t0`,
    ...joins,
    `WHERE t0.id = ANY($1::bigint[])`,
    `ORDER BY t0.id ${sheet.order === 'asc' ? 'ASC' : 'DESC'}`,
  ].join('\n');
  return async (ids) => {
    const values: unknown[] = [ids.map(String)];
    if (usesTimeZone) values.push(timeZone);
    const result = await pool.query<unknown[]>({ text, values, rowMode: 'array', types: TYPES });
    return repeats ? result.rows.map((row) => [row[0], ...positions.map((position) => row[position])]) : result.rows;
  };
}

/** The row's linked values as one text ("ADMINISTRATORS,TECHNICIANS"), sorted; null when it has none. */
function linkedValues(links: NonNullable<ColumnSource['links']>, column: string): string {
  return `(SELECT string_agg(lt.${ident(column)}::text, ',' ORDER BY lt.${ident(column)}) FROM ${ident(links.table)} l
    JOIN ${ident(links.targetTable)} lt ON lt.id = l.${ident(links.targetColumn)} WHERE l.${ident(links.ownerColumn)} = t0.id)`;
}

function ident(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return `"${name}"`;
}
