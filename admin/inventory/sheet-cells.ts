// Reading the storeroom's small workbooks (opening balances, a filled count sheet): a cell as typed
// (a formula by its value, rich text as its text) and header names compared without case, accents or spaces.
import type ExcelJS from 'exceljs';

export const normalizedHeader = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/gi, '').toLowerCase();

export const cellValue = (value: ExcelJS.CellValue): unknown =>
  value && typeof value === 'object' && 'result' in value ? value.result : value && typeof value === 'object' && 'richText' in value ? value.richText.map((t) => t.text).join('') : value;

export const cellText = (value: ExcelJS.CellValue) => {
  const v = cellValue(value);
  return v === null || v === undefined ? '' : String(v).trim();
};
