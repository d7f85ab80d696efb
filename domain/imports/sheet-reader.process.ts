// The first worksheet's rows read by exceljs's WorkbookReader, and the entry of the child process that
// reads them for an import (read-workbook.ts forks it): reading the XML is most of an import's own work,
// and in a process of its own it runs on the other core while the job parses, checks and writes the rows
// already read, with a heap limit of its own, so a damaged or hostile file costs that process only.
// Rows travel in messages of a few hundred, a few messages ahead at most (the reader waits for the
// import to take them), so memory stays flat on both sides.
// This file imports nothing of ours: Node runs it as it is (types stripped), without tsx's start-up.
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number Excel shows. */
  number: number;
  /** 1-based like Excel's columns: values[1] is column A. */
  values: CellValue[];
}

/** What the parent asks: read a file, or take another message (credit). */
export type ReaderRequest = { read: string } | { more: true };
/** What the reader answers: it is loaded, a message of rows, the end, or why the file could not be read. */
export type ReaderMessage = { ready: true } | { rows: SheetRow[] } | { done: true } | { failed: string };

/** Messages the reader may send before the import has taken them. */
export const MESSAGES_AHEAD = 8;
/** Rows per message at most: fewer, larger messages cost less to send than exceljs's chunks of ~100. */
const ROWS_PER_MESSAGE = 500;

/** exceljs gives formulas, rich text, hyperlinks and errors as objects: keep what the clerk sees. */
export function plainCell(raw: unknown): CellValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    const cell = raw as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if ('richText' in cell && Array.isArray(cell.richText)) return plainCell(cell.richText.map((part) => part.text).join(''));
    if ('formula' in cell || 'sharedFormula' in cell) return plainCell(cell.result);
    if ('error' in cell) return cell.error ?? null;
    if ('text' in cell) return plainCell(cell.text);
  }
  return String(raw);
}

/** The first worksheet's rows, in exceljs's chunks; blank rows are left out. */
export async function* sheetRowChunks(filePath: string): AsyncGenerator<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(filePath), {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell a date cell from a number
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  for await (const worksheet of reader) {
    // parse() hands over rows by the hundred: far cheaper than one await per row.
    const chunks = (worksheet as unknown as { parse(): AsyncIterable<{ eventType: string; value: ExcelJS.Row }[]> }).parse();
    for await (const events of chunks) {
      const rows: SheetRow[] = [];
      for (const { eventType, value: row } of events) {
        if (eventType !== 'row') continue;
        const raw = row.values as unknown[];
        const values: CellValue[] = new Array(raw.length);
        let blank = true;
        for (let i = 1; i < raw.length; i++) {
          const value = plainCell(raw[i]);
          values[i] = value;
          if (value !== null) blank = false;
        }
        if (!blank) rows.push({ number: row.number, values });
      }
      if (rows.length) yield rows;
    }
    return; // the first sheet only
  }
}

/** The reader process: one file at a time, as the parent asks; kept by the parent for the next file. */
function serveParent(): void {
  const send = (message: ReaderMessage) => process.send!(message);
  let credit = 0;
  let wake: (() => void) | null = null;
  let reading: Promise<void> = Promise.resolve();
  const read = async (file: string) => {
    credit = MESSAGES_AHEAD;
    let pending: SheetRow[] = [];
    const flush = async () => {
      while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
      credit--;
      send({ rows: pending });
      pending = [];
    };
    try {
      for await (const rows of sheetRowChunks(file)) {
        for (const row of rows) pending.push(row);
        if (pending.length >= ROWS_PER_MESSAGE) await flush();
      }
      if (pending.length) await flush();
      send({ done: true });
    } catch (error) {
      send({ failed: error instanceof Error ? error.message : String(error) });
    }
    // What the file left on the heap goes now, not while the reader waits for the next one.
    (globalThis as { gc?: () => void }).gc?.();
  };
  process.on('message', (request: ReaderRequest) => {
    if ('more' in request) {
      credit++;
      wake?.();
      wake = null;
    } else reading = reading.then(() => read(request.read));
  });
  // The parent gone, nothing is left to read for.
  process.on('disconnect', () => process.exit(0));
  send({ ready: true });
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) serveParent();
