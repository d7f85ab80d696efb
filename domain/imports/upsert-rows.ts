// The set-based SQL of an import: references resolved in bulk, rows upserted by business key in one
// statement per batch (unnest arrays), rejected rows logged. Raw SQL because the ORM would send one
// statement per row; run inside sqlTransactionAs() so the history triggers record the importer.
import type { SqlRunner } from '../history/sql-transaction.js';
import { normalizeSearchText } from '../search.js';
import { headerKey } from './cell-values.js';
import { entryKeyOf, type ColumnDefinition, type ImportDefinition } from './import-definition.js';
import type { CandidateRow, RowError, RowParser } from './parse-row.js';

export type { SqlRunner };

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Ids of referenced rows by the code the clerk wrote (without case or accents), kept across batches. */
export type ReferenceCache = Map<string, Map<string, number>>;

export interface ReferenceResolution {
  cache: ReferenceCache;
  /** Keys of earlier valid rows of the file: a self reference may name one of them. */
  earlierRows: Set<string>;
  /** What a self reference to an earlier row of the file becomes when that row is not in the
   * database yet: null when writing (the row is written before its children look it up, or never
   * in an all-or-nothing run that stopped writing), a placeholder id when previewing. */
  pendingId: number | null;
  /** Each reference the database does not know, with the code as written. */
  onUnknown?: (field: string, code: string) => void;
  /** "Crear los que falten": missing entries of a simple catalogue are inserted ('write'), or counted
   * as if they were ('pretend', in a preview, given the pending id), or reported ('no', the default). */
  createMissing?: 'no' | 'write' | 'pretend';
  onCreated?: (field: string, names: string[]) => void;
  /** The clerk's mappings (import_mappings) by field: a value as compared (headerKey) → an entry's code.
   * Tried after the database's own codes and names, before "crear los que falten". */
  mapped?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** The code a created catalogue entry gets from its name: "Bombas de vacío" → "BOMBAS-DE-VACIO". */
export function codeFromName(name: string, length: number): string {
  return normalizeSearchText(name).toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, length).replace(/-+$/, '');
}

/**
 * Resolves every reference of the batch's rows with one query per column. A reference the database
 * does not know is an error, never a silent creation. One pass: rows with other problems are
 * resolved too, so a clerk hears about all of a row's problems at once.
 */
