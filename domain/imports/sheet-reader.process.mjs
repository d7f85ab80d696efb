// The first worksheet's rows read by exceljs's WorkbookReader, and the entry of the child process that
// reads them for an import (read-workbook.ts forks it): reading the XML is most of an import's own work,
// and in a process of its own it runs on the other core while the job parses, checks and writes the rows
// already read, with a heap limit of its own, so a damaged or hostile file costs that process only.
// Rows travel in messages of a few hundred, a few messages ahead at most (the reader waits for the
// import to take them), so memory stays flat on both sides.
// Plain JavaScript (its types in sheet-reader.process.d.mts): Node runs it as it is, without tsx's start-up
// and without loading its type stripper (about 14 MB of the reader's memory).
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import unzipper from 'unzipper';

// exceljs's XML reader decodes each chunk of a part on its own, so a character of two or more bytes cut
// between two chunks ("á" in "Válvulas") comes out as two broken ones: 3 rows in 200 000 in
// bench:import. Its decoder is replaced, before exceljs loads, by one that carries the cut bytes over
// to the next chunk. The parts are parsed one after the other and each ends on a whole character, so
// one decoder serves them all. (This file is the first to load exceljs in the reader process.)
const require = createRequire(import.meta.url);
/** @type {{ bufferToString: (chunk: unknown) => string }} */
const decoding = require('exceljs/lib/utils/browser-buffer-decode.js');
const utf8 = new TextDecoder('utf-8');
decoding.bufferToString = (chunk) => (typeof chunk === 'string' ? chunk : utf8.decode(/** @type {Uint8Array} */ (chunk), { stream: true }));
/** @type {typeof import('exceljs')} */
const ExcelJS = require('exceljs');

/** Messages the reader may send before the import has taken them. */
export const MESSAGES_AHEAD = 8;
/** Rows per message at most: fewer, larger messages cost less to send than exceljs's chunks of ~100. */
const ROWS_PER_MESSAGE = 500;

/** exceljs gives formulas, rich text, hyperlinks and errors as objects: keep what the clerk sees. */
export function plainCell(raw) {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    const cell = /** @type {{ result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string; formula?: string; sharedFormula?: string }} */ (raw);
    if ('richText' in cell && Array.isArray(cell.richText)) return plainCell(cell.richText.map((part) => part.text).join(''));
    if ('formula' in cell || 'sharedFormula' in cell) return plainCell(cell.result);
    if ('error' in cell) return cell.error ?? null;
    if ('text' in cell) return plainCell(cell.text);
  }
  return String(raw);
}

const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * The workbook's zip with its parts in reading order: everything else first, the worksheets last.
 * exceljs reads a zip front to back, and a worksheet that comes before the shared strings and the
 * workbook's relations (as Excel and exceljs's own writer save them) is first inflated whole into a
 * temporary file, then parsed: no row comes out before the whole sheet is on disk. Moved to the end,
 * the sheet is parsed as it is inflated. The parts are copied as they are (compressed), byte ranges of
 * the file; null when the zip's layout is not the plain one (then it is read as it is).
 */
/** @param {string} filePath @returns {Promise<Readable | null>} */
async function inReadingOrder(filePath) {
  let directory;
  try {
    directory = await unzipper.Open.file(filePath);
  } catch {
    return null; // damaged: exceljs says how, reading it as it is
  }
  const end = /** @type {{ offsetToStartOfCentralDirectory: number }} */ (/** @type {unknown} */ (directory)).offsetToStartOfCentralDirectory;
  const parts = directory.files
    .map((file) => ({ path: file.path, start: /** @type {{ offsetToLocalFileHeader: number }} */ (/** @type {unknown} */ (file)).offsetToLocalFileHeader }))
    .sort((a, b) => a.start - b.start);
  if (!parts.length || parts[0].start !== 0 || !parts.some((part) => WORKSHEET.test(part.path))) return null;
  const ranges = parts.map((part, i) => ({ ...part, end: i + 1 < parts.length ? parts[i + 1].start : end }));
  if (ranges.some((range) => !(range.end > range.start))) return null;
  const ordered = [...ranges.filter((range) => !WORKSHEET.test(range.path)), ...ranges.filter((range) => WORKSHEET.test(range.path))];
  // The central directory last, as in any zip: the reader stops at its signature.
  ordered.push({ path: '', start: end, end: (await stat(filePath)).size });
  return Readable.from(
    (async function* () {
      for (const range of ordered) if (range.end > range.start) yield* createReadStream(filePath, { start: range.start, end: range.end - 1 });
    })(),
    { objectMode: false },
  );
}

/** The first worksheet's rows, in exceljs's chunks; blank rows are left out. */
/** @param {string} filePath */
export async function* sheetRowChunks(filePath) {
  const ordered = await inReadingOrder(filePath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(ordered ?? createReadStream(filePath), {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell a date cell from a number
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  // A workbook without shared strings (inline text) never sets them, and exceljs would still wait for
  // them (the temporary file): with the parts in order, any shared strings come before the sheet and
  // replace this empty list.
  if (ordered) /** @type {{ sharedStrings?: unknown[] }} */ (/** @type {unknown} */ (reader)).sharedStrings ??= [];
  for await (const worksheet of reader) {
    // parse() hands over rows by the hundred: far cheaper than one await per row.
    const chunks = /** @type {{ parse(): AsyncIterable<{ eventType: string; value: import('exceljs').Row }[]> }} */ (/** @type {unknown} */ (worksheet)).parse();
    for await (const events of chunks) {
      /** @type {import('./sheet-reader.process.mjs').SheetRow[]} */
      const rows = [];
      for (const { eventType, value: row } of events) {
        if (eventType !== 'row') continue;
        const raw = /** @type {unknown[]} */ (row.values);
        const values = new Array(raw.length);
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
function serveParent() {
  /** @param {import('./sheet-reader.process.mjs').ReaderMessage} message */
  const send = (message) => process.send?.(message);
  let credit = 0;
  /** @type {(() => void) | null} */
  let wake = null;
  let reading = Promise.resolve();
  /** @param {string} file */
  const read = async (file) => {
    credit = MESSAGES_AHEAD;
    /** @type {import('./sheet-reader.process.mjs').SheetRow[]} */
    let pending = [];
    const flush = async () => {
      while (credit <= 0) await new Promise((resolve) => (wake = resolve));
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
    /** @type {{ gc?: () => void }} */ (globalThis).gc?.();
  };
  process.on('message', (/** @type {import('./sheet-reader.process.mjs').ReaderRequest} */ request) => {
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
