// One sheet row through its columns' parsers: typed values, or the reasons it is rejected. Pure: no
// database here (references are resolved per batch, in resolve-references.ts).
import {
  choiceParser, displayValue, parseBoolean, parseDate, parseDecimal, parseEmail, parseInstant, parseInteger, parseText, parseTimeOfDay, parseWeekdays,
  type CellValue, type Parsed,
} from './cell-values.js';
import { choicesOf, columnLabels, type ColumnDefinition, type ImportDefinition } from './import-definition.js';
import { NO_MAPPINGS, type ImportMappings } from './import-mappings.js';
import type { SheetRow } from './read-workbook.js';
import type { SheetLayout } from './sheet-layout.js';

export interface RowError {
  rowNumber: number;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface CandidateRow {
  rowNumber: number;
  /** Parsed values by field; a reference holds the code the clerk wrote until it is resolved to an id. */
  values: Record<string, unknown>;
  /** The business key as compared inside the file. */
  key: string;
  errors: RowError[];
}

export interface RowParser {
  parse(row: SheetRow): CandidateRow;
  /** The header the clerk's file uses for a field (for messages). */
  headerOf(field: string): string;
  /** The cell the clerk wrote for a field, as text. */
  cellOf(row: CandidateRow, field: string): string | null;
  /** Every value of a closed column that none of its codes, labels, synonyms or mappings matched. */
  onUnknownChoice?: (field: string, value: string) => void;
}

/** A row's business key as compared inside the file, or null when a key field has no value. */
export function fileKeyOf(definition: ImportDefinition, values: Record<string, unknown>): string | null {
  const parts: string[] = [];
  for (const field of definition.key) {
    const value = values[field];
    if (value === undefined || value === null) return null;
    parts.push(value instanceof Date ? value.toISOString() : String(value).toLowerCase());
  }
  return JSON.stringify(parts);
}

export function rowParser(definition: ImportDefinition, layout: SheetLayout, timeZone: string, mappings: ImportMappings = NO_MAPPINGS): RowParser {
  const located = new Map(layout.columns.map((found) => [found.column.field, found]));
  const choices = new Map(
    definition.columns
      .filter((c) => c.type === 'choice' || c.type === 'choices')
      .map((c) => [c.field, choiceParser(choicesOf(definition, c), mappings.values.get(c.field))]),
  );
  const headerOf = (field: string) => {
    const column = definition.columns.find((c) => c.field === field)!;
    return located.get(field)?.header ?? columnLabels(definition, column).es;
  };
  // The row's cells as read, kept for messages (one array per row, not a copy by field: less garbage).
  const raws = new WeakMap<CandidateRow, CellValue[]>();
  const rawOf = (cells: CellValue[], field: string): CellValue => {
    const found = located.get(field);
    return found ? (cells[found.index] ?? null) : null;
  };

  const parseValue = (column: ColumnDefinition, value: CellValue): Parsed<unknown> => {
    switch (column.type) {
      case 'text':
        return parseText(value, column.maxLength ?? 10_000);
      case 'decimal':
        return parseDecimal(value);
      case 'integer':
        return parseInteger(value);
      case 'date':
        return parseDate(value);
      case 'instant':
        return parseInstant(value, timeZone);
      case 'boolean':
        return parseBoolean(value);
      case 'choice':
        return choices.get(column.field)!(value);
      case 'reference':
        return parseText(value, 200);
      case 'choices':
        throw new Error('a list of closed values is parsed by parseChoices');
      case 'weekdays':
        return parseWeekdays(value);
      case 'time':
        return parseTimeOfDay(value);
      case 'email':
        return parseEmail(value);
    }
  };

  /** "Supervisores; Técnicos" → the codes, sorted and without repeats, and the values no code matched. */
  const parseChoices = (column: ColumnDefinition, value: CellValue): { codes: string[]; unknown: string[] } => {
    const codes = new Set<string>();
    const unknown: string[] = [];
    for (const part of displayValue(value).split(/[,;\n]/)) {
      const text = part.trim();
      if (!text) continue;
      const parsed = choices.get(column.field)!(text);
      if (parsed.ok) codes.add(parsed.value);
      else unknown.push(text);
    }
    return { codes: [...codes].sort(), unknown };
  };
  const unknownChoiceReason = (column: ColumnDefinition, value: string) => {
    const allowed = choicesOf(definition, column).map((c) => c.labels[0] ?? c.code).join(', ');
    return `"${value}" no es un valor permitido (${allowed}). Corríjalo en el archivo o asígnele uno en "Validar sin importar".`;
  };

  const parser: RowParser = {
    headerOf,
    cellOf: (row, field) => {
      const cells = raws.get(row);
      const raw = cells ? rawOf(cells, field) : null;
      return raw === null ? null : displayValue(raw);
    },
    parse(row) {
      const values: Record<string, unknown> = {};
      const errors: RowError[] = [];
      for (const column of definition.columns) {
        const raw = rawOf(row.values, column.field);
        if (raw === null) {
          if (column.required) errors.push({ rowNumber: row.number, column: headerOf(column.field), value: null, reason: 'Falta el valor obligatorio.' });
          values[column.field] = column.defaultValue ?? null;
          continue;
        }
        if (column.type === 'choices') {
          const { codes, unknown } = parseChoices(column, raw);
          // One error per unknown value: each is a problem of its own, and each can be mapped once.
          for (const value of unknown) {
            errors.push({ rowNumber: row.number, column: headerOf(column.field), value, reason: unknownChoiceReason(column, value) });
            parser.onUnknownChoice?.(column.field, value);
          }
          values[column.field] = unknown.length ? null : codes.length ? codes : (column.defaultValue ?? null);
          continue;
        }
        const parsed = parseValue(column, raw);
        if (parsed.ok) values[column.field] = parsed.value;
        else {
          errors.push({ rowNumber: row.number, column: headerOf(column.field), value: displayValue(raw), reason: parsed.reason });
          if (column.type === 'choice') parser.onUnknownChoice?.(column.field, displayValue(raw));
        }
      }
      // One pass: the checks across columns run on whatever parsed, so a row with a bad cell also
      // hears about its minimum above its maximum (a check skips fields that did not parse).
      const problem = definition.check?.(values);
      if (problem)
        errors.push({ rowNumber: row.number, column: headerOf(problem.field), value: displayValue(rawOf(row.values, problem.field)), reason: problem.reason });
      const candidate = { rowNumber: row.number, values, key: fileKeyOf(definition, values) ?? '', errors };
      raws.set(candidate, row.values);
      return candidate;
    },
  };
  return parser;
}
