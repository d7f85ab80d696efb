// What an importable model declares: its sheet, columns (Spanish and English header names, type,
// whether required), business key and references. The pipeline (run-import.ts) is the same for all;
// adding a model is one more declaration in definitions/.
import type { Prisma } from '@prisma/client';
import { resourceTranslationsEN } from '../labels/resources.en.js';
import { resourceTranslationsES } from '../labels/resources.es.js';
import { VOCABULARIES } from '../vocabularies.js';
import type { CellValue } from './cell-values.js';
import type { SqlRunner } from '../history/sql-transaction.js';
import { synonymsOf } from './value-synonyms.js';

/** 'choices': several closed values in one cell ("Supervisores; Técnicos"), stored as links (see LinkDefinition). */
export type ColumnType = 'text' | 'decimal' | 'integer' | 'date' | 'instant' | 'boolean' | 'choice' | 'choices' | 'reference' | 'weekdays' | 'time' | 'email';
export type SqlType = 'text' | 'numeric' | 'int' | 'date' | 'timestamptz' | 'boolean' | 'int[]';

export interface ReferenceDefinition {
  table: string;
  /** Columns the clerk may name the referenced row by, tried in order (a code, then a name). */
  by: string[];
  /** The referenced row in Spanish, for messages: "la ubicación". */
  noun: string;
  /** A reference to the model being imported (a parent location): it may name an earlier row of the file. */
  self?: boolean;
  /** A simple catalogue the run may complete when asked ("crear los que falten"): the missing entry is
   * inserted with the value the clerk wrote in `nameColumn` and a code made from it in `codeColumn`. */
  createMissing?: { codeColumn: string; nameColumn: string; codeLength: number };
}

/** A column held by a join table rather than by the imported table (a user's groups): the cell's codes
 * become exactly the row's links. An empty cell leaves the links as they are. */
export interface LinkDefinition {
  /** The join table (user_groups), its column naming the imported row and the one naming the target. */
  table: string;
  ownerColumn: string;
  targetColumn: string;
  /** The linked catalogue and the column the cell's codes are compared with. */
  targetTable: string;
  targetBy: string;
}

/** The column a clerk's mapping keeps a referenced entry by: its code where it has one (unique), else
 * the first it is named by (a user's e-mail). */
export function entryKeyOf(reference: ReferenceDefinition): string {
  return reference.by.includes('code') ? 'code' : reference.by[0]!;
}

export interface ColumnDefinition {
  /** Name of the parsed value; also the property whose locale labels give the template's header. */
  field: string;
  /** Header names accepted besides the Spanish and English labels, compared without case, accents or spaces. */
  aliases?: string[];
  type: ColumnType;
  required?: boolean;
  maxLength?: number;
  /** Value used when the cell is empty (the column's default in the database). */
  defaultValue?: string | number | boolean | readonly number[];
  /** For type 'choice': the closed vocabulary (labels from the locales). */
  choices?: readonly string[];
  /** For type 'choice(s)': the model (and its field) whose vocabulary, labels and synonyms apply, when not the imported one. */
  vocabularyOf?: string;
  vocabularyField?: string;
  /** For type 'choices': the join table that holds the values (sqlColumn is then only a name). */
  links?: LinkDefinition;
  reference?: ReferenceDefinition;
  /** Column in the table; for references the foreign key. */
  sqlColumn: string;
  sqlType: SqlType;
  /** Shown in the template's example row. */
  example: CellValue;
}

export interface ImportDefinition {
  /** What ImportRun.kind says; also the URL segment. */
  kind: string;
  model: Prisma.ModelName;
  table: string;
  /** Sheet name of the template. */
  sheetName: string;
  columns: ColumnDefinition[];
  /** Fields that identify a row (the upsert's conflict target, in the columns' sqlColumn). */
  key: string[];
  /** The table has an updated_at column to touch when a row changes. */
  touchesUpdatedAt: boolean;
  /** Rules across columns (minimum <= maximum): a reason in Spanish, and the column it is shown against. */
  check?: (row: Record<string, unknown>) => { field: string; reason: string } | null;
  /** A sheet row that is more than one row of one table (a budget line with its budget and months): its
   * own writer replaces the set-based upsert (run inside the same transaction, as the importer), and the
   * list is then exported as a plain list, not in the template's columns. */
  writer?: ImportWriter;
}

// The writer's side of the pipeline, said here in the shapes it needs (a parsed row, its outcome, a refused
// row) so that definitions and their writers depend on this file only, not on the pipeline's modules.
export interface ImportRow {
  rowNumber: number;
  /** Parsed values by field, references resolved to ids. */
  values: Record<string, unknown>;
}
export type ImportRowOutcome = { kind: 'new' } | { kind: 'changed'; fields: string[] } | { kind: 'unchanged' };
export interface ImportRowError {
  rowNumber: number;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface ImportWriter {
  /** Writes the batch's valid rows; a row refused by the database comes back as its error, the rest are written. */
  write(db: SqlRunner, rows: ImportRow[]): Promise<{ inserted: number; updated: number; errors: ImportRowError[] }>;
  /** What writing would do to each row ("Validar sin importar"), in the order given. */
  classify(db: SqlRunner, rows: ImportRow[]): Promise<ImportRowOutcome[]>;
}

export interface ColumnLabels {
  es: string;
  en: string;
}

type Translations = Record<string, { properties?: Record<string, string>; labels?: Record<string, Record<string, string>> }>;

/** The column's header in the template (Spanish) and in English, from the resource's locale labels. */
export function columnLabels(definition: ImportDefinition, column: ColumnDefinition): ColumnLabels {
  const es = (resourceTranslationsES as Translations)[definition.model]?.properties?.[column.field];
  const en = (resourceTranslationsEN as Translations)[definition.model]?.properties?.[column.field];
  return { es: es ?? column.field, en: en ?? column.field };
}

export interface Choice {
  code: string;
  /** Spanish, then English label. */
  labels: string[];
  /** The legacy system's codes and usual spellings (value-synonyms.ts). */
  synonyms: readonly string[];
}

/** Codes of a closed vocabulary with their Spanish and English labels and built-in synonyms. */
export function choicesOf(definition: ImportDefinition, column: ColumnDefinition): Choice[] {
  const model = column.vocabularyOf ?? definition.model;
  const field = column.vocabularyField ?? column.field;
  const codes = column.choices ?? (VOCABULARIES as Record<string, Record<string, readonly string[]>>)[model]?.[field] ?? [];
  const label = (translations: Translations, code: string) => translations[model]?.labels?.[field]?.[code];
  const synonyms = synonymsOf(model, field);
  return codes.map((code) => ({
    code,
    labels: [label(resourceTranslationsES as Translations, code), label(resourceTranslationsEN as Translations, code)].filter((l): l is string => !!l),
    synonyms: synonyms[code] ?? [],
  }));
}
