// "Exportar a Excel" of an importable list: the rows the viewer sees (same filters, same row rules: it
// reads through the resource's adapter as him), streamed as .xlsx with the import template's columns,
// references by code, so an exported sheet can be corrected and imported back.
import type AdminJS from 'adminjs';
import type { BaseRecord, CurrentAdmin } from 'adminjs';
import type { Request, Response } from 'express';
import { wallClockOf } from '../../domain/imports/cell-values.js';
import { importDefinitionOf } from '../../domain/imports/definitions/index.js';
import { choicesOf, columnLabels, type ImportDefinition } from '../../domain/imports/import-definition.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import { listQueryOf, xlsxDownload } from '../list-export.js';
import { exportAnyList } from '../generic-list-export.js';
import { EXPORTABLE_MODELS } from '../../resources/excel-actions.js';
import type { Prisma } from '@prisma/client';

const PAGE = 2_000;
export const LIST_EXPORT_ROW_LIMIT = 500_000;

export function exportListHandler(admin: AdminJS, prisma: Db, timeZone: string) {
  return async (req: Request, res: Response): Promise<void> => {
    const currentAdmin = req.session.adminUser as CurrentAdmin | undefined;
    const definition = importDefinitionOf(String(req.params.resourceId));
    if (!definition) {
      // A list without an import declaration: its own columns (admin/generic-list-export.ts).
      const model = String(req.params.resourceId) as Prisma.ModelName;
      if (!(EXPORTABLE_MODELS as readonly string[]).includes(model)) {
        res.status(404).json({ error: 'not found', message: 'notFound' });
        return;
      }
      return exportAnyList(admin, req, res, model);
    }
    const ability = abilityOf(currentAdmin);
    if (!ability.can('export', definition.model) || !ability.can('read', definition.model)) {
      res.status(403).json({ error: 'forbidden', message: 'forbiddenError' });
      return;
    }
    const { resource, filter, context } = await listQueryOf(admin, definition.model, currentAdmin, req);
    const workbook = xlsxDownload(res, definition.kind);
    const sheet = workbook.addWorksheet(definition.sheetName);
    sheet.columns = definition.columns.map((column) => ({
      header: columnLabels(definition, column).es,
      key: column.field,
      width: 22,
      style: column.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : column.type === 'instant' ? { numFmt: 'dd/mm/yyyy hh:mm' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    const toCells = cellsOf(definition, prisma, timeZone);
    for (let offset = 0; offset < LIST_EXPORT_ROW_LIMIT; offset += PAGE) {
      const records = await resource.find(filter, { limit: PAGE, offset, sort: { sortBy: 'id', direction: 'asc' } }, context);
      for (const row of await toCells(records)) sheet.addRow(row).commit();
      if (records.length < PAGE) break;
    }
    sheet.commit();
    await workbook.commit();
  };
}

/** Record params to cells: references by code (one query per column and page), closed values by label. */
function cellsOf(definition: ImportDefinition, prisma: Db, timeZone: string) {
  const labels = new Map(definition.columns.filter((c) => c.type === 'choice').map((c) => [c.field, new Map(choicesOf(definition, c).map((x) => [x.code, x.labels[0] ?? x.code]))]));
  return async (records: BaseRecord[]) => {
    const codes = new Map<string, Map<number, string>>();
    for (const column of definition.columns) {
      if (!column.reference) continue;
      const ids = [...new Set(records.map((r) => Number(r.params[column.field])).filter((id) => Number.isInteger(id) && id > 0))];
      const by = column.reference.by[0]!;
      const found = ids.length
        ? await prisma.$queryRawUnsafe<{ id: number; code: string }[]>(`SELECT id, "${by}" AS code FROM "${column.reference.table}" WHERE id = ANY($1::int[])`, ids)
        : [];
      codes.set(column.field, new Map(found.map((f) => [f.id, f.code])));
    }
    return records.map((record) =>
      Object.fromEntries(
        definition.columns.map((column) => {
          const value = record.params[column.field];
          if (value === undefined || value === null || value === '') return [column.field, null];
          switch (column.type) {
            case 'reference':
              return [column.field, codes.get(column.field)!.get(Number(value)) ?? null];
            case 'choice':
              return [column.field, labels.get(column.field)!.get(String(value)) ?? value];
            case 'boolean':
              return [column.field, value === true || value === 'true' ? 'Sí' : 'No'];
            case 'decimal':
            case 'integer':
              return [column.field, Number(value)];
            case 'date':
              return [column.field, new Date(`${(value instanceof Date ? value.toISOString() : String(value)).slice(0, 10)}T00:00:00Z`)];
            case 'instant':
              return [column.field, wallClockOf(new Date(String(value)), timeZone)];
            default:
              return [column.field, String(value)];
          }
        }),
      ),
    );
  };
}
