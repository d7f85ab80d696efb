// Reading a clerk's workbook without holding it in memory: a check of the zip and a count of its rows
// (so a refused file writes nothing), then rows streamed one by one by exceljs's WorkbookReader.
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import unzipper from 'unzipper';
import { plainCell, type CellValue } from './cell-values.js';

/** The whole file is refused (not an .xlsx, damaged, empty, too big): nothing is written. */
export class WorkbookRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'WorkbookRefusedError';
  }
}

export interface SheetRow {
  /** The row number Excel shows. */
  number: number;
  /** 1-based like Excel's columns: values[1] is column A. */
  values: CellValue[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

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
  if (!(await looksLikeXlsx(filePath))) throw new WorkbookRefusedError('El archivo no es un libro de Excel .xlsx (guárdelo como "Libro de Excel (.xlsx)").');
  let directory;
  try {
    directory = await unzipper.Open.file(filePath);
  } catch {
    throw new WorkbookRefusedError('El archivo .xlsx está dañado: no se puede abrir. Ábralo en Excel y vuelva a guardarlo.');
  }
  if (!directory.files.some((entry) => entry.path === 'xl/workbook.xml'))
    throw new WorkbookRefusedError('El archivo no es un libro de Excel .xlsx (no contiene un libro de trabajo).');
  const sheet = directory.files.find((entry) => WORKSHEET.test(entry.path));
  if (!sheet) throw new WorkbookRefusedError('El libro no tiene hojas de cálculo.');
  let rowCount = 0;
  let tail = '';
  try {
    for await (const chunk of sheet.stream()) {
      const text = tail + (chunk as Buffer).toString('latin1');
      rowCount += text.match(/<row[\s>]/g)?.length ?? 0;
      // Keep the end of the chunk, less anything already counted, for a tag cut in two.
      const keep = text.slice(-4);
      tail = /<row[\s>]$/.test(keep) ? '' : keep;
    }
  } catch {
    throw new WorkbookRefusedError('El archivo .xlsx está dañado: la hoja no se puede leer. Ábralo en Excel y vuelva a guardarlo.');
  }
  return { rowCount };
}

/** The first worksheet's rows, streamed in the chunks exceljs parses them in; blank rows are left out. */
export async function* readSheetRows(filePath: string): AsyncGenerator<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(filePath), {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell a date cell from a number
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  try {
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
  } catch (error) {
    if (error instanceof WorkbookRefusedError) throw error;
    throw new WorkbookRefusedError(`El archivo .xlsx está dañado y no se pudo leer completo (${(error as Error).message}).`);
  }
}