export async function resolveReferences(
  db: SqlRunner,
  definition: ImportDefinition,
  parser: RowParser,
  rows: CandidateRow[],
  resolution: ReferenceResolution,
): Promise<void> {
  const { cache, earlierRows } = resolution;
  // A batch names the same few entries thousands of times: normalize each spelling once.
  const normalized = new Map<string, string>();
  const normalize = (code: string) => {
    let result = normalized.get(code);
    if (result === undefined) normalized.set(code, (result = normalizeSearchText(code)));
    return result;
  };
  for (const column of definition.columns) {
    const reference = column.reference;
    if (!reference) continue;
    let known = cache.get(column.field);
    if (!known) cache.set(column.field, (known = new Map()));
    const wanted = new Map<string, string>(); // normalized -> as written
    for (const row of rows) {
      const code = row.values[column.field];
      // The first spelling in the file names a created entry ("Compresores de aire", not a later "compresores de aire").
      if (typeof code !== 'string') continue;
      const key = normalize(code);
      if (!known.has(key) && !wanted.has(key)) wanted.set(key, code);
    }
    // Exactly as written first (the unique index answers), then ignoring case and accents for the rest.
    for (const by of reference.by) {
      if (!wanted.size) break;
      const found = await db.$queryRawUnsafe<{ key: string; id: number }[]>(
        `SELECT ${ident(by)} AS key, id FROM ${ident(reference.table)} WHERE ${ident(by)} = ANY($1::text[])`,
        [...wanted.values()],
      );
      for (const { key, id } of found) remember(known, wanted, key, id);
    }
    for (const by of reference.by) {
      if (!wanted.size) break;
      const found = await db.$queryRawUnsafe<{ key: string; id: number }[]>(
        `SELECT ${ident(by)} AS key, id FROM ${ident(reference.table)} WHERE cmms_normalize(${ident(by)}) = ANY($1::text[])`,
        [...wanted.keys()],
      );
      for (const { key, id } of found) remember(known, wanted, key, id);
    }
    const mapped = resolution.mapped?.get(column.field);
    if (mapped?.size && wanted.size) {
      const targets = new Map<string, string[]>(); // mapped code -> normalized values that name it
      for (const [normalized, written] of wanted) {
        const code = mapped.get(headerKey(written));
        if (code !== undefined) targets.set(code, [...(targets.get(code) ?? []), normalized]);
      }
      if (targets.size) {
        const found = await db.$queryRawUnsafe<{ key: string; id: number }[]>(
          `SELECT ${ident(entryKeyOf(reference))}::text AS key, id FROM ${ident(reference.table)} WHERE ${ident(entryKeyOf(reference))} = ANY($1::text[])`,
          [...targets.keys()],
        );
        for (const { key, id } of found)
          for (const normalized of targets.get(key) ?? []) {
            known.set(normalized, id);
            wanted.delete(normalized);
          }
      }
    }
    const create = reference.createMissing;
    if (create && wanted.size && resolution.createMissing === 'pretend') {
      for (const key of wanted.keys()) known.set(key, resolution.pendingId ?? -1);
      resolution.onCreated?.(column.field, [...wanted.values()]);
    } else if (create && wanted.size && resolution.createMissing === 'write') {
      const names = [...wanted.values()].filter((name) => codeFromName(name, create.codeLength));
      // A code already taken by another entry is left alone: that name stays unknown and is reported.
      const created = await db.$queryRawUnsafe<{ key: string; id: number }[]>(
        `INSERT INTO ${ident(reference.table)} (${ident(create.codeColumn)}, ${ident(create.nameColumn)})
         SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING ${ident(create.nameColumn)} AS key, id`,
        names.map((name) => codeFromName(name, create.codeLength)),
        names,
      );
      for (const { key, id } of created) remember(known, wanted, key, id);
      if (created.length) resolution.onCreated?.(column.field, created.map((c) => c.key));
    }
    for (const row of rows) {
      const code = row.values[column.field];
      if (typeof code !== 'string') continue;
      const id = known.get(normalize(code));
      if (id !== undefined) row.values[column.field] = id;
      else if (reference.self && earlierRows.has(JSON.stringify([code.toLowerCase()]))) row.values[column.field] = resolution.pendingId;
      else {
        resolution.onUnknown?.(column.field, code);
        row.errors.push({
          rowNumber: row.rowNumber,
          column: parser.headerOf(column.field),
          value: parser.cellOf(row, column.field),
          reason: `No existe ${reference.noun} "${code}": corrija el código, o dé de alta primero ese registro (a mano o con su propia importación).`,
        });
      }
    }
  }
}

function remember(known: Map<string, number>, wanted: Map<string, string>, key: string, id: number): void {
  const normalized = normalizeSearchText(key);
  if (!known.has(normalized)) known.set(normalized, id);
  wanted.delete(normalized);
}

// unnest() takes one array per column; an array-valued column travels as its text form ('{1,2,3}'),
// since unnest would flatten a two-dimensional array, and is cast back in the SELECT.
const ARRAY_TYPES: Record<ColumnDefinition['sqlType'], string> = {
  text: 'text[]', numeric: 'numeric[]', int: 'int[]', date: 'date[]', timestamptz: 'timestamptz[]', boolean: 'boolean[]', 'int[]': 'text[]',
};
const inputOf = (column: ColumnDefinition, i: number) => (column.links ? `i.c${i + 1}::text[]` : column.sqlType === 'int[]' ? `i.c${i + 1}::int[]` : `i.c${i + 1}`);
const unnestInputs = (definition: ImportDefinition) =>
  `unnest(${definition.columns.map((c, i) => `$${i + 1}::${ARRAY_TYPES[c.sqlType]}`).join(', ')}) WITH ORDINALITY AS i(${definition.columns.map((_, i) => `c${i + 1}`).join(', ')}, n)`;

