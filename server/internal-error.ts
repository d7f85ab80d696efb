// The answer to a request that failed unexpectedly: 500 with the request id only, in the user's
// language. Kept apart from error-handler.ts so the process guard (also loaded by the worker) does not
// pull AdminJS in.
import type { Request, Response } from 'express';
import { languageOf } from '../admin/locales/render.js';

export function answerInternalError(req: Request, res: Response): void {
  const english = languageOfRequest(req) === 'en';
  const message = english ? 'Internal server error. Give this code to the administrator:' : 'Error interno del servidor. Indique este código al administrador:';
  const id = String(req.id ?? '');
  if (req.path.includes('/api/') || req.accepts(['html', 'json']) === 'json') res.status(500).json({ error: 'internal', message, requestId: id });
  else res.status(500).type('html').send(`<!DOCTYPE html><html lang="${english ? 'en' : 'es'}"><body><p>${message} ${id.replace(/[^\w.-]/g, '')}</p></body></html>`);
}

export function languageOfRequest(req: Request) {
  return languageOf((req.session as { adminUser?: { locale?: string } } | undefined)?.adminUser?.locale);
}
