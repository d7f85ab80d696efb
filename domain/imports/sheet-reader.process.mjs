// The entry of the child process that reads a workbook's first sheet for an import (xlsx-sheet.mjs;
// read-workbook.ts forks it): reading the XML is a large part of an import's own work,
// and in a process of its own it runs on the other core while the job parses, checks and writes the rows
// already read, with a heap limit of its own, so a damaged or hostile file costs that process only.
// Rows travel in messages of a few hundred, a few messages ahead at most (the reader waits for the
// import to take them), so memory stays flat on both sides.
// Plain JavaScript (its types in sheet-reader.process.d.mts): Node runs it as it is, without tsx's start-up
// and without loading its type stripper (about 14 MB of the reader's memory).
import { fileURLToPath } from 'node:url';
import { xlsxSheetRows } from './xlsx-sheet.mjs';

/** Messages the reader may send before the import has taken them. */
export const MESSAGES_AHEAD = 8;
/** Rows per message at most: fewer, larger messages cost less to send. */
const ROWS_PER_MESSAGE = 500;

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
      const sheet = xlsxSheetRows(file);
      for (let rows = await sheet.next(); ; rows = await sheet.next()) {
        if (rows.done) {
          if (pending.length) await flush();
          send({ done: true, rowElements: rows.value });
          break;
        }
        for (const row of rows.value) pending.push(row);
        if (pending.length >= ROWS_PER_MESSAGE) await flush();
      }
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
