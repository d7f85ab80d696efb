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
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import type { Logger } from 'pino';
import { sqlTransactionAs } from '../history/sql-transaction.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import { actAs, type Actor } from '../../prisma/actor.js';
import type { Db } from '../../prisma/client.js';
import { importDefinition } from './definitions/index.js';
import { writeErrorReport } from './error-report.js';
import type { ImportDefinition } from './import-definition.js';
import { rowParser, type CandidateRow, type RowError, type RowParser } from './parse-row.js';
import { inspectWorkbook, readSheetRows, WorkbookRefusedError, type SheetRow } from './read-workbook.js';
import { HEADER_SEARCH_ROWS, locateHeader } from './sheet-layout.js';
import { recordErrors, resolveReferences, upsertRows, type ReferenceCache, type SqlRunner } from './upsert-rows.js';

export interface ImportSettings {
  maxRows: number;
  batchSize: number;
  timeZone: string;
}

export interface ImportDependencies {
  prisma: Db;
  pool: pg.Pool;
  storage: ObjectStorage;
  logger: Logger;
}

export type ImportState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
const FINISHED: ImportState[] = ['SUCCEEDED', 'PARTIAL', 'FAILED'];

interface Counters {
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  rowsWritten: number;
}

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
    const resumeAfter = run.mode === 'VALID_ROWS' ? run.checkpointRow : 0;
    if (!resumeAfter) await deps.prisma.importRunError.deleteMany({ where: { importRunId } });
    await deps.prisma.importRun.update({
      where: { id: importRunId },
      data: {
        state: 'RUNNING',
        startedAt: run.startedAt ?? new Date(),
        attempts: { increment: 1 },
        resumedFromRow: run.attempts > 0 ? resumeAfter : null,
        jobId: jobId ?? run.jobId,
        ...(resumeAfter ? {} : { rowsRead: 0, rowsValid: 0, rowsRejected: 0, rowsWritten: 0, checkpointRow: 0 }),
      },
    });
    const counters: Counters = resumeAfter
      ? { rowsRead: run.rowsRead, rowsValid: run.rowsValid, rowsRejected: run.rowsRejected, rowsWritten: run.rowsWritten }
      : { rowsRead: 0, rowsValid: 0, rowsRejected: 0, rowsWritten: 0 };

    const workDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-import-'));
    const file = path.join(workDir, 'libro.xlsx');
    try {
      await pipeline(await deps.storage.get(run.fileKey), createWriteStream(file));
      const sheet = new SheetImport(deps, definition, importRunId, run.mode === 'VALID_ROWS' ? 'VALID_ROWS' : 'ALL_OR_NOTHING', settings, counters, actor);
      try {
        await sheet.run(file, resumeAfter);
      } catch (error) {
        if (!(error instanceof WorkbookRefusedError)) throw error;
        return finish(deps, importRunId, 'FAILED', counters, error.reason);
      }
      const state: ImportState = counters.rowsRejected === 0 ? 'SUCCEEDED' : run.mode === 'VALID_ROWS' && counters.rowsWritten > 0 ? 'PARTIAL' : 'FAILED';
      const message =
        state === 'FAILED' && counters.rowsRejected
          ? `${counters.rowsRejected} filas rechazadas${run.mode === 'ALL_OR_NOTHING' ? ': con "todo o nada" no se escribió ninguna fila' : ''}. Descargue el informe de errores.`
          : null;
      return finish(deps, importRunId, state, counters, message);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
}

