// "Exportar a Excel" on a budget's page: its figures as the page shows them (each line's twelve months and
// the year: budget original and current, committed, actual, available, % used), in the reader's language,
// amounts as numbers a spreadsheet can add. A budget is a handful of lines: built in memory, not streamed.
import ExcelJS from 'exceljs';
import type { BudgetFigures } from '../../domain/budgets/budget-figures.js';
import { resourceTranslationsEN } from '../../domain/labels/resources.en.js';
import { resourceTranslationsES } from '../../domain/labels/resources.es.js';
import { renderMessage, type Language } from '../locales/render.js';

const AMOUNT = '#,##0.00';
const COLUMNS = ['budgetColumnBudgetOriginal', 'budgetColumnBudget', 'budgetColumnCommitted', 'budgetColumnActual', 'budgetColumnAvailable', 'budgetColumnUsed'] as const;

export async function budgetWorkbook(figures: BudgetFigures, language: Language): Promise<Buffer> {
  const t = (key: string, params: Record<string, string | number> = {}) => renderMessage(language, key, params);
  const accounts = (language === 'en' ? resourceTranslationsEN : resourceTranslationsES).BudgetLine.labels.account as Record<string, string>;
  const monthName = (month: number) => new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(figures.year, month, 1)));

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(figures.code.slice(0, 31));
  sheet.addRow([`${figures.code} · ${figures.name}`]).font = { bold: true, size: 13 };
  sheet.addRow([t('budgetFiguresTitle', { year: figures.year }), figures.costCentre]);
  sheet.addRow([]);
  const header = sheet.addRow([t('budgetColumnLine'), t('budgetColumnMonth'), ...COLUMNS.map((key) => t(key))]);
  header.font = { bold: true };
  const lineName = (line: BudgetFigures['lines'][number]) => `${accounts[line.account] ?? line.account}${line.description ? ` · ${line.description}` : ''}`;
  const amounts = (f: BudgetFigures['total']) => [f.original, f.current, f.committed, f.actual, f.available, f.usedPercent === null ? null : Math.round(f.usedPercent * 10) / 1000];
  for (const line of figures.lines) {
    line.months.forEach((month, index) => sheet.addRow([lineName(line), monthName(index), ...amounts(month)]));
    sheet.addRow([lineName(line), t('budgetColumnYear'), ...amounts(line.total)]).font = { bold: true };
  }
  sheet.addRow([t('budgetColumnTotal'), t('budgetColumnYear'), ...amounts(figures.total)]).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = index < 2 ? 34 : 16;
    if (index >= 2) column.numFmt = index === 7 ? '0.0%' : AMOUNT;
  });
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