/** INSERT ... SELECT FROM unnest(...) ON CONFLICT (key) DO UPDATE, touching only rows that change, so a
 * replayed batch (a retried job) writes nothing and records no history twice. It answers how many rows
 * it inserted and how many it wrote in all (xmax is 0 only on a row this statement inserted), and with
 * links, the keys of the rows it updated.
 * Columns held by a join table (links) travel in the arrays but are written by linksStatement(). */
export function upsertStatement(definition: ImportDefinition): string {
  const own = definition.columns.map((column, i) => ({ column, i })).filter(({ column }) => !column.links);
  const columns = own.map(({ column }) => ident(column.sqlColumn));
  const updated = own.filter(({ column }) => !definition.key.includes(column.field)).map(({ column }) => ident(column.sqlColumn));
  const table = ident(definition.table);
  const sets = updated.map((c) => `${c} = EXCLUDED.${c}`);
  if (definition.touchesUpdatedAt) sets.push('"updated_at" = now()');
  const linked = definition.columns.some((c) => c.links);
  return [
    `WITH written AS (`,
    `INSERT INTO ${table} (${columns.join(', ')})`,
    `SELECT ${own.map(({ column, i }) => inputOf(column, i)).join(', ')} FROM ${unnestInputs(definition)}`,
    `ON CONFLICT (${keyColumns(definition).join(', ')}) DO UPDATE SET ${sets.join(', ')}`,
    `WHERE (${updated.map((c) => `${table}.${c}`).join(', ')}) IS DISTINCT FROM (${updated.map((c) => `EXCLUDED.${c}`).join(', ')})`,
    `RETURNING xmax = 0 AS inserted${linked ? `, ${table}.${keyColumns(definition)[0]}::text AS key` : ''})`,
    linked
      ? `SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*)::int AS written, array_agg(key) FILTER (WHERE inserted) AS new_keys, array_agg(key) FILTER (WHERE NOT inserted) AS updated FROM written`
      : `SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*)::int AS written FROM written`,
  ].join('\n');
}

const keyColumns = (definition: ImportDefinition) => definition.key.map((field) => ident(definition.columns.find((c) => c.field === field)!.sqlColumn));

/** A column held by a join table (a user's groups): the row's links become exactly the cell's codes
 * (a row whose cell was empty keeps its links). Answers the keys of the rows whose links changed. */
export function linksStatement(definition: ImportDefinition, column: ColumnDefinition): string {
  const links = column.links!;
  if (definition.key.length !== 1) throw new Error(`links need a one-column key (${definition.kind})`);
  const i = definition.columns.indexOf(column);
  const k = definition.columns.findIndex((c) => c.field === definition.key[0]);
  const [table, owner, target] = [ident(links.table), ident(links.ownerColumn), ident(links.targetColumn)];
  return [
    `WITH owners AS (`,
    `  SELECT o.id, o.${keyColumns(definition)[0]}::text AS key, ${inputOf(column, i)} AS codes FROM ${unnestInputs(definition)}`,
    `  JOIN ${ident(definition.table)} o ON o.${keyColumns(definition)[0]} = ${inputOf(definition.columns[k]!, k)} WHERE i.c${i + 1} IS NOT NULL),`,
    `wanted AS (`,
    `  SELECT owners.id AS owner, g.id AS target FROM owners CROSS JOIN LATERAL unnest(owners.codes::text[]) AS c(code)`,
    `  JOIN ${ident(links.targetTable)} g ON g.${ident(links.targetBy)} = c.code),`,
    `removed AS (`,
    `  DELETE FROM ${table} l USING owners WHERE l.${owner} = owners.id`,
    `  AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.owner = l.${owner} AND w.target = l.${target}) RETURNING l.${owner} AS owner),`,
    `added AS (`,
    `  INSERT INTO ${table} (${owner}, ${target}) SELECT owner, target FROM wanted ON CONFLICT DO NOTHING RETURNING ${owner} AS owner)`,
    `SELECT DISTINCT owners.key FROM owners WHERE owners.id IN (SELECT owner FROM removed UNION ALL SELECT owner FROM added)`,
  ].join('\n');
}

