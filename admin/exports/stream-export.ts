// The one export loop: the viewer's rows in keyset batches (ids through the same Prisma where as his
// list: no OFFSET, so the thousandth batch costs what the first does), each batch read in one statement
// with its references joined, written by exceljs's streaming writer straight into the response. The
// next batch is read while this one is written; memory stays at a batch whatever the row count.
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { attachmentDisposition } from '../../integrations/storage/storage.js';
import { renderMessage, type Language } from '../locales/render.js';
import { joinedRowsReader, type RowsReader } from './joined-rows.js';
import { EXCEL_DATA_ROWS, type ExportSheet, type SheetColumn } from './sheet.js';

export const EXPORT_BATCH_ROWS = 5_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Id = number | bigint;
/** Where the exported rows' ids come from (the model's Prisma delegate, or the history's SQL reader):
 * only ids are asked of it. */
export interface IdSource {
  findMany(args: { where: Record<string, unknown>; orderBy: object; take: number; select: { id: true } }): Promise<Record<string, unknown>[]>;
}

export interface ExportRun {
  sheet: ExportSheet;
  /** The viewer's rows: the rules' row conditions and the list's filters (CmmsPrismaResource.readableRows). */
  where: Record<string, unknown>;
  ids: IdSource;
  pool: pg.Pool;
  timeZone: string;
  language: Language;
  /** Data rows per sheet: Excel's limit unless a test asks for fewer. */
  rowLimit?: number;
}

export async function streamExport(res: Response, run: ExportRun): Promise<void> {
  const batches = rowBatches(run.ids, run.where, run.sheet.order, joinedRowsReader(run.sheet, run.pool, run.timeZone));
  const first = await batches.next(); // read before anything is sent, so a failure here is still a clean 500
  res.status(200);
  res.setHeader('Content-Type', XLSX);
  res.setHeader('Content-Disposition', attachmentDisposition(`${run.sheet.fileName}-${new Date().toISOString().slice(0, 10)}.xlsx`));
  res.setHeader('Cache-Control', 'no-store');
  res.on('error', () => {}); // a client gone mid-download is noticed by `res.destroyed` below
  await writeWorkbook(res, run, async function* () {
    let batch = first;
    while (!batch.done) {
      const next = batches.next(); // the next batch is read while this one is written
      next.catch(() => {}); // awaited below; if the writer stops first, its failure must not go unhandled
      yield batch.value;
      batch = await next;
    }
  }());
}

/** Writes the sheet from batches of [id, ...values] rows; used by the exports and, from memory, by bench:export. */
export async function writeWorkbook(res: Writable, run: Pick<ExportRun, 'sheet' | 'language' | 'rowLimit'>, batches: AsyncIterable<unknown[][]>): Promise<void> {
  const { sheet, language } = run;
  const limit = run.rowLimit ?? EXCEL_DATA_ROWS;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
  const worksheet = workbook.addWorksheet(sheet.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.getRow(1).commit();
  // One style object per column, shared by all its cells: exceljs then registers each style once
  // instead of once per cell, which halves the writer's time (bench:export).
  const styles = sheet.columns.map((column) => styleOf(column, language));
  const cells = sheet.columns.map((column) => column.cell);
  let written = 0;
  for await (const rows of batches) {
    for (const row of rows) {
      if (written === limit) break;
      const values = new Array<ExcelJS.CellValue>(cells.length);
      for (let i = 0; i < cells.length; i++) values[i] = cells[i]!(row[i + 1]);
      const added = worksheet.addRow(values);
      for (let i = 0; i < styles.length; i++) added.getCell(i + 1).style = styles[i]!;
      added.commit();
      written++;
    }
    if (res.destroyed) return; // the client went away: stop reading
    if (written === limit) {
      worksheet.addRow([renderMessage(language, 'exportRowLimitReached', { limit: limit.toLocaleString(language) })]).commit();
      break;
    }
    if (res.writableNeedDrain) await drained(res);
  }
  worksheet.commit();
  await workbook.commit();
}

async function* rowBatches(ids: IdSource, where: Record<string, unknown>, order: 'asc' | 'desc', read: RowsReader): AsyncGenerator<unknown[][]> {
  let after: Id | undefined;
  for (;;) {
    const page = await ids.findMany({
      where: after === undefined ? where : { AND: [where, { id: { [order === 'asc' ? 'gt' : 'lt']: after } }] },
      orderBy: { id: order },
      take: EXPORT_BATCH_ROWS,
      select: { id: true },
    });
    const pageIds = page.map((row) => row.id as Id);
    if (pageIds.length) yield await read(pageIds);
    if (pageIds.length < EXPORT_BATCH_ROWS) return;
    after = pageIds.at(-1)!;
  }
}

function styleOf(column: SheetColumn, language: Language): Partial<ExcelJS.Style> {
  if (column.format === 'date') return { numFmt: renderMessage(language, 'exportDateFormat') };
  if (column.format === 'datetime') return { numFmt: renderMessage(language, 'exportDateTimeFormat') };
  return {};
}

function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
