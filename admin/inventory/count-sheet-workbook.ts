// The count sheet as an Excel file: written for a warehouse (to print, or to fill in), and read back filled.
// Rows: the title, when it was printed, the count's reference, the headers, then one line per material;
// a hidden last column keeps how many movements each level had when printed (the import's staleness check,
// domain/inventory/count-sheet-import.ts).
import ExcelJS from 'exceljs';
import type { Warehouse } from '@prisma/client';
import type { CountSheetLine } from '../../domain/inventory/count-sheet.js';
import type { CountedSheet } from '../../domain/inventory/count-sheet-import.js';
import { Refusal } from '../../domain/refusal.js';
import { formatDate } from '../components/plant-format.js';
import { renderMessage, type Language } from '../locales/render.js';
import { cellText, cellValue, normalizedHeader } from './sheet-cells.js';

const COLUMNS = ['countSheetBin', 'countSheetCode', 'countSheetDescription', 'countSheetUnit', 'countSheetCounted', 'countSheetSeen'] as const;
const inBoth = (key: string) => [normalizedHeader(renderMessage('es', key)), normalizedHeader(renderMessage('en', key))];

export async function countSheetWorkbook(warehouse: Warehouse, lines: CountSheetLine[], reference: string, language: Language): Promise<Buffer> {
  const t = (key: string, params: Record<string, string | number> = {}) => renderMessage(language, key, params);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t('countSheetTitle', { warehouse: '' }).slice(0, 31).trim());
  sheet.addRow([t('countSheetTitle', { warehouse: warehouse.name })]).font = { bold: true, size: 14 };
  sheet.addRow([t('countSheetCountedBy', { date: formatDate(new Date(), 'date', language) })]);
  sheet.addRow([t('countSheetReference'), reference]);
  sheet.addRow(COLUMNS.map((key) => t(key))).font = { bold: true };
  for (const line of lines) sheet.addRow([line.bin ?? '', line.code, line.description, line.unit, null, line.seen]);
  sheet.columns = [{ width: 14 }, { width: 18 }, { width: 48 }, { width: 10 }, { width: 20 }, { width: 12, hidden: true }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The filled sheet's reference and lines, found by their labels in Spanish or English (any of the first ten rows). */
export async function readCountSheet(body: Buffer): Promise<CountedSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new Refusal('openingBalancesNotAWorkbook', {}, { field: 'file' });
  }
  const sheet = workbook.worksheets[0];
  let reference = '';
  for (let n = 1; sheet && n <= Math.min(10, sheet.rowCount); n++) {
    const values = sheet.getRow(n).values as ExcelJS.CellValue[];
    if (inBoth('countSheetReference').includes(normalizedHeader(cellText(values[1] ?? null)))) reference = cellText(values[2] ?? null);
    const headers = values.map((v) => normalizedHeader(cellText(v)));
    const position = (key: string) => headers.findIndex((h) => h && inBoth(key).includes(h));
    const [code, counted, seen] = [position('countSheetCode'), position('countSheetCounted'), position('countSheetSeen')];
    if (code < 0 || counted < 0) continue;
    if (!reference || seen < 0) throw new Refusal('countImport_noReference', {}, { field: 'file' });
    const rows: CountedSheet['rows'] = [];
    for (let r = n + 1; r <= sheet.rowCount; r++) {
      const line = sheet.getRow(r).values as ExcelJS.CellValue[];
      const at = (i: number) => line[i] ?? null;
      if (!cellText(at(code)) && !cellText(at(counted))) continue;
      rows.push({ row: r, code: cellText(at(code)), counted: cellValue(at(counted)), seen: cellValue(at(seen)) });
    }
    return { reference, rows };
  }
  throw new Refusal('countImport_noHeader', {}, { field: 'file' });
}
