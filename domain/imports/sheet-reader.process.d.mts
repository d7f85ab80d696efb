// The types of sheet-reader.process.mjs (plain JavaScript, so its process starts without a type stripper).
import type { SheetRow } from './xlsx-sheet.mjs';

export type { CellValue, SheetRow } from './xlsx-sheet.mjs';

/** What the parent asks: read a file, or take another message (credit). */
export type ReaderRequest = { read: string } | { more: true };
/** What the reader answers: it is loaded, a message of rows, the end (with the sheet's row elements, blank
 * ones too), or why the file could not be read. */
export type ReaderMessage = { ready: true } | { rows: SheetRow[] } | { done: true; rowElements: number } | { failed: string };

/** Messages the reader may send before the import has taken them. */
export declare const MESSAGES_AHEAD: number;
