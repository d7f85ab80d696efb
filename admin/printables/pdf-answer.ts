// What the printable routes share: the language asked for, a PDF sent as a download, async handlers.
import type { NextFunction, Request, Response } from 'express';
import type { CurrentUser } from '../../domain/access/current-user.js';
import type { Pdf } from '../../domain/printables/pdf-layout.js';
import { attachmentDisposition } from '../../integrations/storage/storage.js';
import { languageOf } from '../locales/render.js';

export const printLanguage = (req: Request) =>
  languageOf(typeof req.query.lang === 'string' ? req.query.lang : (req.session.adminUser as CurrentUser | undefined)?.locale);

/** Sends a PDF as a download; a failure once bytes went out cuts the answer rather than leaving half a file. */
export function sendPdf(res: Response, pdf: Pdf, fileName: string): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', attachmentDisposition(fileName));
  res.setHeader('Cache-Control', 'no-store');
  pdf.on('error', (error: Error) => res.destroy(error));
  pdf.pipe(res);
  pdf.end();
}

/** Express 4 does not await handlers: a rejection goes to the error handler (403, 404, 4xx with the reason). */
export const handle = (run: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
  run(req, res).catch(next);
};
