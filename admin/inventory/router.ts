// The storeroom's routes AdminJS does not draw, inside the /admin router (session, CSRF, rights read afresh):
//   GET /inventory/warehouses/:id/count-sheet.xlsx   the warehouse's count sheet (domain/inventory/count-sheet.ts),
//       in the reader's language: bin, code, description, unit and an empty "counted" column, to print or fill in
//   POST /inventory/warehouses/:id/count-sheet       that sheet filled in (the .xlsx as the body; ?reason= the count's
//        reason), posted as COUNT movements (domain/inventory/count-sheet-import.ts); every problem answered at once (422)
//   GET  /inventory/opening-balances/template.xlsx   the opening balances' sheet: material, warehouse, bin, quantity, unit cost
//   POST /inventory/opening-balances                 that sheet filled in (the .xlsx as the body), posted as COUNT
//        movements (domain/inventory/opening-balances.ts); every problem of every row answered at once (422)
import ExcelJS from 'exceljs';
import express, { type Request } from 'express';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { countSheetOf } from '../../domain/inventory/count-sheet.js';
import { postOpeningBalances, type OpeningBalanceRow } from '../../domain/inventory/opening-balances.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { parseRecordId } from '../../domain/record-id.js';
import { Refusal } from '../../domain/refusal.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import { formatDate } from '../components/plant-format.js';
import { languageOf, renderMessage, type Language } from '../locales/render.js';
import { inRequestContext } from '../request-bodies.js';
import { AccessDeniedError } from '../../domain/access/abilities.js';
import { countReference, importCountSheet } from '../../domain/inventory/count-sheet-import.js';
import { countSheetWorkbook, readCountSheet } from './count-sheet-workbook.js';
import { cellText, cellValue, normalizedHeader } from './sheet-cells.js';

// The opening balances' columns, named in both languages (a sheet in either is read).
const OPENING_COLUMNS = ['material', 'warehouse', 'bin', 'quantity', 'unitCost'] as const;
const normalized = normalizedHeader;
const headerOf = (language: Language, column: string) => renderMessage(language, `openingBalanceColumn_${column}`);

/** The sheet's rows as typed, found by their header row (any of the first ten rows) in Spanish or English. */
async function openingBalanceRows(body: Buffer): Promise<OpeningBalanceRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new Refusal('openingBalancesNotAWorkbook', {}, { field: 'file' });
  }
  const sheet = workbook.worksheets[0];
  const [cell, text] = [cellValue, cellText];
  for (let headerRow = 1; sheet && headerRow <= Math.min(10, sheet.rowCount); headerRow++) {
    const headers = (sheet.getRow(headerRow).values as ExcelJS.CellValue[]).map((v) => normalized(text(v)));
    const position = Object.fromEntries(OPENING_COLUMNS.map((c) => [c, headers.findIndex((h) => h && (h === normalized(headerOf('es', c)) || h === normalized(headerOf('en', c))))]));
    if (position.material! < 0 || position.warehouse! < 0 || position.quantity! < 0) continue;
    const rows: OpeningBalanceRow[] = [];
    for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
      const values = sheet.getRow(n).values as ExcelJS.CellValue[];
      const at = (column: (typeof OPENING_COLUMNS)[number]) => (position[column]! > 0 ? values[position[column]!] : null);
      if (OPENING_COLUMNS.every((c) => text(at(c)) === '')) continue;
      rows.push({ row: n, material: text(at('material')), warehouse: text(at('warehouse')), bin: text(at('bin')), quantity: cell(at('quantity')) ?? '', unitCost: cell(at('unitCost')) ?? '' });
    }
    return rows;
  }
  throw new Refusal('openingBalancesNoHeader', { columns: OPENING_COLUMNS.map((c) => headerOf('es', c)).join(', ') }, { field: 'file' });
}

