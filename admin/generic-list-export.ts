// "Exportar a Excel" of a list without an import declaration (work orders, requests, closures...): the
// columns the list shows, with their Spanish labels, references by their title and closed values by
// their label; the rows are read through the resource's adapter as the viewer (filters, row rules).
import type AdminJS from 'adminjs';
import { populator, type BaseRecord, type CurrentAdmin } from 'adminjs';
import type { Prisma } from '@prisma/client';
import type { Request, Response } from 'express';
import { resourceTranslationsES } from '../domain/labels/resources.es.js';
import { abilityOf } from './access.js';
import { listQueryOf, xlsxDownload } from './list-export.js';

const PAGE = 1_000;
export const GENERIC_EXPORT_ROW_LIMIT = 200_000;

type Translations = Record<string, { properties?: Record<string, string>; labels?: Record<string, Record<string, string>> }>;

export async function exportAnyList(admin: AdminJS, req: Request, res: Response, model: Prisma.ModelName): Promise<void> {
  const currentAdmin = req.session.adminUser as CurrentAdmin | undefined;
  const ability = abilityOf(currentAdmin);
  if (!ability.can('export', model) || !ability.can('read', model)) {
    res.status(403).json({ error: 'forbidden', message: 'forbiddenError' });
    return;
  }
  const { resource, filter, context } = await listQueryOf(admin, model, currentAdmin, req);
  const spanish = (resourceTranslationsES as Translations)[model] ?? {};
  const properties = resource.decorate().getProperties({ where: 'list' });
  const workbook = xlsxDownload(res, model);
  const sheet = workbook.addWorksheet(model.slice(0, 31));
  sheet.columns = properties.map((p) => ({ header: spanish.properties?.[p.name()] ?? p.name(), key: p.name(), width: 24 }));
  sheet.getRow(1).font = { bold: true };
  const cell = (record: BaseRecord, name: string, type: string) => {
    const value = record.params[name];
    if (value === undefined || value === null || value === '') return null;
    if (type === 'reference') return record.populated[name]?.title ?? value;
    if (type === 'boolean') return value === true || value === 'true' ? 'Sí' : 'No';
    if (type === 'date' || type === 'datetime') return new Date(String(value));
    return spanish.labels?.[name]?.[String(value)] ?? value;
  };
  for (let offset = 0; offset < GENERIC_EXPORT_ROW_LIMIT; offset += PAGE) {
    const records = await populator(await resource.find(filter, { limit: PAGE, offset, sort: { sortBy: 'id', direction: 'asc' } }, context), context);
    for (const record of records) sheet.addRow(Object.fromEntries(properties.map((p) => [p.name(), cell(record, p.name(), p.type())]))).commit();
    if (records.length < PAGE) break;
  }
  sheet.commit();
  await workbook.commit();
}
