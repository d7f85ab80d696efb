// The storeroom's routes AdminJS does not draw, inside the /admin router (session, CSRF, rights read afresh):
//   GET /inventory/warehouses/:id/count-sheet.xlsx   the warehouse's count sheet (domain/inventory/count-sheet.ts),
//       in the reader's language: bin, code, description, unit and an empty "counted" column, to print or fill in
import ExcelJS from 'exceljs';
import express, { type Request } from 'express';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { countSheetOf } from '../../domain/inventory/count-sheet.js';
import { parseRecordId } from '../../domain/record-id.js';
import { Refusal } from '../../domain/refusal.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import { formatDate } from '../components/plant-format.js';
import { languageOf, renderMessage } from '../locales/render.js';

export function inventoryRoutes(options: { prisma: Db }): express.Router {
  const { prisma } = options;
  const router = express.Router();
  const user = (req: Request) => req.session.adminUser as CurrentUser;

  router.get('/inventory/warehouses/:id/count-sheet.xlsx', async (req, res, next) => {
    try {
      const id = parseRecordId(req.params.id);
      if (id === null) throw new Refusal('stockRefused_unknownWarehouse', {}, { kind: 'notFound' });
      const { warehouse, lines } = await countSheetOf(prisma, abilityOf(user(req)), id);
      const language = languageOf(typeof req.query.language === 'string' ? req.query.language : user(req).locale);
      const t = (key: string, params: Record<string, string | number> = {}) => renderMessage(language, key, params);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(t('countSheetTitle', { warehouse: '' }).slice(0, 31).trim());
      sheet.addRow([t('countSheetTitle', { warehouse: warehouse.name })]).font = { bold: true, size: 14 };
      sheet.addRow([t('countSheetCountedBy', { date: formatDate(new Date(), 'date', language) })]);
      sheet.addRow([]);
      const header = sheet.addRow(['countSheetBin', 'countSheetCode', 'countSheetDescription', 'countSheetUnit', 'countSheetCounted'].map((key) => t(key)));
      header.font = { bold: true };
      for (const line of lines) sheet.addRow([line.bin ?? '', line.code, line.description, line.unit, null]);
      sheet.columns = [{ width: 14 }, { width: 18 }, { width: 48 }, { width: 10 }, { width: 20 }];
      const file = `${t('countSheetFile')}-${warehouse.code}.xlsx`.replace(/[^\w.-]+/g, '-');
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
      res.end(Buffer.from(await workbook.xlsx.writeBuffer()));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
