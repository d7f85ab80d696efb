// POST /printables/labels.pdf?filters.*&format=&lang=  the QR labels of the assets the list shows (a POST:
// printing gives assets without one their portal link). The list's filters are read and checked exactly
// as the Excel export reads them (admin/exports/export-request.ts), and the rows come from the same
// adapter (the viewer's rules, sites included).
import type AdminJS from 'adminjs';
import type { ActionContext, CurrentAdmin } from 'adminjs';
import express, { type Request } from 'express';
import { AccessDeniedError } from '../../domain/access/abilities.js';
import { labelFormatOf } from '../../domain/printables/label-formats.js';
import { printAssetLabels, type AssetIdSource } from '../../domain/printables/print-labels.js';
import { Refusal } from '../../domain/refusal.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import type { CmmsPrismaResource } from '../adapter/prisma-resource.js';
import { exportFilter, ExportRequestError } from '../exports/export-request.js';
import { renderMessage } from '../locales/render.js';
import { handle, printLanguage, sendPdf } from './pdf-answer.js';

/** The address QR codes lead to: PUBLIC_URL when set, else the address this request came to. */
export const publicBaseUrl = (req: Request, publicUrl: string | undefined) => publicUrl ?? `${req.protocol}://${req.get('host')}`;

export function labelRoutes(options: { admin: AdminJS; prisma: Db; publicUrl: string | undefined }): express.Router {
  const router = express.Router();
  router.post('/printables/labels.pdf', handle(async (req, res) => {
    const currentAdmin = req.session.adminUser as CurrentAdmin;
    const ability = abilityOf(currentAdmin);
    if (!ability.can('read', 'Asset') || !ability.can('export', 'Asset')) throw new AccessDeniedError('export', 'Asset');
    const language = printLanguage(req);
    const format = labelFormatOf(req.query.format);
    if (!format) throw new Refusal('labelsUnknownFormat', { value: String(req.query.format).slice(0, 40) }, { kind: 'malformed' });
    const resource = options.admin.findResource('Asset') as unknown as CmmsPrismaResource;
    let filter;
    try {
      filter = exportFilter(req, resource);
    } catch (error) {
      if (error instanceof ExportRequestError) throw new Refusal(error.key, error.params, { kind: 'malformed' });
      throw error;
    }
    const readable = await resource.readableRows(filter, { currentAdmin } as ActionContext);
    if (!readable) throw new AccessDeniedError('read', 'Asset');
    const { pdf } = await printAssetLabels(options.prisma, ability, { where: readable.where, ids: readable.ids as unknown as AssetIdSource }, {
      format,
      language,
      baseUrl: publicBaseUrl(req, options.publicUrl),
      title: renderMessage(language, 'labelsTitle'),
      noLinkText: renderMessage(language, 'labelsNoLink'),
    });
    sendPdf(res, pdf, `${renderMessage(language, 'labelsFile')}-${format.code}.pdf`);
  }));
  return router;
}
