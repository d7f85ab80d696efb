// The first worksheet's rows read by exceljs's WorkbookReader, in the caller's thread or in a worker
// thread: reading the XML is most of a preview's work, and in a thread it runs on the other core while
// the job's own thread parses, checks and compares the rows already read. Rows travel in the chunks exceljs parses them in,
// a few chunks ahead at most (the reader waits for the import to take them), so memory stays flat.
// This file imports nothing of ours (Node loads it in the thread by itself, types stripped).
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number Excel shows. */
  number: number;
  /** 1-based like Excel's columns: values[1] is column A. */
  values: CellValue[];
}

/** What the thread posts: a chunk of rows, the end, or why the file could not be read. */
export type ReaderMessage = { rows: SheetRow[] } | { done: true } | { failed: string };

/** Chunks the thread may post before the import has taken them. */
export const CHUNKS_AHEAD = 8;

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

if (!isMainThread && parentPort && (workerData as { sheetReader?: string } | null)?.sheetReader) {
  const port = parentPort;
  let credit = CHUNKS_AHEAD;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credit++;
    wake?.();
  });
  void (async () => {
    try {
      for await (const rows of sheetRowChunks((workerData as { sheetReader: string }).sheetReader)) {
        while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        credit--;
        port.postMessage({ rows } satisfies ReaderMessage);
      }
      port.postMessage({ done: true } satisfies ReaderMessage);
    } catch (error) {
      port.postMessage({ failed: (error as Error).message } satisfies ReaderMessage);
    }
  })();
}
