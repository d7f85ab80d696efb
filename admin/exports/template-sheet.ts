// An importable list exported in its import template's columns (references by the code the import
// reads, closed values by label, dates as dates), so the sheet can be corrected and imported back.
// Headers and labels follow the viewer's language: the import reads both languages.
import type ExcelJS from 'exceljs';
import { vocabularyOf } from '../../domain/vocabularies.js';
import { columnLabels, type ColumnDefinition, type ImportDefinition } from '../../domain/imports/import-definition.js';
import { renderMessage, type Language } from '../locales/render.js';
import { booleanCell, dateCell, labelCell, numberCell, textCell, wallClockCell } from './cells.js';
import { sheetNameOf, type ExportSheet, type SheetColumn } from './sheet.js';
import { resourceTexts } from './translations.js';

export function templateSheet(definition: ImportDefinition, language: Language): ExportSheet {
  const labels = resourceTexts(language, definition.model).labels ?? {};
  const columns = definition.columns.map((column): SheetColumn => {
    const header = columnLabels(definition, column)[language];
    const source = { column: column.sqlColumn };
    // A column held by a join table (a user's groups): the linked codes, by label, as the import reads them.
    if (column.links) {
      const { table, ownerColumn, targetColumn, targetTable, targetBy } = column.links;
      const vocabulary = resourceTexts(language, column.vocabularyOf ?? definition.model).labels?.[column.vocabularyField ?? column.field] ?? {};
      return { header, width: 28, format: 'text', source: { column: targetBy, links: { table, ownerColumn, targetColumn, targetTable } }, cell: labelsCell(vocabulary) };
    }
    switch (column.type) {
      case 'reference':
        return { header, width: 22, format: 'text', source: { column: column.reference!.by[0]!, joins: [{ table: column.reference!.table, foreignKey: column.sqlColumn }] }, cell: textCell };
      case 'choice':
        return { header, width: 18, format: 'text', source, cell: labelCell(choiceLabels(definition, column, labels[column.field] ?? {})) };
      case 'boolean':
        return { header, width: 10, format: 'text', source, cell: booleanCell(renderMessage(language, 'exportYes'), renderMessage(language, 'exportNo')) };
      case 'decimal':
      case 'integer':
        return { header, width: 12, format: 'number', source, cell: numberCell };
      case 'date':
        return { header, width: 14, format: 'date', source, cell: dateCell };
      case 'instant':
        return { header, width: 18, format: 'datetime', source: { ...source, wallClock: true }, cell: wallClockCell };
      default:
        return { header, width: 24, format: 'text', source, cell: textCell };
    }
  });
  return { fileName: definition.kind, sheetName: sheetNameOf(definition.sheetName), model: definition.model, table: definition.table, order: 'asc', columns };
}

/** Codes joined by commas to their labels joined by "; " ("Supervisores; Técnicos"). */
const labelsCell =
  (labels: Record<string, string>) =>
  (value: unknown): ExcelJS.CellValue =>
    value === null || value === undefined || value === '' ? null : String(value).split(',').map((code) => labels[code] ?? code).join('; ');

/** Codes of the column's closed list with their labels (a code without one is exported as it is). */
function choiceLabels(definition: ImportDefinition, column: ColumnDefinition, labels: Record<string, string>): Record<string, string> {
  const codes = column.choices ?? vocabularyOf(definition.model, column.field) ?? [];
  return Object.fromEntries(codes.map((code) => [code, labels[code] ?? code]));
}