/** For classifyStatement: the row's links differ from the cell's codes (both sorted). */
function linksDiffer(column: ColumnDefinition, input: string): string {
  const links = column.links!;
  return `${input} IS NOT NULL AND t.id IS NOT NULL AND ARRAY(SELECT g.${ident(links.targetBy)}::text FROM ${ident(links.table)} l JOIN ${ident(links.targetTable)} g ON g.id = l.${ident(links.targetColumn)}
    WHERE l.${ident(links.ownerColumn)} = t.id ORDER BY 1) IS DISTINCT FROM ARRAY(SELECT x FROM unnest(${input}) x ORDER BY 1)`;
}

/**
 * What the upsert would do to each row, without writing: new (no row with its key), changed (the
 * fields that differ) or unchanged. The same comparison as the upsert's WHERE, so a preview counts what
 * the import will do. Rows come back in the order given.
 */
export function classifyStatement(definition: ImportDefinition): string {
  const table = ident(definition.table);
  const on = definition.key.map((field) => {
    const i = definition.columns.findIndex((c) => c.field === field);
    return `t.${ident(definition.columns[i]!.sqlColumn)} = ${inputOf(definition.columns[i]!, i)}`;
  });
  const changes = definition.columns
    .map((column, i) => ({ column, input: inputOf(column, i) }))
    .filter(({ column }) => !definition.key.includes(column.field))
    .map(({ column, input }) =>
      column.links
        ? `CASE WHEN ${linksDiffer(column, input)} THEN '${column.field}' END`
        : `CASE WHEN t.${ident(column.sqlColumn)} IS DISTINCT FROM ${input} THEN '${column.field}' END`,
    );
  return [
    // The changed fields as one text ('' when none): far cheaper to read back than an array per row.
    `SELECT t.id IS NULL AS is_new, concat_ws(',', ${changes.join(', ') || 'NULL'}) AS changed`,
    `FROM ${unnestInputs(definition)}`,
    `LEFT JOIN ${table} t ON ${on.join(' AND ')}`,
    `ORDER BY i.n`,
  ].join('\n');
}

export type RowOutcome = { kind: 'new' } | { kind: 'changed'; fields: string[] } | { kind: 'unchanged' };

export async function classifyRows(db: SqlRunner, definition: ImportDefinition, rows: CandidateRow[]): Promise<RowOutcome[]> {
  if (!rows.length) return [];
  if (definition.writer) return definition.writer.classify(db, rows);
  // A batch of a first migration is all new: asked with its keys alone, it spares sending every column.
  const key = definition.key.length === 1 ? definition.columns.find((c) => c.field === definition.key[0]) : undefined;
  if (key && !key.links && (key.sqlType === 'text' || key.sqlType === 'int')) {
    const [keys] = columnArrays({ ...definition, columns: [key] }, rows);
    const [{ known }] = await db.$queryRawUnsafe<[{ known: boolean }]>(
      `SELECT EXISTS (SELECT 1 FROM unnest($1::${ARRAY_TYPES[key.sqlType]}) AS k JOIN ${ident(definition.table)} t ON t.${ident(key.sqlColumn)} = k) AS known`,
      keys,
    );
    if (!known) return rows.map(() => ({ kind: 'new' }));
  }
  const result = await db.$queryRawUnsafe<{ is_new: boolean; changed: string }[]>(classifyStatement(definition), ...columnArrays(definition, rows));
  return result.map((r) => (r.is_new ? { kind: 'new' } : r.changed ? { kind: 'changed', fields: r.changed.split(',') } : { kind: 'unchanged' }));
}

