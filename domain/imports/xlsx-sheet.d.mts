// The types of xlsx-sheet.mjs (plain JavaScript, so the sheet reader process starts without a type stripper).
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number Excel shows. */
  number: number;
  /** 1-based like Excel's columns: values[1] is column A. */
  values: CellValue[];
}

/** A custom number format that shows a date or time. */
export declare function isDateFormat(code: string): boolean;
/** An Excel serial day as a date (1900 system, or 1904). */
export declare function excelSerialToDate(serial: number, date1904: boolean): Date;
/** XML text with its entities decoded. */
export declare function decodeXml(text: string): string;

/** A streaming scanner of well-formed XML: start tags, end tags and text, in order. */
export declare class XmlScanner {
  constructor(handler: { open(name: string, attributes: string, selfClosing: boolean): void; close(name: string): void; text(text: string): void });
  write(chunk: string): void;
  end(): void;
}

/** The first worksheet's rows, in chunks of a few hundred; blank rows are left out. */
/** Yields the rows; returns how many row elements the sheet has, blank ones too (as inspectWorkbook counts them). */
export declare function xlsxSheetRows(filePath: string): AsyncGenerator<SheetRow[], number>;

/** A zip's directory, each part's content streamed inflated on demand. Close it when done. */
export interface ZipParts {
  names(): string[];
  has(name: string): boolean;
  stream(name: string): Promise<import('node:stream').Readable>;
  close(): void;
}
export declare function openZip(filePath: string): Promise<ZipParts>;
/** The first sheet's part (as the workbook lists its sheets; null: none) and whether dates count from 1904. */
export declare function readWorkbookPart(zip: ZipParts): Promise<{ sheetPath: string | null; date1904: boolean }>;
