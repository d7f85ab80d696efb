// The error report of an import: one line per problem (row as Excel numbers it, column, value, reason
// in Spanish), streamed from the run's logged errors into an .xlsx kept in storage beside the file.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { Db } from '../../prisma/client.js';

const PAGE = 5_000;

export function errorReportKey(importRunId: number): string {
  return `imports/reports/import-${importRunId}-errores.xlsx`;
}

export async function writeErrorReport(prisma: Db, storage: ObjectStorage, importRunId: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cmms-report-'));
  const file = path.join(dir, 'errores.xlsx');
  try {
    // Loaded when a report is written, not with the worker: exceljs is ~20 MB of a worker's memory, and
    // most imports have nothing to report (the sheet itself is read by xlsx-sheet.mjs).
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
    const sheet = workbook.addWorksheet('Errores');
    sheet.columns = [
      { header: 'Fila', key: 'rowNumber', width: 8 },
      { header: 'Columna', key: 'column', width: 28 },
      { header: 'Valor', key: 'value', width: 30 },
      { header: 'Motivo', key: 'reason', width: 90 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (let after = 0; ; ) {
      const errors = await prisma.importRunError.findMany({
        where: { importRunId, id: { gt: after } },
        orderBy: { id: 'asc' },
        take: PAGE,
      });
      for (const error of errors) sheet.addRow({ ...error, column: error.column ?? '', value: error.value ?? '' }).commit();
      if (errors.length < PAGE) break;
      after = errors.at(-1)!.id;
    }
    sheet.commit();
    await workbook.commit();
    const key = errorReportKey(importRunId);
    await storage.put(key, createReadStream(file), { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    return key;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
