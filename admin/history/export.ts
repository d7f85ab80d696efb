// "Exportar a Excel" of the global change history: the rows the viewer sees in the list (same filters,
// same rules: it reads through the resource's adapter as him), streamed to the browser as .xlsx.
import type AdminJS from 'adminjs';
import type { CurrentAdmin } from 'adminjs';
import type { Request, Response } from 'express';
import { abilityOf } from '../access.js';
import { listQueryOf, xlsxDownload } from '../list-export.js';

const PAGE = 1_000;
export const EXPORT_ROW_LIMIT = 200_000;
const COLUMNS = [
  { header: 'Fecha', key: 'changedAt', width: 22 },
  { header: 'Tabla', key: 'tableName', width: 22 },
  { header: 'Registro', key: 'recordId', width: 12 },
  { header: 'Acción', key: 'action', width: 10 },
  { header: 'Autor', key: 'actorLabel', width: 34 },
  { header: 'Solicitud', key: 'requestId', width: 38 },
  { header: 'IP', key: 'ip', width: 16 },
  { header: 'Antes', key: 'before', width: 60 },
  { header: 'Después', key: 'after', width: 60 },
];

export function historyExportHandler(admin: AdminJS) {
  return async (req: Request, res: Response): Promise<void> => {
    const currentAdmin = req.session.adminUser as CurrentAdmin | undefined;
    if (!abilityOf(currentAdmin).can('read', 'History')) {
      res.status(403).json({ error: 'forbidden', message: 'forbiddenError' });
      return;
    }
    const { resource, filter, context } = await listQueryOf(admin, 'ChangeHistory', currentAdmin, req);
    const workbook = xlsxDownload(res, 'historial');
    const sheet = workbook.addWorksheet('Historial');
    sheet.columns = COLUMNS;
    sheet.getRow(1).font = { bold: true };
    for (let offset = 0; offset < EXPORT_ROW_LIMIT; offset += PAGE) {
      const records = await resource.find(filter, { limit: PAGE, offset, sort: { sortBy: 'id', direction: 'desc' } }, context);
      for (const record of records) {
        const changes = (record.params.changes ?? {}) as { before?: unknown; after?: unknown };
        const unflat = (prefix: 'before' | 'after') => {
          const entries = Object.entries(record.params).filter(([key]) => key.startsWith(`changes.${prefix}.`));
          return entries.length ? JSON.stringify(Object.fromEntries(entries.map(([key, value]) => [key.slice(`changes.${prefix}.`.length), value]))) : changes[prefix] ? JSON.stringify(changes[prefix]) : '';
        };
        sheet.addRow({ ...record.params, changedAt: new Date(String(record.params.changedAt)), before: unflat('before'), after: unflat('after') }).commit();
      }
      if (records.length < PAGE) break;
    }
    sheet.commit();
    await workbook.commit();
  };
}