/** The batch as one array per column, as the statements take it. */
export function columnArrays(definition: ImportDefinition, rows: CandidateRow[]): unknown[][] {
  return definition.columns.map((column) =>
    rows.map((row) => {
      const value = row.values[column.field];
      if (value === undefined || value === null) return null;
      if (value instanceof Date) return value.toISOString();
      if (Array.isArray(value)) return `{${value.map((v) => (typeof v === 'string' ? `"${v.replace(/["\\]/g, '\\$&')}"` : v)).join(',')}}`;
      return column.sqlType === 'numeric' ? String(value) : value;
    }),
  );
}

export interface UpsertResult {
  /** Rows inserted. */
  inserted: number;
  /** Rows that existed and had some value changed. */
  updated: number;
  errors: RowError[];
}

/**
 * Upserts the batch in one statement. If PostgreSQL refuses it (a tree cycle, a constraint the
 * parsers cannot see), the batch is replayed row by row under savepoints so only the guilty rows are
 * rejected, each with the database's reason. Rows neither inserted, updated nor rejected were unchanged.
 */
export async function upsertRows(db: SqlRunner, definition: ImportDefinition, rows: CandidateRow[]): Promise<UpsertResult> {
  if (!rows.length) return { inserted: 0, updated: 0, errors: [] };
  if (definition.writer) return definition.writer.write(db, rows);
  const sql = upsertStatement(definition);
  const linked = definition.columns.filter((column) => column.links);
  const run = async (batch: CandidateRow[]) => {
    const arrays = columnArrays(definition, batch);
    const result = (await db.$queryRawUnsafe<{ inserted: number; written: number; new_keys?: string[] | null; updated?: string[] | null }[]>(sql, ...arrays))[0]!;
    if (!linked.length) return result;
    // A row whose own values did not change but whose links did is changed too (counted once); a
    // row inserted now is new, whatever its links.
    const changed = new Set(result.updated ?? []);
    for (const column of linked) {
      const keys = await db.$queryRawUnsafe<{ key: string }[]>(linksStatement(definition, column), ...arrays);
      for (const { key } of keys) changed.add(key);
    }
    const inserted = new Set(result.new_keys ?? []);
    return { inserted: result.inserted, written: result.inserted + [...changed].filter((key) => !inserted.has(key)).length };
  };
  await db.$executeRawUnsafe('SAVEPOINT import_batch');
  try {
    const { inserted, written } = await run(rows);
    await db.$executeRawUnsafe('RELEASE SAVEPOINT import_batch');
    return { inserted, updated: written - inserted, errors: [] };
  } catch {
    await db.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_batch');
  }
  const errors: RowError[] = [];
  let inserted = 0;
  let updated = 0;
  for (const row of rows) {
    await db.$executeRawUnsafe('SAVEPOINT import_row');
    try {
      const result = await run([row]);
      await db.$executeRawUnsafe('RELEASE SAVEPOINT import_row');
      inserted += result.inserted;
      updated += result.written - result.inserted;
    } catch (error) {
      await db.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_row');
      errors.push({ rowNumber: row.rowNumber, column: null, value: null, reason: `La base de datos rechazó la fila: ${databaseReason(error)}` });
    }
  }
  await db.$executeRawUnsafe('RELEASE SAVEPOINT import_batch');
  return { inserted, updated, errors };
}

function databaseReason(error: unknown): string {
  const e = error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: string } } }; message?: string };
  const message = e.meta?.driverAdapterError?.cause?.originalMessage ?? e.message ?? String(error);
  if (/no_cycle|cycle/i.test(message)) return 'crearía un ciclo (un elemento no puede depender de sí mismo ni de sus descendientes).';
  return message.split('\n')[0]!;
}

/** Logs rejected rows for the error report, in one statement. */
export async function recordErrors(db: SqlRunner, importRunId: number, errors: RowError[]): Promise<void> {
  if (!errors.length) return;
  await db.$executeRawUnsafe(
    `INSERT INTO import_run_errors (import_run_id, row_number, "column", value, reason)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
    importRunId,
    errors.map((e) => e.rowNumber),
    errors.map((e) => e.column),
    errors.map((e) => e.value),
    errors.map((e) => e.reason),
  );
}
