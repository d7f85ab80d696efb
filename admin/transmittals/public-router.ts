// The recipients' link (issue 24), outside /admin and without sign-in: /transmittals/<token>. The token is
// the only key: it opens its own transmittal's cover and files and nothing else, until it expires or is
// revoked, and every route checks it again. "Acuso recibo" is a POST carrying a per-browser CSRF token
// (double submit: a SameSite=Strict cookie and the same value in the form), refused from other sites.
// Answers are never cached and never leak the address they were opened from (no Referer).
import express, { type NextFunction, type Request, type Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { actAs } from '../../prisma/actor.js';
import type { Db } from '../../prisma/client.js';
import { attachmentDisposition, type ObjectStorage } from '../../integrations/storage/storage.js';
import { acknowledgeReceipt } from '../../domain/transmittals/acknowledge-receipt.js';
import { coverSheetOf } from '../../domain/transmittals/cover-sheet.js';
import { linkLookup, openLink, recipientName, sentFileOf, type OpenedLink } from '../../domain/transmittals/recipient-link.js';
import { Refusal } from '../../domain/refusal.js';
import { renderMessage, type Language } from '../locales/render.js';
import { inRequestContext } from '../request-bodies.js';
import { coverSheetHtml, escapeHtml, htmlPage } from './cover-html.js';
import { coverSheetPdf } from '../../domain/transmittals/cover-sheet-pdf.js';
import { sendPdf } from '../printables/pdf-answer.js';
import { plantDateTime } from '../../domain/safety/suspend-expired-permits.js';

export const TRANSMITTAL_LINK_ROOT = '/transmittals';
const CSRF_COOKIE = 'trm_csrf';
const STATUS = { notFound: 404, gone: 410 } as Record<string, number>;

export interface PublicTransmittalOptions {
  prisma: Db;
  storage: ObjectStorage;
  timeZone: string;
  defaultLanguage: Language;
  cookieSecure: boolean;
}

export function publicTransmittalRoutes(options: PublicTransmittalOptions): express.Router {
  const { prisma, storage } = options;
  const router = express.Router();
  // Tokens are 256 bits: nobody guesses one, but nobody should hammer the lookup either.
  const limiter = new RateLimiterMemory({ points: 120, duration: 60 });
  const lookup = linkLookup(prisma);

  router.use(async (req, res, next) => {
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex, nofollow' });
    const allowed = await limiter.consume(req.ip ?? 'unknown').then(() => true, () => false);
    if (!allowed) return refusedPage(res, languageFor(req, null), 429, renderMessage(languageFor(req, null), 'tooManyRequests'));
    next();
  });

  router.get('/:token', async (req, res, next) => {
    try {
      const link = await openLink(lookup, req.params.token!);
      const language = languageFor(req, link);
      const csrf = csrfFor(req, res, options.cookieSecure);
      const sheet = await coverSheetOf(prisma, link.transmittal, language, options.timeZone);
      const base = `${req.baseUrl}/${encodeURIComponent(req.params.token!)}`;
      const t = (key: string, values: Record<string, string | number> = {}) => escapeHtml(renderMessage(language, key, values));
      const acknowledgement = link.acknowledgement
        ? `<p class="notice" data-testid="acknowledged">${t('transmittalLink_acknowledged', { when: plantDateTime(link.acknowledgement.acknowledgedAt, options.timeZone) })}</p>`
        : `<form method="post" action="${escapeHtml(`${base}/acknowledge`)}"><input type="hidden" name="_csrf" value="${escapeHtml(csrf)}">` +
          `<p>${t('transmittalLink_acknowledgeHint')}</p><button type="submit">${t('transmittalLink_acknowledge')}</button></form>`;
      const body =
        `<p class="screen-only">${t('transmittalLink_for', { name: recipientName(link) })}</p>` +
        coverSheetHtml(sheet, (lineId) => `${base}/files/${lineId}`) +
        `<p class="screen-only"><a href="${escapeHtml(`${base}/cover.pdf`)}">${t('transmittalCoverPdf')}</a></p>` +
        `<h2>${t('transmittalLink_acknowledge')}</h2>${acknowledgement}` +
        `<p class="screen-only">${t('transmittalLink_expires', { when: plantDateTime(link.linkExpiresAt!, options.timeZone) })}</p>`;
      res.type('html').send(htmlPage(language, renderMessage(language, 'transmittalLink_title', { number: link.transmittal.number }), body));
    } catch (error) {
      answerRefusal(req, res, next, error);
    }
  });

  // The cover sheet as a PDF to print or file.
  router.get('/:token/cover.pdf', async (req, res, next) => {
    try {
      const link = await openLink(lookup, req.params.token!);
      const sheet = await coverSheetOf(prisma, link.transmittal, languageFor(req, link), options.timeZone);
      sendPdf(res, coverSheetPdf(sheet), `${sheet.number}.pdf`);
    } catch (error) {
      answerRefusal(req, res, next, error);
    }
  });

  // A file of this link's transmittal, streamed from storage; any other line (another transmittal's) is
  // answered exactly as a line that does not exist.
  router.get('/:token/files/:lineId', async (req, res, next) => {
    try {
      const link = await openLink(lookup, req.params.token!);
      const line = sentFileOf(link, /^[1-9]\d{0,9}$/.test(req.params.lineId!) ? Number(req.params.lineId) : -1);
      const stored = await storage.head(line.revision.fileKey);
      if (!stored) return refusedPage(res, languageFor(req, link), 410, renderMessage(languageFor(req, link), 'transmittalRefused_storedFileMissing', { document: line.revision.document.code }));
      res.set({
        'Content-Type': line.revision.contentType,
        'Content-Length': String(stored.size),
        'Content-Disposition': attachmentDisposition(line.revision.fileName),
        'X-Content-Type-Options': 'nosniff',
        'X-Transmittal-SHA256': line.sha256,
      });
      await pipeline(await storage.get(line.revision.fileKey), res);
    } catch (error) {
      answerRefusal(req, res, next, error);
    }
  });

  router.post('/:token/acknowledge', inRequestContext(express.urlencoded({ extended: false, limit: '2kb' })), async (req, res, next) => {
    try {
      const from = req.headers['sec-fetch-site'];
      const sent = typeof req.body?._csrf === 'string' ? req.body._csrf : '';
      if (from === 'cross-site' || from === 'same-site' || !sameToken(sent, cookieOf(req, CSRF_COOKIE)))
        return refusedPage(res, languageFor(req, null), 403, renderMessage(languageFor(req, null), 'transmittalLink_badRequest'));
      const token = req.params.token!;
      await actAs({ label: 'transmittal-link', requestId: String(req.id), ip: req.ip }, () =>
        acknowledgeReceipt(prisma, { token, ip: req.ip ?? 'unknown', userAgent: String(req.headers['user-agent'] ?? '') }),
      );
      res.redirect(303, `${req.baseUrl}/${encodeURIComponent(token)}`);
    } catch (error) {
      answerRefusal(req, res, next, error);
    }
  });

  function languageFor(req: Request, link: OpenedLink | null): Language {
    const asked = req.query.lang;
    if (asked === 'es' || asked === 'en') return asked;
    if (link?.user) return link.user.locale === 'en' ? 'en' : 'es';
    return options.defaultLanguage;
  }

  /** A link that opens nothing says why, in a page (not JSON: a person opened it from an e-mail). */
  function answerRefusal(req: Request, res: Response, next: NextFunction, error: unknown) {
    if (!(error instanceof Refusal) || !error.key.startsWith('transmittalLink_')) return next(error);
    const language = languageFor(req, null);
    refusedPage(res, language, STATUS[error.kind] ?? 400, renderMessage(language, error.key, error.params));
  }

  return router;
}

function refusedPage(res: Response, language: Language, status: number, message: string) {
  const title = renderMessage(language, 'transmittalLink_refusedTitle');
  res.status(status).type('html').send(htmlPage(language, title, `<h1>${escapeHtml(title)}</h1><p class="notice refused" data-testid="link-refused">${escapeHtml(message)}</p>`));
}

/** This browser's CSRF token for the acknowledgement form: kept in a cookie the form must echo. */
function csrfFor(req: Request, res: Response, secure: boolean): string {
  const existing = cookieOf(req, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: TRANSMITTAL_LINK_ROOT });
  return token;
}

function cookieOf(req: Request, name: string): string {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return '';
}

function sameToken(a: string, b: string): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
