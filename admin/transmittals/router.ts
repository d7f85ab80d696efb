// A transmittal's cover sheet for the people of the back office (its page links here), under the rule to
// read the transmittal (a hidden one answers 404, like a missing one). The recipients see the same sheet
// through their link (public-router.ts).
import express, { type Request } from 'express';
import type { Prisma } from '@prisma/client';
import { abilityOf } from '../access.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { AccessDeniedError, accessibleWhere } from '../../domain/access/abilities.js';
import { COVER_INCLUDE, coverSheetOf } from '../../domain/transmittals/cover-sheet.js';
import { parseRecordId } from '../../domain/record-id.js';
import { Refusal } from '../../domain/refusal.js';
import type { Db } from '../../prisma/client.js';
import { languageOf, renderMessage } from '../locales/render.js';
import { coverSheetHtml, htmlPage } from './cover-html.js';
import { coverSheetPdf } from '../../domain/transmittals/cover-sheet-pdf.js';
import { sendPdf } from '../printables/pdf-answer.js';

export function transmittalRoutes({ prisma, timeZone }: { prisma: Db; timeZone: string }): express.Router {
  const router = express.Router();
  const userOf = (req: Request) => req.session.adminUser as CurrentUser;

  /** The sheet of a transmittal this person may read, in his language. */
  const readableSheet = async (req: Request) => {
    const user = userOf(req);
    const readable = accessibleWhere(abilityOf(user), 'read', 'Transmittal');
    if (!readable) throw new AccessDeniedError('read', 'Transmittal');
    const id = parseRecordId(req.params.id) ?? -1;
    const transmittal = await prisma.transmittal.findFirst({ where: { AND: [{ id }, readable as Prisma.TransmittalWhereInput] }, include: COVER_INCLUDE });
    if (!transmittal) throw new Refusal('notFound', {}, { kind: 'notFound' });
    return coverSheetOf(prisma, transmittal, languageOf(user.locale), timeZone);
  };

  router.get('/transmittals/:id/cover.html', async (req, res, next) => {
    try {
      const sheet = await readableSheet(req);
      res.type('html').send(htmlPage(sheet.language, renderMessage(sheet.language, 'transmittalLink_title', { number: sheet.number }), coverSheetHtml(sheet)));
    } catch (error) {
      next(error);
    }
  });

  router.get('/transmittals/:id/cover.pdf', async (req, res, next) => {
    try {
      const sheet = await readableSheet(req);
      sendPdf(res, coverSheetPdf(sheet), `${sheet.number}.pdf`);
    } catch (error) {
      next(error);
    }
  });

  return router;
}
