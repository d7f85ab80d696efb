// The QR request portal, public (no sign-in), at the address an asset's label carries:
//   GET  /r/:token   the asset's name and location and the form to report a problem
//   POST /r/:token   the form (multipart, CSRF field): a work request marked PORTAL, photo attached
// A token that is unknown, revoked or malformed, or an asset retired, answers the same 404 page. Reports are
// limited per IP and per asset (portal-throttle.ts). Pages say nothing else about the plant.
import express, { type Request, type Response } from 'express';
import type pg from 'pg';
import type { Language } from '../../admin/locales/render.js';
import { renderMessage } from '../../admin/locales/render.js';
import { filePortalRequest, portalAsset } from '../../domain/portal/file-portal-request.js';
import { Refusal } from '../../domain/refusal.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { Db } from '../../prisma/client.js';
import { portalCsrf } from './portal-csrf.js';
import { portalFormPage, portalMessagePage } from './portal-page.js';
import { createPortalThrottle, type PortalLimits } from './portal-throttle.js';
import { readPortalForm } from './read-portal-form.js';

export interface PortalOptions {
  prisma: Db;
  pool: pg.Pool;
  storage: ObjectStorage;
  secret: string;
  cookieSecure: boolean;
  defaultLanguage: Language;
  limits?: PortalLimits;
  photoMaxBytes?: number;
}

export function portalRouter(options: PortalOptions): express.Router {
  const router = express.Router();
  const csrf = portalCsrf(options.secret, options.cookieSecure);
  const throttle = createPortalThrottle(options.pool, options.limits);
  const languageOf = (req: Request): Language => {
    if (req.query.lang === 'es' || req.query.lang === 'en') return req.query.lang;
    const accepted = req.acceptsLanguages('es', 'en');
    return accepted === 'es' || accepted === 'en' ? accepted : options.defaultLanguage;
  };
  const send = (res: Response, status: number, html: string) => {
    res.status(status).set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer' }).type('html').send(html);
  };
  const notFound = (req: Request, res: Response) => send(res, 404, portalMessagePage(languageOf(req), 'portalNotFound'));

  router.get('/r/:token', async (req, res, next) => {
    try {
      const asset = await portalAsset(options.prisma, req.params.token!);
      if (!asset) return notFound(req, res);
      const language = languageOf(req);
      send(res, 200, portalFormPage({ language, asset, action: req.originalUrl, csrf: csrf.issue(req, res, req.params.token!) }));
    } catch (error) {
      next(error);
    }
  });

  router.post('/r/:token', async (req, res, next) => {
    const token = req.params.token!;
    const language = languageOf(req);
    let discard: (() => Promise<void>) | undefined;
    try {
      const asset = await portalAsset(options.prisma, token);
      if (!asset) return notFound(req, res);
      const again = (status: number, values: Record<string, string>, errors: Record<string, string>, notice?: string) =>
        send(res, status, portalFormPage({ language, asset, action: req.originalUrl, csrf: csrf.issue(req, res, token), values, errors, notice }));
      let form;
      try {
        form = await readPortalForm(req, options.photoMaxBytes);
      } catch (error) {
        if (error instanceof Refusal) {
          req.resume();
          return again(error.kind === 'tooLarge' ? 413 : 400, {}, { photo: renderMessage(language, error.key, error.params) });
        }
        throw error;
      }
      discard = form.discard;
      const { _csrf, ...values } = form.fields;
      if (!csrf.verify(req, token, _csrf)) return again(403, values, {}, renderMessage(language, 'portalFormExpired'));
      if (!(await throttle.take(req.ip ?? 'unknown', asset.id))) return send(res, 429, portalMessagePage(language, 'portalTooMany'));
      try {
        await filePortalRequest(options.prisma, options.storage, token, { description: values.description, name: values.name, contact: values.contact, ...(form.photo && { photo: form.photo }) }, { ip: req.ip ?? 'unknown', userAgent: String(req.headers['user-agent'] ?? '') });
      } catch (error) {
        if (!(error instanceof Refusal) || error.kind === 'notFound') throw error;
        const errors = Object.fromEntries((error.fields.length ? error.fields : [{ field: 'photo', key: error.key, params: error.params }]).map((f) => [f.field, renderMessage(language, f.key, f.params)]));
        return again(422, values, errors);
      }
      send(res, 200, portalMessagePage(language, 'portalThanks'));
    } catch (error) {
      if (error instanceof Refusal && error.kind === 'notFound') return notFound(req, res);
      next(error);
    } finally {
      await discard?.();
    }
  });

  return router;
}
