// "Descargar plantilla": the sheet a clerk fills in, with the expected headers (Spanish), one example
// row, drop-down lists where values are closed, and a note on each header.
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { choicesOf, columnLabels, type ImportDefinition } from './import-definition.js';

const TEMPLATE_ROWS = 2_000;

export async function writeTemplate(definition: ImportDefinition, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet(definition.sheetName);
  sheet.columns = definition.columns.map((column) => ({ header: columnLabels(definition, column).es, key: column.field, width: 24 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  definition.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    const hints = [column.required ? 'Obligatorio.' : 'Opcional.'];
    if (column.type === 'date') hints.push('Fecha dd/mm/aaaa.');
    if (column.type === 'instant') hints.push('Fecha y hora dd/mm/aaaa hh:mm (hora de la planta).');
    if (column.type === 'decimal') hints.push('Número; admite coma decimal.');
    if (column.type === 'weekdays') hints.push('Días laborables: 1-5, L-V o lunes a viernes.');
    if (column.type === 'time') hints.push('Hora hh:mm.');
    if (column.type === 'email') hints.push('Correo electrónico.');
    if (column.type === 'choices')
      hints.push(`Uno o varios, separados por comas o punto y coma: ${choicesOf(definition, column).map((c) => c.labels[0] ?? c.code).join(', ')}. Vacío: no cambia los que tenga.`);
    if (column.reference?.createMissing) hints.push('Si no existe, "Crear los que falten" la crea con ese nombre.');
    if (column.reference) hints.push(`Código de ${column.reference.noun.replace(/^(el|la) /, '')} existente.`);
    cell.note = hints.join(' ');
  });
  header.commit();
  sheet.addRow(
    Object.fromEntries(
      definition.columns.map((column) => {
        if (column.type === 'choice' && typeof column.example === 'string') return [column.field, column.example];
        return [column.field, column.example ?? undefined];
      }),
    ),
  ).commit();
  // Closed values as drop-down lists (their Spanish labels; codes and English labels are accepted too).
  definition.columns.forEach((column, i) => {
    const values = column.type === 'choice' ? choicesOf(definition, column).map((c) => c.labels[0] ?? c.code) : column.type === 'boolean' ? ['Sí', 'No'] : null;
    if (!values) return;
    const letter = sheet.getColumn(i + 1).letter;
    (sheet as unknown as { dataValidations: { add(range: string, validation: object): void } }).dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Valor no permitido',
      error: `Elija uno de: ${values.join(', ')}`,
    });
  });
  sheet.commit();
  await workbook.commit();
}
