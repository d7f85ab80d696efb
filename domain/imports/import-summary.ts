// What a run learned about the clerk's sheet, kept on the ImportRun (summary) for the preview page:
// the columns recognised and those not, the first rows that are new, changed, unchanged or rejected,
// and every distinct value a column did not know, with how many rows carry it, so a value is fixed
// once and not per row.
import { headerKey } from './cell-values.js';
import { columnLabels, type ImportDefinition } from './import-definition.js';
import type { CandidateRow, RowParser } from './parse-row.js';
import type { SheetLayout } from './sheet-layout.js';

/** Rows kept per kind of outcome, and distinct unknown values kept per column. */
export const SAMPLE_ROWS = 10;
export const UNKNOWN_VALUES_PER_COLUMN = 500;

export type Outcome = 'new' | 'changed' | 'unchanged' | 'rejected';

export interface SampleRow {
  row: number;
  /** The cells as the clerk wrote them, by field. */
  cells: Record<string, string | null>;
  /** For a changed row, the fields that change; for a rejected one, the reasons. */
  changed?: string[];
  errors?: { column: string | null; reason: string }[];
}

export interface ImportSummary {
  headerRow: number | null;
  /** Columns of the sheet matched to a field (header as written, field, Spanish label). */
  columns: { header: string; field: string; label: string }[];
  /** Headers of the sheet that match no field: the clerk may assign them. */
  unrecognisedHeaders: string[];
  /** Required fields with no column (the file was refused for them). */
  missingFields: string[];
  samples: Record<Outcome, SampleRow[]>;
  unknownValues: { field: string; header: string; type: 'choice' | 'reference'; values: { value: string; count: number }[]; more: boolean }[];
  /** Catalogue entries created because the run was asked to ("crear los que falten"). */
  created: { field: string; values: string[] }[];
}

export function emptySummary(): ImportSummary {
  return {
    headerRow: null,
    columns: [],
    unrecognisedHeaders: [],
    missingFields: [],
    samples: { new: [], changed: [], unchanged: [], rejected: [] },
    unknownValues: [],
    created: [],
  };
}

export class SummaryCollector {
  readonly summary: ImportSummary = emptySummary();
  /** By field, then by the value as compared (no case, accents or spaces): its first spelling and count. */
  private readonly unknown = new Map<string, { type: 'choice' | 'reference'; values: Map<string, { value: string; count: number }>; more: boolean }>();
  private parser?: RowParser;

  constructor(private readonly definition: ImportDefinition) {}

  layout(layout: SheetLayout, unrecognisedHeaders: string[], parser: RowParser): void {
    this.parser = parser;
    this.summary.headerRow = layout.headerRow;
    this.summary.columns = layout.columns.map((found) => ({ header: found.header, field: found.column.field, label: columnLabels(this.definition, found.column).es }));
    this.summary.unrecognisedHeaders = unrecognisedHeaders;
  }

  unknownValue(field: string, type: 'choice' | 'reference', value: string): void {
    let column = this.unknown.get(field);
    if (!column) this.unknown.set(field, (column = { type, values: new Map(), more: false }));
    // "OPERATIVO" and "Operativo" are one value to fix (a mapping compares them alike).
    const key = headerKey(value) || value;
    const seen = column.values.get(key);
    if (seen) seen.count++;
    else if (column.values.size < UNKNOWN_VALUES_PER_COLUMN) column.values.set(key, { value, count: 1 });
    else column.more = true;
  }

  /** Keeps the row if fewer than SAMPLE_ROWS of its outcome are kept (cheap to call for every row). */
  sample(outcome: Outcome, row: CandidateRow, changed?: string[]): void {
    const kept = this.summary.samples[outcome];
    if (kept.length >= SAMPLE_ROWS || !this.parser) return;
    const cells: Record<string, string | null> = {};
    for (const column of this.summary.columns) cells[column.field] = this.parser.cellOf(row, column.field);
    kept.push({
      row: row.rowNumber,
      cells,
      ...(changed ? { changed } : {}),
      ...(outcome === 'rejected' ? { errors: row.errors.map((e) => ({ column: e.column, reason: e.reason })) } : {}),
    });
  }

  created(field: string, values: string[]): void {
    const entry = this.summary.created.find((c) => c.field === field);
    if (entry) entry.values.push(...values);
    else this.summary.created.push({ field, values });
  }

  finish(): ImportSummary {
    this.summary.unknownValues = [...this.unknown].map(([field, { type, values, more }]) => ({
      field,
      header: this.parser?.headerOf(field) ?? field,
      type,
      values: [...values.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      more,
    }));
    return this.summary;
  }
}
