// Excel exports over HTTP, inside the /admin router (session, rights read afresh on every request):
//   GET /exports/:resourceId.xlsx      "Exportar a Excel" of a list: its filters, the viewer's row rules;
//                                      importable lists in their import template's columns
//   GET /exports/ChangeHistory.xlsx    the global change history (also at /history/export.xlsx)
import type AdminJS from 'adminjs';
import { NotFoundError, type ActionContext, type CurrentAdmin } from 'adminjs';
import express, { type NextFunction, type Request, type Response } from 'express';
import type pg from 'pg';
import { AccessDeniedError } from '../../domain/access/abilities.js';
import { importDefinitionOf } from '../../domain/imports/definitions/index.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import type { CmmsPrismaResource } from '../adapter/prisma-resource.js';
import { renderMessage, type Language } from '../locales/render.js';
import { exportFilter, exportLanguage, ExportRequestError } from './export-request.js';
import { isExportable } from './exportable-models.js';
import { historySheet } from './history-sheet.js';
import { listSheet } from './list-sheet.js';
import type { ExportSheet } from './sheet.js';
import { streamExport } from './stream-export.js';
import { templateSheet } from './template-sheet.js';

export interface ExportRoutesOptions {
  admin: AdminJS;
  prisma: Db;
  pool: pg.Pool;
  /** Where the rows are read: the read replica (DATABASE_REPLICA_URL), or the primary; same row rules. */
  reports?: { prisma: Db; pool: pg.Pool };
  timeZone: string;
}

export function exportRoutes(options: ExportRoutesOptions): express.Router {
  const router = express.Router();

  /** Streams `sheet` with the rows of `resourceId`'s list that the signed-in user sees with the request's filters. */
  const send = async (req: Request, res: Response, resourceId: string, sheetFor: (language: Language) => ExportSheet) => {
    const currentAdmin = req.session.adminUser as CurrentAdmin | undefined;
    let language: Language = currentAdmin?.locale === 'en' ? 'en' : 'es';
    try {
      language = exportLanguage(req, currentAdmin?.locale);
      const resource = options.admin.findResource(resourceId) as unknown as CmmsPrismaResource;
      const filter = exportFilter(req, resource);
      const readable = await resource.readableRows(filter, { currentAdmin } as ActionContext, options.reports?.prisma);
      if (!readable) throw new AccessDeniedError('read', resourceId);
      const sheet = sheetFor(language);
      await streamExport(res, { sheet, where: readable.where, ids: readable.ids, pool: options.reports?.pool ?? options.pool, timeZone: options.timeZone, language });
    } catch (error) {
      if (error instanceof ExportRequestError)
        return void res.status(400).json({ error: 'bad request', message: renderMessage(language, error.key, error.params) });
      throw error;
    }
  };

  const exportHistory = handle(async (req, res) => {
    if (!abilityOf(req.session.adminUser).can('read', 'History')) throw new AccessDeniedError('read', 'History');
    await send(req, res, 'ChangeHistory', historySheet);
  });
  router.get('/exports/ChangeHistory.xlsx', exportHistory);
  router.get('/history/export.xlsx', exportHistory); // the address of earlier versions

  router.get('/exports/:resourceId.xlsx', handle(async (req, res) => {
    const model = String(req.params.resourceId);
    if (!isExportable(model)) throw new NotFoundError(`no export of ${model}`, 'export');
    const ability = abilityOf(req.session.adminUser);
    if (!ability.can('export', model) || !ability.can('read', model)) throw new AccessDeniedError('export', model);
    const definition = importDefinitionOf(model);
    const resource = options.admin.findResource(model);
    // A definition with its own writer spans several tables (budgets): its list is exported as a plain list.
    await send(req, res, model, (language) => (definition && !definition.writer ? templateSheet(definition, language) : listSheet(resource, model, language)));
  }));

  return router;
}

/** Express 4 does not await handlers. A failure after the first bytes cannot become an error page:
 * the download is cut, so the browser reports it failed rather than saving half a workbook. */
function handle(run: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, next: NextFunction) => {
    run(req, res).catch((error: unknown) => {
      if (!res.headersSent) return next(error);
      req.log?.error({ err: error }, 'export failed while streaming');
      res.destroy(error instanceof Error ? error : undefined);
    });
  };
}
