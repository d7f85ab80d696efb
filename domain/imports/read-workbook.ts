// Reading a clerk's workbook without holding it in memory: a check of the zip and a count of its rows
// (so a refused file writes nothing), then rows streamed in chunks by our sheet reader (xlsx-sheet.mjs).
import { open } from 'node:fs/promises';
import { readInChildProcess, UnreadableSheetError, type SheetReaderLimits } from './sheet-reader-child.js';
import { openZip, readWorkbookPart, xlsxSheetRows, type SheetRow, type ZipParts } from './xlsx-sheet.mjs';

export type { SheetRow, SheetReaderLimits };
export { warmSheetReader } from './sheet-reader-child.js';

/** The whole file is refused (not an .xlsx, damaged, empty, too big): nothing is written. */
export class WorkbookRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'WorkbookRefusedError';
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** True when the first bytes are those of a zip (every .xlsx is one); an .xls, .csv or .pdf is not. */
export async function looksLikeXlsx(filePath: string): Promise<boolean> {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.equals(ZIP_MAGIC);
  } finally {
    await handle.close();
  }
}

/** Checks the zip's directory and counts the first sheet's rows (no XML parsing: a scan for "<row"). */
export async function inspectWorkbook(filePath: string): Promise<{ rowCount: number }> {
  const { countRows } = await checkWorkbook(filePath);
  return { rowCount: await countRows() };
}

/** Checks the zip's directory and finds the sheet the reader reads. Its rows are counted when asked
 * (`countRows`, once: the sheet inflated once more and scanned, ~0.2 s for 50 000 rows), while the
 * caller goes on; the zip is closed once they are, or by `close` if they never are. */
export async function checkWorkbook(filePath: string): Promise<{ countRows: () => Promise<number>; close: () => void }> {
  if (!(await looksLikeXlsx(filePath))) throw new WorkbookRefusedError('El archivo no es un libro de Excel .xlsx (guárdelo como "Libro de Excel (.xlsx)").');
  let zip: ZipParts;
  try {
    zip = await openZip(filePath);
  } catch {
    throw new WorkbookRefusedError('El archivo .xlsx está dañado: no se puede abrir. Ábralo en Excel y vuelva a guardarlo.');
  }
  try {
    const sheet = await firstSheet(zip);
    let counted: Promise<number> | null = null;
    return {
      countRows: () => {
        if (!counted) {
          counted = countRows(zip, sheet).finally(() => zip.close());
          counted.catch(() => undefined); // the caller may stop before it is known (a refused header)
        }
        return counted;
      },
      close: () => counted ?? zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** A row's start tag, with or without a namespace prefix (<row r="2">, <x:row>). */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;

/** The sheet the reader reads: the first the workbook lists. */
async function firstSheet(zip: ZipParts): Promise<string> {
  if (!zip.has('xl/workbook.xml')) throw new WorkbookRefusedError('El archivo no es un libro de Excel .xlsx (no contiene un libro de trabajo).');
  const { sheetPath: sheet } = await readWorkbookPart(zip).catch(() => ({ sheetPath: null }));
  if (!sheet) throw new WorkbookRefusedError('El libro no tiene hojas de cálculo.');
  return sheet;
}

async function countRows(zip: ZipParts, sheet: string): Promise<number> {
  let rowCount = 0;
  let tail = '';
  try {
    for await (const chunk of await zip.stream(sheet)) {
      const text = tail + (chunk as Buffer).toString('latin1');
      ROW_TAG.lastIndex = 0;
      let counted = 0;
      while (ROW_TAG.exec(text)) {
        rowCount++;
        counted = ROW_TAG.lastIndex;
      }
      // Keep the end of the chunk, less anything already counted, for a tag cut in two.
      tail = text.slice(Math.max(counted, text.length - 32));
    }
  } catch {
    throw new WorkbookRefusedError('El archivo .xlsx está dañado: la hoja no se puede leer. Ábralo en Excel y vuelva a guardarlo.');
  }
  return rowCount;
}

/** The first worksheet's rows, streamed in chunks; blank rows are left out (its return value is the
 * sheet's row elements, blank ones too, as inspectWorkbook counts them). Read in a reader process
 * with its own heap limit (sheet-reader-child.ts), a few chunks ahead of the caller, so the XML is
 * parsed on the other core while the import checks and writes the rows already read; `inProcess`
 * reads in this thread (the bench's "reading alone"). Stopping early (a refused header) ends the reader. */
export async function* readSheetRows(filePath: string, options: { inProcess?: boolean; limits?: SheetReaderLimits } = {}): AsyncGenerator<SheetRow[], number> {
  try {
    return yield* options.inProcess ? xlsxSheetRows(filePath) : readInChildProcess(filePath, options.limits);
  } catch (error) {
    if (error instanceof UnreadableSheetError) throw new WorkbookRefusedError(error.message);
    if (options.inProcess) throw new WorkbookRefusedError(`El archivo .xlsx está dañado y no se pudo leer completo (${(error as Error).message}).`);
    throw error;
  }
}
