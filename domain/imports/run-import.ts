// The import of one ImportRun, start to end: the stored file is checked and streamed, rows are parsed,
// checked for duplicates inside the file, their references resolved in bulk, and written in
// set-based batches. What happened is kept on the ImportRun (counters, state, error report).
//
// Restartable: if the worker dies, pg-boss runs the job again.
// - "Solo filas válidas" commits each batch together with the run's counters and the last row done
//   (checkpoint_row); a retry skips the rows already committed, so nothing is lost or counted twice.
// - "Todo o nada" writes inside one transaction, committed only if no row was rejected; a retry
//   starts over, since a crash rolled everything back.
// Upserts touch only rows that change, so a replayed batch writes nothing twice.
// - A preview ("Validar sin importar", ImportRun.preview) runs the same reading, parsing, checks and
//   reference look-ups, then asks the database what the upsert would do to each row (new, changed,
//   unchanged) instead of writing it.
// One pass: every problem of every row is reported in the same run (cells, checks across columns,
// duplicates in the file, unknown references), not the first one found.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import type { Prisma } from '@prisma/client';
import type { Logger } from 'pino';
import { sqlTransactionAs } from '../history/sql-transaction.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import { actAs, type Actor } from '../../prisma/actor.js';
import type { Db } from '../../prisma/client.js';
import { importDefinition } from './definitions/index.js';
import { writeErrorReport } from './error-report.js';
import type { ImportDefinition } from './import-definition.js';
import { loadMappings, type ImportMappings } from './import-mappings.js';
import { SummaryCollector, type ImportSummary } from './import-summary.js';
import { rowParser, type CandidateRow, type RowError, type RowParser } from './parse-row.js';
import { checkWorkbook, readSheetRows, warmSheetReader, WorkbookRefusedError, type SheetReaderLimits, type SheetRow } from './read-workbook.js';
import { HEADER_SEARCH_ROWS, HeadersMissingError, locateHeader } from './sheet-layout.js';
import { classifyRows, recordErrors, resolveReferences, upsertRows, type ReferenceCache, type SqlRunner } from './upsert-rows.js';

export interface ImportSettings {
  maxRows: number;
  batchSize: number;
  timeZone: string;
  /** The reader process's bounds (SHEET_READER_LIMITS unless a test says otherwise). */
  reader?: SheetReaderLimits;
}

export interface ImportDependencies {
  prisma: Db;
  pool: pg.Pool;
  storage: ObjectStorage;
  logger: Logger;
}

export type ImportState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
const FINISHED: ImportState[] = ['SUCCEEDED', 'PARTIAL', 'FAILED'];

/** rowsValid = rowsNew + rowsChanged + rowsUnchanged; rowsWritten = rowsNew + rowsChanged (0 in a preview). */
interface Counters {
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  rowsWritten: number;
  rowsNew: number;
  rowsChanged: number;
  rowsUnchanged: number;
}

const ZERO: Counters = { rowsRead: 0, rowsValid: 0, rowsRejected: 0, rowsWritten: 0, rowsNew: 0, rowsChanged: 0, rowsUnchanged: 0 };

/** Rows of the first batch (the later ones are settings.batchSize). */
const FIRST_BATCH_ROWS = 1_000;

/** Batches of "solo filas válidas" written at once (or of a preview compared at once), each on its own
 * connection, counted and committed in file order: the database works a statement on one core, and two
 * batches in flight write 50 000 assets in about 0.7x the time of one after the other (npm run
 * bench:import prints the floor on one connection and on two). */
const BATCHES_IN_FLIGHT = 2;

/** A placeholder id for a row's parent that only the file holds so far (preview: nothing is written). */
const PENDING_ID = -1;

/** Thrown inside the all-or-nothing transaction to roll it back when some row was rejected. */
class RollBack extends Error {}

/** How often a written batch, waiting to commit after the one before it, looks whether it blocks that one. */
const BLOCKING_CHECK_MS = 50;

