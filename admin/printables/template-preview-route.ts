// GET /printables/templates/:id/preview.pdf?workOrderId=N | ?assetId=N   a stored template (active or not)
// drawn on a real record, as it would print: a work-order print-out on an order the administrator may
// read, a label sheet's label on an asset (with its live QR, or a sample address when it has none yet).
import express from 'express';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { AccessDeniedError, accessibleWhere } from '../../domain/access/abilities.js';
import { portalUrl } from '../../domain/portal/portal-links.js';
import { LABEL_FORMATS } from '../../domain/printables/label-formats.js';
import { labelsPdf } from '../../domain/printables/labels-pdf.js';
import { printWorkOrder } from '../../domain/printables/print-work-orders.js';
import { parseRecordId } from '../../domain/record-id.js';
import { Refusal } from '../../domain/refusal.js';
import { templateLanguageOf } from '../../domain/templates/template-kinds.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import { renderMessage } from '../locales/render.js';
import { publicBaseUrl } from './labels-routes.js';
import { handle, sendPdf } from './pdf-answer.js';

export function templatePreviewRoute(options: { prisma: Db; timeZone: string; publicUrl: string | undefined }): express.Router {
  const { prisma } = options;
  const router = express.Router();
  router.get('/printables/templates/:id/preview.pdf', handle(async (req, res) => {
    const ability = abilityOf(req.session.adminUser as CurrentUser);
    if (!ability.can('read', 'Template')) throw new AccessDeniedError('read', 'Template');
    const id = parseRecordId(req.params.id);
    const template = id === null ? null : await prisma.template.findUnique({ where: { id } });
    if (!template) throw new Refusal('templateNotFound', {}, { kind: 'notFound' });
    const language = templateLanguageOf(template.language);
    if (template.kind === 'WORK_ORDER') {
      const workOrderId = parseRecordId(req.query.workOrderId);
      if (workOrderId === null) throw new Refusal('templatePreviewNeedsOrder', {}, { field: 'workOrderId' });
      const { pdf, number } = await printWorkOrder(prisma, ability, workOrderId, { language, timeZone: options.timeZone, body: template.body });
      return sendPdf(res, pdf, `${number}.pdf`);
    }
    if (template.kind === 'LABEL_SHEET') {
      const assetId = parseRecordId(req.query.assetId);
      const assets = accessibleWhere(ability, 'read', 'Asset');
      const asset = assetId === null || !assets ? null : await prisma.asset.findFirst({
        where: { AND: [{ id: assetId }, assets] },
        select: { code: true, description: true, location: { select: { fullName: true } }, portalLink: { select: { token: true, revokedAt: true } } },
      });
      if (!asset) throw new Refusal('templatePreviewNeedsAsset', {}, { field: 'assetId' });
      const token = asset.portalLink && !asset.portalLink.revokedAt ? asset.portalLink.token : 'vista-previa-sin-enlace-0000000000000';
      const label = { values: { code: asset.code, name: asset.description, location: asset.location.fullName }, url: portalUrl(publicBaseUrl(req, options.publicUrl), token) };
      const pdf = labelsPdf([label], LABEL_FORMATS.L7163!, { body: template.body, title: template.name, noLinkText: renderMessage(language, 'labelsNoLink') });
      return sendPdf(res, pdf, `${template.name}.pdf`);
    }
    throw new Refusal('templatePreviewKind', {}, { field: 'kind' });
  }));
  return router;
}
