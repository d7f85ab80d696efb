// What an export is, whatever its shape (a list's columns, an import template's, the change history's):
// the rows of one model the viewer may read, and the columns to write, each read from the model's
// table or from a row it references.
import type ExcelJS from 'exceljs';
import type { Prisma } from '@prisma/client';

export type CellFormat = 'text' | 'number' | 'date' | 'datetime';

/** A foreign key followed from the row before it (the exported table first). */
export interface Join {
  table: string;
  foreignKey: string;
}

export interface ColumnSource {
  /** Column of the last joined table (of the exported table without joins). */
  column: string;
  joins?: Join[];
  /** A timestamptz read as the plant's wall-clock time (what the clerk typed, what he reads). */
  wallClock?: boolean;
  /** Many values through a join table (a user's groups): `column` of each linked row of `targetTable`,
   * as one text, sorted and separated by commas. */
  links?: { table: string; ownerColumn: string; targetColumn: string; targetTable: string };
}

export interface SheetColumn {
  header: string;
  width: number;
  format: CellFormat;
  source: ColumnSource;
  /** The stored value to the cell; dates, numerics and big integers arrive as PostgreSQL's text. */
  cell(value: unknown): ExcelJS.CellValue;
}

export interface ExportSheet {
  /** Download name, without the date and extension. */
  fileName: string;
  sheetName: string;
  /** The rows are chosen through this model's Prisma where (rules and filters)... */
  model: Prisma.ModelName;
  /** ...and read, with their references joined, from this table or view. */
  table: string;
  /** Keyset order: by id, newest first or oldest first. */
  order: 'asc' | 'desc';
  columns: SheetColumn[];
}

/** Excel's own limits: rows per sheet (one is the header), and what a sheet may be called. */
export const EXCEL_DATA_ROWS = 1_048_575;
export function sheetNameOf(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Hoja1';
}