/** Thrown inside a batch's transaction that holds a row the batch before it waits for (the same unique
 * value in both): it rolls back, lets the earlier batch commit, and is written again after it. */
class BlocksEarlierBatch extends Error {}

/** A batch being written: `done` settles once it committed (or failed); `backend` is the process id of
 * the database connection its transaction runs on now (null before it began). */
interface BatchWrite {
  done: Promise<void>;
  backend: number | null;
}

export async function runImport(deps: ImportDependencies, importRunId: number, settings: ImportSettings, jobId?: string): Promise<ImportState> {
  const run = await deps.prisma.importRun.findUnique({ where: { id: importRunId } });
  if (!run) throw new Error(`ImportRun ${importRunId} does not exist`);
  if (FINISHED.includes(run.state as ImportState)) return run.state as ImportState; // delivered twice
  const definition = importDefinition(run.kind);
  if (!definition) throw new Error(`No import is declared for kind "${run.kind}"`);
  const actor: Actor = { userId: run.userId ?? undefined, label: `import:${run.id}`, requestId: jobId };

  return actAs(actor, async () => {
    const resumeAfter = run.mode === 'VALID_ROWS' && !run.preview ? run.checkpointRow : 0;
    if (!resumeAfter) await deps.prisma.importRunError.deleteMany({ where: { importRunId } });
    await deps.prisma.importRun.update({
      where: { id: importRunId },
      data: {
        state: 'RUNNING',
        startedAt: run.startedAt ?? new Date(),
        attempts: { increment: 1 },
        resumedFromRow: run.attempts > 0 ? resumeAfter : null,
        jobId: jobId ?? run.jobId,
        ...(resumeAfter ? {} : { ...ZERO, checkpointRow: 0 }),
      },
    });
    const counters: Counters = resumeAfter
      ? {
          rowsRead: run.rowsRead, rowsValid: run.rowsValid, rowsRejected: run.rowsRejected, rowsWritten: run.rowsWritten,
          rowsNew: run.rowsNew, rowsChanged: run.rowsChanged, rowsUnchanged: run.rowsUnchanged,
        }
      : { ...ZERO };
    const mappings = await loadMappings(deps.prisma, definition.kind);
    const summary = new SummaryCollector(definition);

    // The reader process starts while the file is fetched and checked (kept from an earlier run if any).
    warmSheetReader(settings.reader);
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-import-'));
    const file = path.join(workDir, 'libro.xlsx');
    try {
      await pipeline(await deps.storage.get(run.fileKey), createWriteStream(file));
      const mode = run.preview ? 'PREVIEW' : run.mode === 'VALID_ROWS' ? 'VALID_ROWS' : 'ALL_OR_NOTHING';
      const sheet = new SheetImport(deps, definition, importRunId, mode, settings, counters, actor, mappings, summary, run.createMissing);
      try {
        await sheet.run(file, resumeAfter);
      } catch (error) {
        if (!(error instanceof WorkbookRefusedError)) throw error;
        if (run.preview) {
          // A preview refused part way (more rows than allowed, a sheet damaged further down) keeps its reason only.
          await deps.prisma.importRunError.deleteMany({ where: { importRunId } });
          Object.assign(counters, ZERO);
        }
        if (error instanceof HeadersMissingError) {
          summary.summary.missingFields = error.missingFields;
          if (error.layout) summary.layout(error.layout, error.layout.unrecognised, rowParser(definition, error.layout, settings.timeZone));
        }
        return finish(deps, importRunId, 'FAILED', counters, error.reason, summary.finish());
      }
      // A preview ends as the import would: every row fine, some rejected, or none that could be written.
      const anyWritable = run.preview ? counters.rowsValid > 0 : counters.rowsWritten > 0 || counters.rowsUnchanged > 0;
      const state: ImportState = counters.rowsRejected === 0 ? 'SUCCEEDED' : (run.mode === 'VALID_ROWS' || run.preview) && anyWritable ? 'PARTIAL' : 'FAILED';
      const message =
        state === 'FAILED' && counters.rowsRejected && !run.preview
          ? `${counters.rowsRejected} filas rechazadas${run.mode === 'ALL_OR_NOTHING' ? ': con "todo o nada" no se escribió ninguna fila' : ''}. Descargue el informe de errores.`
          : null;
      return finish(deps, importRunId, state, counters, message, summary.finish());
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
}

async function finish(
  deps: ImportDependencies, importRunId: number, state: ImportState, counters: Counters, message: string | null, summary: ImportSummary,
): Promise<ImportState> {
  const errorReportKey = (await deps.prisma.importRunError.count({ where: { importRunId } })) ? await writeErrorReport(deps.prisma, deps.storage, importRunId) : null;
  await deps.prisma.importRun.update({
    where: { id: importRunId },
    data: { state, ...counters, errorReportKey, errorMessage: message, finishedAt: new Date(), summary: summary as unknown as Prisma.InputJsonValue },
  });
  deps.logger.info({ importRunId, state, ...counters }, 'import finished');
  return state;
}

class SheetImport {
  private readonly references: ReferenceCache = new Map();
  /** Business key → first row that carries it, for duplicates inside the file. */
  private readonly seen = new Map<string, number>();
  /** Keys of rows that passed every check: a parent may be named by an earlier row of the file. */
  private readonly validKeys = new Set<string>();
  private parser!: RowParser;
  private readonly hasSelfReferences: boolean;
  /** The sheet has a column naming a parent row (of the same table). */
  private selfReferencesInSheet = false;
  /** Settles once the sheet's rows are counted: refused when there are more than an import may take.
   * Counted while the first batches are read and written; nothing commits before it settles. */
  private sizeChecked: Promise<void> = Promise.resolve();
  /** The rows are being counted: batches wait for it to commit, so one more may be written meanwhile. */
  private counting = false;
  private lastProgress = 0;

  constructor(
    private readonly deps: ImportDependencies,
    private readonly definition: ImportDefinition,
    private readonly importRunId: number,
    private readonly mode: 'ALL_OR_NOTHING' | 'VALID_ROWS' | 'PREVIEW',
    private readonly settings: ImportSettings,
    private readonly counters: Counters,
    private readonly actor: Actor,
    private readonly mappings: ImportMappings,
    private readonly summary: SummaryCollector,
    private readonly createMissing: boolean,
  ) {
    this.hasSelfReferences = definition.columns.some((c) => c.reference?.self);
  }

  async run(file: string, resumeAfter: number): Promise<void> {
    let closeWorkbook = () => {};
    // Read in the reader process: the XML is parsed on the other core while this thread checks and
    // writes. It starts at once, while this thread checks the zip (nothing is taken from it before the
    // file passes); the rows are counted while the first batches are read and written.
    const chunks = readSheetRows(file, { limits: this.settings.reader });
    let started: Promise<IteratorResult<SheetRow[], number>> | null = chunks.next();
    started.catch(() => undefined); // a file the check refuses fails the reader too: the check says why
    const next = () => {
      const result = started ?? chunks.next();
      started = null;
      return result;
    };
    try {
      const workbook = await checkWorkbook(file);
      closeWorkbook = workbook.close;
      // An import's rows are counted from the start, while the header is looked for and the first batches written.
      if (this.mode !== 'PREVIEW') void workbook.countRows();
      const first: SheetRow[] = [];
      try {
        // Pulled by hand: breaking a for-await would close the reader.
        while (first.length < HEADER_SEARCH_ROWS) {
          const chunk = await next();
          if (chunk.done) break;
          first.push(...chunk.value);
        }
      } catch (error) {
        await workbook.countRows(); // a sheet damaged from its start: the count's reason, as before the reader's
        throw error;
      }
      if (!first.length) {
        await workbook.countRows();
        throw new WorkbookRefusedError('La hoja está vacía: no tiene encabezados ni filas de datos.');
      }
      const layout = locateHeader(this.definition, first.slice(0, HEADER_SEARCH_ROWS), this.mappings.headers);
      const headerIndex = first.findIndex((row) => row.number === layout.headerRow);
      const tooMany = (dataRows: number) =>
        new WorkbookRefusedError(`El archivo tiene ${dataRows} filas; el máximo por importación es ${this.settings.maxRows}. Divídalo en varios archivos.`);
      const checkSize = async (count: number) => {
        const dataRows = count - headerIndex - 1;
        if (dataRows > this.settings.maxRows) throw tooMany(dataRows);
        await this.deps.prisma.importRun.update({ where: { id: this.importRunId }, data: { rowsTotal: dataRows } });
      };
      let refused: Error | null = null;
      // A preview writes nothing: the reader counts its rows as it reads them (the count would take a
      // core from the preview's own work), and the size is checked at the end, or as soon as the rows
      // read are already too many. An import counts them at once and commits nothing before it knows.
      let rowElements: number | null = null;
      if (this.mode !== 'PREVIEW') {
        this.sizeChecked = workbook.countRows().then(checkSize);
        this.counting = true;
        // Awaited by each batch before it commits, and below; once refused, reading stops.
        this.sizeChecked.then(() => (this.counting = false), (error: Error) => (refused = error));
      }
      const previewLimit = this.mode === 'PREVIEW' ? this.settings.maxRows + headerIndex + 1 : Infinity;
      this.parser = rowParser(this.definition, layout, this.settings.timeZone, this.mappings);
      this.selfReferencesInSheet = layout.columns.some(({ column }) => column.reference?.self);
      this.parser.onUnknownChoice = (field, value) => this.summary.unknownValue(field, 'choice', value);
      this.summary.layout(layout, layout.unrecognised, this.parser);

      const remaining = (async function* () {
        yield first.slice(headerIndex + 1);
        let read = first.length;
        // The reader was left open by the header search: go on from where it stopped.
        let chunk = await next();
        for (; !chunk.done; chunk = await next()) {
          if (refused) throw refused;
          read += chunk.value.length;
          if (read > previewLimit) throw tooMany((await workbook.countRows()) - headerIndex - 1);
          yield chunk.value;
        }
        rowElements = chunk.value;
      })();

      if (this.mode === 'VALID_ROWS') await this.eachBatch(remaining, resumeAfter, (...write) => this.commitBatch(...write), this.batchesInFlight());
      else if (this.mode === 'PREVIEW') await this.eachBatch(remaining, 0, (batch, _, previous) => this.previewBatch(batch, previous), this.batchesInFlight());
      else await this.allOrNothing(remaining);
      if (this.mode === 'PREVIEW') await checkSize(rowElements ?? (await workbook.countRows()));
      await this.sizeChecked;
    } finally {
      await chunks.return(0); // the reader, if the sheet was refused or a write failed before its end
      closeWorkbook();
    }
    if (this.counters.rowsRead === 0 && !resumeAfter) throw new WorkbookRefusedError('La hoja no tiene filas de datos debajo de los encabezados.');
  }

  /** Batches written (or compared, in a preview) at once: one where a batch may need what an earlier
   * one writes (a parent row of the file, a catalogue entry created for it, a writer of several
   * tables), else BATCHES_IN_FLIGHT. */
  private batchesInFlight(): number {
    return this.selfReferencesInSheet || this.createMissing || this.definition.writer ? 1 : BATCHES_IN_FLIGHT;
  }

  /** Groups the parsed rows into batches. A row naming a parent that is still in the current batch
   * closes the batch first, so the parent is written before the child looks it up. Batches are written
   * while the next is read and parsed, up to `inFlight` at once; each write is handed the one before
   * it (`previous`), so that it can commit in file order, and says which connection it runs on. */
  private async eachBatch(
    chunks: AsyncIterable<SheetRow[]>,
    resumeAfter: number,
    write: (batch: CandidateRow[], lastRow: number, previous: BatchWrite, self: BatchWrite, earlier: BatchWrite[]) => Promise<void>,
    inFlight = 1,
  ) {
    const selfReferences = this.definition.columns.filter((c) => c.reference?.self).map((c) => c.field);
    let batch: CandidateRow[] = [];
    let batchKeys = new Set<string>();
    let lastRow = resumeAfter;
    const writing: BatchWrite[] = []; // in flight, oldest first
    let previous: BatchWrite = { done: Promise.resolve(), backend: null };
    // The first batch is small, so the database starts writing while the rest is still being read.
    let limit = Math.min(FIRST_BATCH_ROWS, this.settings.batchSize);
    const flush = async () => {
      while (writing.length >= inFlight + (this.counting && inFlight > 1 ? 1 : 0)) await writing.shift()!.done;
      const [rows, last] = [batch, lastRow];
      const current: BatchWrite = { done: Promise.resolve(), backend: null };
      current.done = write(rows, last, previous, current, [...writing]);
      current.done.catch(() => {}); // awaited at a later flush or at the end
      writing.push(current);
      previous = current;
      batch = [];
      batchKeys = new Set();
      limit = this.settings.batchSize;
    };
    try {
      for await (const chunk of chunks) {
        for (const row of chunk) {
          const candidate = this.parser.parse(row);
          this.checkDuplicate(candidate);
          if (row.number <= resumeAfter) continue; // committed by an earlier attempt; only its key was needed
          const namesPending = selfReferences.some((field) => {
            const code = candidate.values[field];
            return typeof code === 'string' && batchKeys.has(JSON.stringify([code.toLowerCase()]));
          });
          if (batch.length >= limit || (namesPending && batch.length)) await flush();
          batch.push(candidate);
          if (selfReferences.length) batchKeys.add(candidate.key);
          lastRow = row.number;
        }
      }
      if (batch.length) await flush();
      while (writing.length) await writing.shift()!.done;
    } catch (error) {
      await Promise.allSettled(writing.map((w) => w.done)); // no write is left running behind a failed job (each rolls back)
      throw error;
    }
  }

  /** A key seen earlier in the file, whatever else is wrong with either row (one pass). */
  private checkDuplicate(candidate: CandidateRow): void {
    if (!candidate.key) return; // a key field is missing or unreadable: already reported
    const first = this.seen.get(candidate.key);
    if (first === undefined) {
      this.seen.set(candidate.key, candidate.rowNumber);
      return;
    }
    const keyHeaders = this.definition.key.map((field) => this.parser.headerOf(field));
    candidate.errors.push({
      rowNumber: candidate.rowNumber,
      column: keyHeaders.join(' + '),
      value: this.definition.key.map((field) => this.parser.cellOf(candidate, field) ?? '').join(' + '),
      reason: `Clave duplicada en el archivo: ya aparece en la fila ${first}. Solo se importa la primera.`,
    });
  }

  /** Resolves references and splits the batch into rows to write and errors. */
  private async prepare(db: SqlRunner, batch: CandidateRow[]): Promise<{ valid: CandidateRow[]; errors: RowError[] }> {
    await resolveReferences(db, this.definition, this.parser, batch, {
      cache: this.references,
      earlierRows: this.validKeys,
      pendingId: this.mode === 'PREVIEW' ? PENDING_ID : null,
      onUnknown: (field, code) => this.summary.unknownValue(field, 'reference', code),
      createMissing: !this.createMissing ? 'no' : this.mode === 'PREVIEW' ? 'pretend' : 'write',
      onCreated: (field, names) => this.summary.created(field, names),
      mapped: this.mappings.values,
    });
    const valid = batch.filter((row) => !row.errors.length);
    if (this.hasSelfReferences) for (const row of valid) this.validKeys.add(row.key);
    return { valid, errors: batch.flatMap((row) => row.errors) };
  }

  /** The first rejected rows of the file, kept for the page (called in file order). */
  private sampleRejected(batch: CandidateRow[]): void {
    for (const row of batch) if (row.errors.length) this.summary.sample('rejected', row);
  }

  private count(batch: CandidateRow[], rejectedRows: Set<number>, inserted: number, updated: number, written = true): void {
    this.counters.rowsRead += batch.length;
    this.counters.rowsRejected += rejectedRows.size;
    this.counters.rowsValid += batch.length - rejectedRows.size;
    this.counters.rowsNew += inserted;
    this.counters.rowsChanged += updated;
    this.counters.rowsUnchanged += batch.length - rejectedRows.size - inserted - updated;
    if (written) this.counters.rowsWritten += inserted + updated;
  }

  /** "Validar sin importar": what the upsert would do to each valid row, asked without writing. */
  private async previewBatch(batch: CandidateRow[], previous: BatchWrite): Promise<void> {
    // Plain pg on the pool, like the writes: Prisma's raw queries cost far more with arrays of 5 000.
    const pool = this.deps.pool;
    const db: SqlRunner = {
      $executeRawUnsafe: async (query, ...values) => (await pool.query(query, values)).rowCount ?? 0,
      $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await pool.query(query, values)).rows as T,
    };
    const { valid, errors } = await this.prepare(db, batch);
    const outcomes = await classifyRows(db, this.definition, valid);
    await previous.done; // counted, sampled and reported in file order
    this.sampleRejected(batch);
    let inserted = 0;
    let updated = 0;
    outcomes.forEach((outcome, i) => {
      if (outcome.kind === 'new') inserted++;
      if (outcome.kind === 'changed') updated++;
      this.summary.sample(outcome.kind, valid[i]!, outcome.kind === 'changed' ? outcome.fields : undefined);
    });
    await recordErrors(db, this.importRunId, errors);
    this.count(batch, new Set(errors.map((e) => e.rowNumber)), inserted, updated, false);
    await this.reportProgress();
  }

  /** "Solo filas válidas": the batch, its rejected rows, the counters and the checkpoint in one
   * transaction, committed only after the batch before it (`previous`): the checkpoint and the counters
   * a retry starts from then always cover every row above them, and a failed batch fails those after it.
   * Written while the batch before it is still being written, it may take a unique value first (a
   * category's name in both): then it gives way, and is written again once the earlier one committed,
   * as if written after it. */
  private async commitBatch(batch: CandidateRow[], lastRow: number, previous: BatchWrite, self: BatchWrite, earlier: BatchWrite[]): Promise<void> {
    let prepared: { valid: CandidateRow[]; errors: RowError[] } | undefined; // references are resolved once
    const attempt = (afterPrevious: (db: SqlRunner, backend: number) => Promise<void>) =>
      sqlTransactionAs(this.deps.pool, this.actor, async (db) => {
        const [{ backend }] = await db.$queryRawUnsafe<[{ backend: number }]>('SELECT pg_backend_pid() AS backend');
        self.backend = backend;
        prepared ??= await this.prepare(db, batch);
        const result = await upsertRows(db, this.definition, prepared.valid);
        const allErrors = [...prepared.errors, ...result.errors];
        await this.sizeChecked;
        await afterPrevious(db, backend);
        await recordErrors(db, this.importRunId, allErrors); // in file order, as the report lists them
        this.sampleRejected(batch);
        this.count(batch, new Set(allErrors.map((e) => e.rowNumber)), result.inserted, result.updated);
        await this.saveCounters(db, lastRow);
      });
    try {
      await attempt((db, backend) => this.afterEarlierBatches(db, backend, previous, earlier));
    } catch (error) {
      if (!(error instanceof BlocksEarlierBatch)) throw error;
      self.backend = null; // its connection went back to the pool
      await previous.done;
      await attempt(async () => {});
    } finally {
      self.backend = null;
    }
  }

  /** Waits for the batch before this one to commit (and so every earlier one), unless one of the
   * earlier batches still in flight waits for a row this one holds. */
  private async afterEarlierBatches(db: SqlRunner, backend: number, previous: BatchWrite, earlier: BatchWrite[]): Promise<void> {
    for (;;) {
      const committed = await Promise.race([previous.done.then(() => true), new Promise<false>((r) => setTimeout(r, BLOCKING_CHECK_MS, false))]);
      if (committed) return;
      // A transaction not begun holds nothing; one whose connection went back to the pool waits for nothing of ours.
      const backends = earlier.map((batch) => batch.backend).filter((pid) => pid !== null);
      if (!backends.length) continue;
      const [{ blocks }] = await db.$queryRawUnsafe<[{ blocks: boolean }]>(
        'SELECT coalesce(bool_or($1::int = ANY(pg_blocking_pids(p))), false) AS blocks FROM unnest($2::int[]) AS p',
        backend,
        backends,
      );
      if (blocks) throw new BlocksEarlierBatch();
    }
  }

  private async saveCounters(db: SqlRunner, checkpointRow?: number): Promise<void> {
    const { rowsRead, rowsValid, rowsRejected, rowsWritten, rowsNew, rowsChanged, rowsUnchanged } = this.counters;
    await db.$executeRawUnsafe(
      `UPDATE import_runs SET rows_read = $2, rows_valid = $3, rows_rejected = $4, rows_written = $5, rows_new = $6, rows_changed = $7,
       rows_unchanged = $8, checkpoint_row = coalesce($9, checkpoint_row) WHERE id = $1`,
      this.importRunId, rowsRead, rowsValid, rowsRejected, rowsWritten, rowsNew, rowsChanged, rowsUnchanged, checkpointRow ?? null,
    );
  }

  /** "Todo o nada": one transaction; writing stops at the first rejected row, reading goes on so the
   * report lists every problem, and the transaction commits only when nothing was rejected. */
  private async allOrNothing(rows: AsyncIterable<SheetRow[]>): Promise<void> {
    try {
      await sqlTransactionAs(this.deps.pool, this.actor, async (db) => {
        await this.eachBatch(rows, 0, async (batch) => {
          const { valid, errors } = await this.prepare(db, batch);
          this.sampleRejected(batch);
          const result = this.counters.rowsRejected || errors.length ? { inserted: 0, updated: 0, errors: [] } : await upsertRows(db, this.definition, valid);
          const allErrors = [...errors, ...result.errors];
          await this.sizeChecked; // nothing is logged for a file refused as too long
          // Logged outside the transaction (a separate connection), so the report survives the rollback.
          if (allErrors.length) await recordErrors(this.deps.prisma as unknown as SqlRunner, this.importRunId, allErrors);
          this.count(batch, new Set(allErrors.map((e) => e.rowNumber)), result.inserted, result.updated);
          await this.reportProgress();
        });
        if (this.counters.rowsRejected) throw new RollBack();
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      // Nothing was written: no row is new or changed (those not reached were never compared).
      Object.assign(this.counters, { rowsWritten: 0, rowsNew: 0, rowsChanged: 0, rowsUnchanged: 0 });
      this.summary.summary.created = []; // rolled back with the rows
    }
  }

  /** Progress seen from outside the all-or-nothing transaction (its own short one, same author). */
  private async reportProgress(): Promise<void> {
    if (Date.now() - this.lastProgress < 500) return;
    this.lastProgress = Date.now();
    await sqlTransactionAs(this.deps.pool, this.actor, (db) => this.saveCounters(db));
  }
}
