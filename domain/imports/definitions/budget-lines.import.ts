import { budgetLinesWriter } from '../../budgets/import-budget-lines.js';
import type { ColumnDefinition, ImportDefinition } from '../import-definition.js';

const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** One column per month: the line's current amount for it (an empty cell leaves the month as it is). */
const monthColumns: ColumnDefinition[] = MONTHS_ES.map((name, i) => ({
  field: `month${i + 1}`,
  aliases: [name, MONTHS_EN[i]!, name.slice(0, 3), MONTHS_EN[i]!.slice(0, 3), `mes ${i + 1}`],
  type: 'decimal',
  sqlColumn: `month_${i + 1}`,
  sqlType: 'numeric',
  example: 1000,
}));

// Budgets from Excel: one row per budget line, its budget named by code (created, or updated, by it: name,
// cost centre) and its twelve monthly amounts beside it. Written by its own writer (budget, line, months:
// domain/budgets/import-budget-lines.ts), the rest of the pipeline as for every import.
export const budgetLinesImport: ImportDefinition = {
  kind: 'budget-lines',
  model: 'BudgetLine',
  table: 'budget_lines',
  sheetName: 'Presupuestos',
  key: ['budgetCode', 'account'],
  touchesUpdatedAt: false,
  columns: [
    { field: 'budgetCode', aliases: ['codigo presupuesto', 'codigo', 'budget code', 'code'], type: 'text', required: true, maxLength: 40, sqlColumn: 'budget_code', sqlType: 'text', example: 'PN-2026' },
    { field: 'budgetName', aliases: ['nombre presupuesto', 'nombre', 'budget name', 'name'], type: 'text', required: true, maxLength: 150, sqlColumn: 'budget_name', sqlType: 'text', example: 'Planta Norte 2026' },
    { field: 'year', aliases: ['ano', 'year', 'ejercicio'], type: 'integer', required: true, sqlColumn: 'year', sqlType: 'int', example: 2026 },
    {
      field: 'location', aliases: ['centro de costo', 'ubicacion', 'cost centre', 'location'], type: 'reference', sqlColumn: 'location_id', sqlType: 'int', example: 'PN',
      reference: { table: 'locations', by: ['code', 'name'], noun: 'la ubicación' },
    },
    { field: 'department', aliases: ['departamento', 'department'], type: 'text', maxLength: 100, sqlColumn: 'department', sqlType: 'text', example: '' },
    { field: 'account', aliases: ['cuenta', 'account'], type: 'choice', required: true, sqlColumn: 'account', sqlType: 'text', example: 'Materiales' },
    { field: 'description', aliases: ['descripcion', 'description'], type: 'text', maxLength: 200, sqlColumn: 'description', sqlType: 'text', example: 'Repuestos mecánicos' },
    ...monthColumns,
  ],
  check: (row) => {
    if (!row.location === !row.department)
      return { field: row.location ? 'department' : 'location', reason: 'Indique el centro de costo: una ubicación o un departamento (uno de los dos, no ambos).' };
    if (typeof row.year === 'number' && (row.year < 2000 || row.year > 2100)) return { field: 'year', reason: `El año ${row.year} no es un ejercicio válido (2000 a 2100).` };
    const negative = monthColumns.find((column) => typeof row[column.field] === 'number' && (row[column.field] as number) < 0);
    if (negative) return { field: negative.field, reason: 'Un importe del presupuesto no puede ser negativo.' };
    return null;
  },
  writer: budgetLinesWriter,
};
