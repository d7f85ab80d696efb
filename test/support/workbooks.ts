// Messy workbooks as clerks make them, built in the tests with exceljs (nothing checked in).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export type Cell = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

/** An .xlsx whose first sheet holds `rows` from row 1 (null rows stay blank). */
export async function aWorkbook(rows: (Cell[] | null)[], options: { sheetName?: string; extraSheet?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Hoja1');
  rows.forEach((row, i) => {
    if (!row) return;
    row.forEach((cell, j) => {
      const target = sheet.getCell(i + 1, j + 1);
      if (cell && typeof cell === 'object' && 'numFmt' in cell) {
        target.value = cell.value;
        target.numFmt = cell.numFmt;
      } else target.value = cell as ExcelJS.CellValue;
    });
  });
  if (options.extraSheet) workbook.addWorksheet('Notas').getCell('A1').value = 'No importar';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A large sheet written with the streaming writer (benchmarks, row limits). */
export async function aLargeWorkbook(file: string, headers: string[], rowCount: number, row: (i: number) => ExcelJS.CellValue[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Datos');
  sheet.addRow(headers).commit();
  for (let i = 0; i < rowCount; i++) sheet.addRow(row(i)).commit();
  sheet.commit();
  await workbook.commit();
}

/** A workbook whose text inflates from a few hundred KB to `megabytes` of text when read: a zip bomb's
 * shape. In one cell (far past Excel's 32 767 characters), or spread over `cells` rows whose texts each
 * stay within Excel's limit (the texts are the shared strings the cells name). */
export async function anInflatingWorkbook(header: string[], megabytes: number, cells = 1): Promise<Buffer> {
  const rows = Array.from({ length: cells }, (_, row) => header.map((_, i) => (i === 0 ? `X-${row + 1}` : `TEXTO-QUE-CRECE-${row}-`)));
  const zip = await JSZip.loadAsync(await aWorkbook([header, ...rows]));
  const length = Math.floor((megabytes * 1024 * 1024) / cells);
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  zip.file('xl/sharedStrings.xml', strings.replace(/TEXTO-QUE-CRECE-(\d+)-/g, (_, row: string) => row.padEnd(length, 'a')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}