async function finish(deps: ImportDependencies, importRunId: number, state: ImportState, counters: Counters, message: string | null): Promise<ImportState> {
  const errorReportKey = (await deps.prisma.importRunError.count({ where: { importRunId } })) ? await writeErrorReport(deps.prisma, deps.storage, importRunId) : null;
  await deps.prisma.importRun.update({
    where: { id: importRunId },
    data: { state, ...counters, errorReportKey, errorMessage: message, finishedAt: new Date() },
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
    private readonly mode: 'ALL_OR_NOTHING' | 'VALID_ROWS',
    private readonly settings: ImportSettings,
    private readonly counters: Counters,
    private readonly actor: Actor,
  ) {
    this.hasSelfReferences = definition.columns.some((c) => c.reference?.self);
  }

  async run(file: string, resumeAfter: number): Promise<void> {
    const { rowCount } = await inspectWorkbook(file);
    if (rowCount === 0) throw new WorkbookRefusedError('La hoja está vacía: no tiene encabezados ni filas de datos.');
    const chunks = readSheetRows(file);
    const first: SheetRow[] = [];
    // Pulled by hand: breaking a for-await would close the reader.
    while (first.length < HEADER_SEARCH_ROWS) {
      const next = await chunks.next();
      if (next.done) break;
      first.push(...next.value);
    }
    const layout = locateHeader(this.definition, first.slice(0, HEADER_SEARCH_ROWS));
    const headerIndex = first.findIndex((row) => row.number === layout.headerRow);
    const dataRows = rowCount - headerIndex - 1;
    if (dataRows > this.settings.maxRows)
      throw new WorkbookRefusedError(`El archivo tiene ${dataRows} filas; el máximo por importación es ${this.settings.maxRows}. Divídalo en varios archivos.`);
    this.parser = rowParser(this.definition, layout, this.settings.timeZone);
    await this.deps.prisma.importRun.update({ where: { id: this.importRunId }, data: { rowsTotal: dataRows } });

    const remaining = (async function* () {
      yield first.slice(headerIndex + 1);
      // The reader was left open by the header search: go on from where it stopped.
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })();

    if (this.mode === 'VALID_ROWS') await this.eachBatch(remaining, resumeAfter, (batch, lastRow) => this.commitBatch(batch, lastRow));
    else await this.allOrNothing(remaining);
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
    const flush = async () => {
      await writing;
      const [rows, last] = [batch, lastRow];
      writing = write(rows, last);
      writing.catch(() => {}); // awaited at the next flush or at the end
      batch = [];
      batchKeys = new Set();
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
        if (batch.length >= this.settings.batchSize || (namesPending && batch.length)) await flush();
        batch.push(candidate);
        if (selfReferences.length) batchKeys.add(candidate.key);
        lastRow = row.number;
      }
    }
    if (batch.length) await flush();
    await writing;
  }

  private checkDuplicate(candidate: CandidateRow): void {
    if (candidate.errors.length) return;
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
    await resolveReferences(db, this.definition, this.parser, batch, this.references, this.validKeys);
    const valid = batch.filter((row) => !row.errors.length);
    if (this.hasSelfReferences) for (const row of valid) this.validKeys.add(row.key);
    return { valid, errors: batch.flatMap((row) => row.errors) };
  }

  private count(batch: CandidateRow[], rejectedRows: Set<number>, written: number): void {
    this.counters.rowsRead += batch.length;
    this.counters.rowsRejected += rejectedRows.size;
    this.counters.rowsValid += batch.length - rejectedRows.size;
    this.counters.rowsWritten += written;
  }

  /** "Solo filas válidas": the batch, its rejected rows, the counters and the checkpoint in one transaction. */
  private async commitBatch(batch: CandidateRow[], lastRow: number): Promise<void> {
    await sqlTransactionAs(this.deps.pool, this.actor, async (db) => {
      const { valid, errors } = await this.prepare(db, batch);
      const result = await upsertRows(db, this.definition, valid);
      const allErrors = [...errors, ...result.errors];
      await recordErrors(db, this.importRunId, allErrors);
      this.count(batch, new Set(allErrors.map((e) => e.rowNumber)), result.written);
      await this.saveCounters(db, lastRow);
    });
  }

  private async saveCounters(db: SqlRunner, checkpointRow?: number): Promise<void> {
    const { rowsRead, rowsValid, rowsRejected, rowsWritten } = this.counters;
    await db.$executeRawUnsafe(
      `UPDATE import_runs SET rows_read = $2, rows_valid = $3, rows_rejected = $4, rows_written = $5, checkpoint_row = coalesce($6, checkpoint_row) WHERE id = $1`,
      this.importRunId, rowsRead, rowsValid, rowsRejected, rowsWritten, checkpointRow ?? null,
    );
  }

  /** "Todo o nada": one transaction; writing stops at the first rejected row, reading goes on so the
   * report lists every problem, and the transaction commits only when nothing was rejected. */
  private async allOrNothing(rows: AsyncIterable<SheetRow[]>): Promise<void> {
    try {
      await sqlTransactionAs(this.deps.pool, this.actor, async (db) => {
        await this.eachBatch(rows, 0, async (batch) => {
          const { valid, errors } = await this.prepare(db, batch);
          const result = this.counters.rowsRejected || errors.length ? { written: 0, errors: [] } : await upsertRows(db, this.definition, valid);
          const allErrors = [...errors, ...result.errors];
          // Logged outside the transaction (a separate connection), so the report survives the rollback.
          if (allErrors.length) await recordErrors(this.deps.prisma as unknown as SqlRunner, this.importRunId, allErrors);
          this.count(batch, new Set(allErrors.map((e) => e.rowNumber)), result.written);
          await this.reportProgress();
        });
        if (this.counters.rowsRejected) throw new RollBack();
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      this.counters.rowsWritten = 0;
    }
  }

  /** Progress seen from outside the all-or-nothing transaction (its own short one, same author). */
  private async reportProgress(): Promise<void> {
    if (Date.now() - this.lastProgress < 500) return;
    this.lastProgress = Date.now();
    await sqlTransactionAs(this.deps.pool, this.actor, (db) => this.saveCounters(db));
  }
}
