// Where the data starts and which column is which: the header row may sit under a title, and its
// names may be Spanish or English, with any case, accents or spacing.
import { headerKey } from './cell-values.js';
import { columnLabels, type ColumnDefinition, type ImportDefinition } from './import-definition.js';
import { WorkbookRefusedError, type SheetRow } from './read-workbook.js';

/** Rows above the headers we look through (a title, a subtitle, a blank line, a note...). */
export const HEADER_SEARCH_ROWS = 20;

export interface SheetLayout {
  headerRow: number;
  /** Column index (1-based) of each declared column found; absent optional columns are not here. */
  columns: { column: ColumnDefinition; index: number; header: string }[];
}

export function acceptedHeaders(definition: ImportDefinition, column: ColumnDefinition): Set<string> {
  const labels = columnLabels(definition, column);
  return new Set([labels.es, labels.en, column.field, ...(column.aliases ?? [])].map(headerKey));
}

function match(definition: ImportDefinition, row: SheetRow): SheetLayout['columns'] {
  const found: SheetLayout['columns'] = [];
  const accepted = definition.columns.map((column) => ({ column, headers: acceptedHeaders(definition, column) }));
  for (let index = 1; index < row.values.length; index++) {
    const cell = row.values[index];
    if (typeof cell !== 'string') continue;
    const key = headerKey(cell);
    const hit = accepted.find(({ column, headers }) => headers.has(key) && !found.some((f) => f.column === column));
    if (hit) found.push({ column: hit.column, index, header: cell });
  }
  return found;
}

/** Finds the header row among the first rows; refuses the file when required columns are missing. */
export function locateHeader(definition: ImportDefinition, firstRows: SheetRow[]): SheetLayout {
  if (!firstRows.length) throw new WorkbookRefusedError('La hoja está vacía: no tiene encabezados ni filas de datos.');
  const required = definition.columns.filter((column) => column.required);
  let best: { row: SheetRow; columns: SheetLayout['columns'] } | undefined;
  for (const row of firstRows) {
    const columns = match(definition, row);
    if (required.every((column) => columns.some((found) => found.column === column))) return { headerRow: row.number, columns };
    if (!best || columns.length > best.columns.length) best = { row, columns };
  }
  const missing = required.filter((column) => !best?.columns.some((found) => found.column === column));
  const names = missing.map((column) => `"${columnLabels(definition, column).es}"`).join(', ');
  if (!best?.columns.length)
    throw new WorkbookRefusedError(`No se encontró la fila de encabezados en las primeras ${HEADER_SEARCH_ROWS} filas. Faltan las columnas obligatorias: ${names}.`);
  throw new WorkbookRefusedError(`Faltan columnas obligatorias en la fila ${best.row.number}: ${names}.`);
}
