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
import { inspectWorkbook, readSheetRows, warmSheetReader, WorkbookRefusedError, type SheetReaderLimits, type SheetRow } from './read-workbook.js';
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

/** A placeholder id for a row's parent that only the file holds so far (preview: nothing is written). */
const PENDING_ID = -1;

/** Thrown inside the all-or-nothing transaction to roll it back when some row was rejected. */
class RollBack extends Error {}

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
    // Read in the reader process: the XML is parsed on the other core while this thread checks and
    // writes. It starts at once, while this thread checks the zip and counts the rows (nothing is
    // taken from it before the file passes).
    const chunks = readSheetRows(file, { limits: this.settings.reader });
    let started: Promise<IteratorResult<SheetRow[]>> | null = chunks.next();
    started.catch(() => undefined); // a file the check refuses fails the reader too: the check says why
    const next = () => {
      const result = started ?? chunks.next();
      started = null;
      return result;
    };
    try {
      const { rowCount } = await inspectWorkbook(file);
      if (rowCount === 0) throw new WorkbookRefusedError('La hoja está vacía: no tiene encabezados ni filas de datos.');
      const first: SheetRow[] = [];
      // Pulled by hand: breaking a for-await would close the reader.
      while (first.length < HEADER_SEARCH_ROWS) {
        const chunk = await next();
        if (chunk.done) break;
        first.push(...chunk.value);
      }
      const layout = locateHeader(this.definition, first.slice(0, HEADER_SEARCH_ROWS), this.mappings.headers);
      const headerIndex = first.findIndex((row) => row.number === layout.headerRow);
      const dataRows = rowCount - headerIndex - 1;
      if (dataRows > this.settings.maxRows)
        throw new WorkbookRefusedError(`El archivo tiene ${dataRows} filas; el máximo por importación es ${this.settings.maxRows}. Divídalo en varios archivos.`);
      this.parser = rowParser(this.definition, layout, this.settings.timeZone, this.mappings);
      this.parser.onUnknownChoice = (field, value) => this.summary.unknownValue(field, 'choice', value);
      this.summary.layout(layout, layout.unrecognised, this.parser);
      await this.deps.prisma.importRun.update({ where: { id: this.importRunId }, data: { rowsTotal: dataRows } });

      const remaining = (async function* () {
        yield first.slice(headerIndex + 1);
        // The reader was left open by the header search: go on from where it stopped.
        for (let chunk = await next(); !chunk.done; chunk = await next()) yield chunk.value;
      })();

      if (this.mode === 'VALID_ROWS') await this.eachBatch(remaining, resumeAfter, (batch, lastRow) => this.commitBatch(batch, lastRow));
      else if (this.mode === 'PREVIEW') await this.eachBatch(remaining, 0, (batch) => this.previewBatch(batch));
      else await this.allOrNothing(remaining);
    } finally {
      await chunks.return(undefined); // the reader, if the sheet was refused or a write failed before its end
    }
    if (this.counters.rowsRead === 0 && !resumeAfter) throw new WorkbookRefusedError('La hoja no tiene filas de datos debajo de los encabezados.');
  }

  /** Groups the parsed rows into batches. A row naming a parent that is still in the current batch
   * closes the batch first, so the parent is written before the child looks it up. One batch is
   * written while the next is read and parsed (writes stay in file order, one at a time). */
  private async eachBatch(chunks: AsyncIterable<SheetRow[]>, resumeAfter: number, write: (batch: CandidateRow[], lastRow: number) => Promise<void>) {
    const selfReferences = this.definition.columns.filter((c) => c.reference?.self).map((c) => c.field);
    let batch: CandidateRow[] = [];
    let batchKeys = new Set<string>();
    let lastRow = resumeAfter;
    let writing: Promise<void> = Promise.resolve();
    // The first batch is small, so the database starts writing while the rest is still being read.
    let limit = Math.min(FIRST_BATCH_ROWS, this.settings.batchSize);
    const flush = async () => {
      await writing;
      const [rows, last] = [batch, lastRow];
      writing = write(rows, last);
      writing.catch(() => {}); // awaited at the next flush or at the end
      batch = [];
      batchKeys = new Set();
      limit = this.settings.batchSize;
    };
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
    await writing;
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
    for (const row of batch) if (row.errors.length) this.summary.sample('rejected', row);
    return { valid, errors: batch.flatMap((row) => row.errors) };
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
  private async previewBatch(batch: CandidateRow[]): Promise<void> {
    // Plain pg on the pool, like the writes: Prisma's raw queries cost far more with arrays of 5 000.
    const pool = this.deps.pool;
    const db: SqlRunner = {
      $executeRawUnsafe: async (query, ...values) => (await pool.query(query, values)).rowCount ?? 0,
      $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await pool.query(query, values)).rows as T,
    };
    const { valid, errors } = await this.prepare(db, batch);
    const outcomes = await classifyRows(db, this.definition, valid);
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

  /** "Solo filas válidas": the batch, its rejected rows, the counters and the checkpoint in one transaction. */
  private async commitBatch(batch: CandidateRow[], lastRow: number): Promise<void> {
    await sqlTransactionAs(this.deps.pool, this.actor, async (db) => {
      const { valid, errors } = await this.prepare(db, batch);
      const result = await upsertRows(db, this.definition, valid);
      const allErrors = [...errors, ...result.errors];
      await recordErrors(db, this.importRunId, allErrors);
      this.count(batch, new Set(allErrors.map((e) => e.rowNumber)), result.inserted, result.updated);
      await this.saveCounters(db, lastRow);
    });
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
          const result = this.counters.rowsRejected || errors.length ? { inserted: 0, updated: 0, errors: [] } : await upsertRows(db, this.definition, valid);
          const allErrors = [...errors, ...result.errors];
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
