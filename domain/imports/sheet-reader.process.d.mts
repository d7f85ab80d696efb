// The types of sheet-reader.process.mjs (plain JavaScript, so its process starts without a type stripper).
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
export declare const MESSAGES_AHEAD: number;

/** exceljs gives formulas, rich text, hyperlinks and errors as objects: keep what the clerk sees. */
export declare function plainCell(raw: unknown): CellValue;

/** The first worksheet's rows, in exceljs's chunks; blank rows are left out. */
export declare function sheetRowChunks(filePath: string): AsyncGenerator<SheetRow[]>;
