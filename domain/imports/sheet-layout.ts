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
  /** Headers of that row that match no column: the clerk may assign them to a field. */
  unrecognised: string[];
}

/** Required columns are missing: the file is refused, and the preview shows the headers it did find so
 * the clerk can assign one of them to the missing field. */
export class HeadersMissingError extends WorkbookRefusedError {
  constructor(
    reason: string,
    readonly layout: SheetLayout | null,
    readonly missingFields: string[],
  ) {
    super(reason);
  }
}

export function acceptedHeaders(definition: ImportDefinition, column: ColumnDefinition): Set<string> {
  const labels = columnLabels(definition, column);
  return new Set([labels.es, labels.en, column.field, ...(column.aliases ?? [])].map(headerKey));
}

function match(definition: ImportDefinition, row: SheetRow, headerMappings: ReadonlyMap<string, string>): Omit<SheetLayout, 'headerRow'> {
  const found: SheetLayout['columns'] = [];
  const unrecognised: string[] = [];
  const accepted = definition.columns.map((column) => ({ column, headers: acceptedHeaders(definition, column) }));
  for (let index = 1; index < row.values.length; index++) {
    const cell = row.values[index];
    if (typeof cell !== 'string') continue;
    const key = headerKey(cell);
    // A header the clerk assigned to a field wins over the names we know.
    const mapped = headerMappings.get(key);
    const hit =
      accepted.find(({ column }) => column.field === mapped && !found.some((f) => f.column === column)) ??
      accepted.find(({ column, headers }) => headers.has(key) && !found.some((f) => f.column === column));
    if (hit) found.push({ column: hit.column, index, header: cell });
    else unrecognised.push(cell);
  }
  return { columns: found, unrecognised };
}

/** Finds the header row among the first rows; refuses the file when required columns are missing. */
export function locateHeader(definition: ImportDefinition, firstRows: SheetRow[], headerMappings: ReadonlyMap<string, string> = new Map()): SheetLayout {
  if (!firstRows.length) throw new WorkbookRefusedError('La hoja está vacía: no tiene encabezados ni filas de datos.');
  const required = definition.columns.filter((column) => column.required);
  let best: SheetLayout | undefined;
  for (const row of firstRows) {
    const found = match(definition, row, headerMappings);
    if (required.every((column) => found.columns.some((f) => f.column === column))) return { headerRow: row.number, ...found };
    if (!best || found.columns.length > best.columns.length) best = { headerRow: row.number, ...found };
  }
  const missing = required.filter((column) => !best?.columns.some((found) => found.column === column));
  const names = missing.map((column) => `"${columnLabels(definition, column).es}"`).join(', ');
  const fields = missing.map((column) => column.field);
  if (!best?.columns.length)
    throw new HeadersMissingError(`No se encontró la fila de encabezados en las primeras ${HEADER_SEARCH_ROWS} filas. Faltan las columnas obligatorias: ${names}.`, null, fields);
  throw new HeadersMissingError(
    `Faltan columnas obligatorias en la fila ${best.headerRow}: ${names}. Renombre la columna en el archivo o asígnela en "Validar sin importar".`,
    best,
    fields,
  );
}