/** A refusal of a whole sheet as the upload forms show it: the message, then each row's problem. */
const refusalAnswer = (language: Language, error: Refusal) => ({
  message: renderMessage(language, error.key, error.params),
  errors: error.fields.map((f) => ({ field: f.field, message: renderMessage(language, f.key, f.params) })),
});

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
      const reference = countReference(warehouse.code, new Date());
      const file = `${renderMessage(language, 'countSheetFile')}-${warehouse.code}.xlsx`.replace(/[^\w.-]+/g, '-');
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
      res.end(await countSheetWorkbook(warehouse, lines, reference, language));
    } catch (error) {
      next(error);
    }
  });
  router.get('/inventory/opening-balances/template.xlsx', async (req, res, next) => {
    try {
      if (!abilityOf(user(req)).can('adjust', 'StockLevel')) throw new AccessDeniedError('adjust', 'StockLevel');
      const language = languageOf(typeof req.query.language === 'string' ? req.query.language : user(req).locale);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(renderMessage(language, 'openingBalancesSheet'));
      sheet.addRow(OPENING_COLUMNS.map((c) => headerOf(language, c))).font = { bold: true };
      sheet.addRow(['ROD-6205', 'ALM-CEN', 'A-01', 12, 6.5]);
      sheet.columns = [{ width: 18 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 14 }];
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="${renderMessage(language, 'openingBalancesFile')}.xlsx"`);
      res.end(Buffer.from(await workbook.xlsx.writeBuffer()));
    } catch (error) {
      next(error);
    }
  });

  router.post('/inventory/opening-balances', inRequestContext(express.raw({ type: () => true, limit: '10mb' })), async (req, res, next) => {
    try {
      const ability = abilityOf(user(req));
      // An opening balance posts anywhere by code: a user scoped to sites does not post them, as he runs no imports.
      if (!ability.can('adjust', 'StockLevel') || user(req).access.sitePaths.length) throw new AccessDeniedError('adjust', 'StockLevel');
      if (!Buffer.isBuffer(req.body) || !req.body.length) throw new MalformedInputError('malformedRequest');
      const language = languageOf(typeof req.query.language === 'string' ? req.query.language : user(req).locale);
      try {
        const rows = await openingBalanceRows(req.body);
        const posted = await postOpeningBalances(prisma, ability, user(req).access.userId, rows);
        res.json({ message: renderMessage(language, 'openingBalancesPosted', { count: posted.posted }), posted: posted.posted });
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        res.status(422).json(refusalAnswer(language, error));
      }
    } catch (error) {
      next(error);
    }
  });

  router.post('/inventory/warehouses/:id/count-sheet', inRequestContext(express.raw({ type: () => true, limit: '10mb' })), async (req, res, next) => {
    try {
      const id = parseRecordId(req.params.id);
      if (id === null) throw new Refusal('stockRefused_unknownWarehouse', {}, { kind: 'notFound' });
      if (!Buffer.isBuffer(req.body) || !req.body.length) throw new MalformedInputError('malformedRequest');
      const language = languageOf(typeof req.query.language === 'string' ? req.query.language : user(req).locale);
      const reason = typeof req.query.reason === 'string' && req.query.reason.trim() ? req.query.reason.trim().slice(0, 500) : null;
      try {
        const sheet = await readCountSheet(req.body);
        const result = await importCountSheet(prisma, abilityOf(user(req)), user(req).access.userId, id, sheet, reason);
        const message = result.alreadyPosted
          ? renderMessage(language, 'countImportAlreadyPosted', { date: formatDate(result.postedAt, 'datetime', language) })
          : renderMessage(language, 'countImportPosted', { count: result.posted, differences: result.differences });
        res.json({ message, ...result });
      } catch (error) {
        if (!(error instanceof Refusal) || error.kind !== 'invalid') throw error;
        res.status(422).json(refusalAnswer(language, error));
      }
    } catch (error) {
      next(error);
    }
  });
  return router;
}
