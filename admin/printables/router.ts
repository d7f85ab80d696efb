// Printables over HTTP, inside the /admin router (session, CSRF, rights read afresh on every request):
//   GET  /printables/work-orders/:id.pdf                    "Imprimir" an order (its rules: a hidden order is 404)
//   GET  /printables/technician-day.pdf?technicianId=&day=  one PDF of a technician's orders planned that day
//   POST /printables/labels.pdf                             the asset list's QR label sheet (labels-routes.ts)
//   GET  /printables/templates/:id/preview.pdf              a template drawn on a real record (template-preview-route.ts)
// `lang` picks the language (else the reader's). Errors go to the HTTP layer (403, 404, 422 with the reason).
import type AdminJS from 'adminjs';
import express from 'express';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { printTechnicianDay, printWorkOrder } from '../../domain/printables/print-work-orders.js';
import { parseRecordId } from '../../domain/record-id.js';
import { Refusal } from '../../domain/refusal.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import { labelRoutes } from './labels-routes.js';
import { handle, printLanguage, sendPdf } from './pdf-answer.js';
import { templatePreviewRoute } from './template-preview-route.js';

export interface PrintableRoutesOptions {
  admin: AdminJS;
  prisma: Db;
  timeZone: string;
  publicUrl: string | undefined;
}

export function printableRoutes(options: PrintableRoutesOptions): express.Router {
  const { prisma, timeZone } = options;
  const router = express.Router();
  const ability = (req: express.Request) => abilityOf(req.session.adminUser as CurrentUser);

  router.get('/printables/work-orders/:id.pdf', handle(async (req, res) => {
    const id = parseRecordId(req.params.id);
    if (id === null) throw new Refusal('printOrderNotFound', {}, { kind: 'notFound' });
    const { pdf, number } = await printWorkOrder(prisma, ability(req), id, { language: printLanguage(req), timeZone });
    sendPdf(res, pdf, `${number}.pdf`);
  }));

  router.get('/printables/technician-day.pdf', handle(async (req, res) => {
    const input = { technicianId: req.query.technicianId, day: req.query.day };
    const { pdf } = await printTechnicianDay(prisma, ability(req), input, { language: printLanguage(req), timeZone });
    sendPdf(res, pdf, `OT-${String(input.day)}-${String(input.technicianId)}.pdf`);
  }));

  router.use(labelRoutes(options));
  router.use(templatePreviewRoute(options));
  return router;
}
