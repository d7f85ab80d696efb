// The API for outside systems (issue 25), mounted at /api/v1 beside /admin and sharing nothing with it: no
// session, no cookies, no CSRF token. A request is who its bearer token says (integration_tokens), so a
// browser's session cookie alone reaches nothing here, and a cross-site form cannot forge a request (it
// cannot set the Authorization header).
//   GET  /api/v1/openapi.json   this API described (OpenAPI 3.1), public
//   POST /api/v1/readings       a batch of readings (scope "readings"), JSON or CSV, up to 10 000 rows
//   GET  /api/v1/points         the measurement points' codes (scope "points:read"), in pages
// Answers are JSON; errors are {error, message} with the message in the Accept-Language (es by default).
import express, { type NextFunction, type Request, type Response } from 'express';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { languageOf, renderMessage } from '../../admin/locales/render.js';
import { ingestReadings, systemActor } from '../../domain/readings-intake/ingest-readings.js';
import { authenticateToken, type AuthenticatedSystem, type TokenScope } from '../../domain/readings-intake/integration-tokens.js';
import { BatchRefusal, readingsFromCsv, readingsFromJson } from '../../domain/readings-intake/parse-readings.js';
import { measurementPointsPage } from '../../domain/readings-intake/points-catalogue.js';
import type { Db } from '../../prisma/client.js';
import { errorAnswer } from '../http-errors.js';

export const API_ROOT = '/api/v1';
/** 10 000 readings of ~80 bytes as JSON, with room to spare; a larger body is refused before it is read. */
export const API_BODY_LIMIT = '4mb';
/** Per token: a SCADA sends a batch every few seconds at most; a loop gone wrong is slowed, not served. */
const REQUESTS_PER_MINUTE_PER_TOKEN = 120;
/** Per address, before any token is checked: a scanner trying tokens is slowed first. */
const REQUESTS_PER_MINUTE_PER_ADDRESS = 600;

const OPENAPI = readFileSync(new URL('./openapi.json', import.meta.url), 'utf8');

type ApiRequest = Request & { system?: AuthenticatedSystem };

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export function createApiRouter(options: { prisma: Db; pool: pg.Pool; timeZone: string }): express.Router {
  const router = express.Router();
  const perAddress = new RateLimiterMemory({ points: REQUESTS_PER_MINUTE_PER_ADDRESS, duration: 60 });
  const perToken = new RateLimiterMemory({ points: REQUESTS_PER_MINUTE_PER_TOKEN, duration: 60 });

  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(throttle(perAddress, (req) => req.ip ?? 'unknown'));

  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(OPENAPI);
  });

  const requireToken = (scope: TokenScope) => async (req: ApiRequest, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    res.setHeader('WWW-Authenticate', 'Bearer realm="cmms"');
    if (!match) return next(new ApiError(401, 'apiTokenMissing'));
    const system = await authenticateToken(options.prisma, match[1]!);
    if (!system) return next(new ApiError(401, 'apiTokenInvalid'));
    res.removeHeader('WWW-Authenticate');
    if (system.scope !== scope) return next(new ApiError(403, 'apiTokenWrongScope', { scope }));
    req.system = system;
    next();
  };

  router.post(
    '/readings',
    requireToken('readings'),
    throttle(perToken, (req) => `token:${(req as ApiRequest).system!.tokenId}`),
    express.json({ limit: API_BODY_LIMIT, type: ['application/json', 'application/*+json'] }),
    express.text({ limit: API_BODY_LIMIT, type: ['text/csv', 'application/csv'] }),
    async (req: ApiRequest, res) => {
      const type = req.headers['content-type'] ?? '';
      const batch = /csv/i.test(type) && typeof req.body === 'string'
        ? await readingsFromCsv(req.body)
        : /json/i.test(type) ? readingsFromJson(req.body) : null;
      if (!batch) throw new ApiError(415, 'apiUnsupportedBody');
      const outcome = await ingestReadings(options.pool, systemActor(req.system!.name, String(req.id), req.ip), batch, { timeZone: options.timeZone });
      const language = languageOfApi(req);
      const errors = outcome.errors.map((e) => ({ ...e, message: renderMessage(language, `readingRow_${e.code}`, { point: e.point ?? '' }) }));
      // Nothing good at all is the sender's mistake (422); a batch with some good rows was taken (200).
      const nothingGood = outcome.stored + outcome.alreadyStored === 0;
      res.status(nothingGood ? 422 : 200).json({
        ...(nothingGood && { error: 'noReadingStored', message: renderMessage(language, 'noReadingStored') }),
        received: outcome.received, stored: outcome.stored, alreadyStored: outcome.alreadyStored, rejected: outcome.rejected, errors,
      });
    },
  );

  router.get('/points', requireToken('points:read'), throttle(perToken, (req) => `token:${(req as ApiRequest).system!.tokenId}`), async (req, res) => {
    const after = typeof req.query.after === 'string' ? req.query.after.slice(0, 40) : '';
    const limit = Math.min(Math.max(Number.parseInt(String(req.query.limit ?? '1000'), 10) || 1000, 1), 5000);
    res.json(await measurementPointsPage(options.prisma, { after, limit }));
  });

  router.use((_req, _res, next) => next(new ApiError(404, 'apiNotFound')));
  router.use(apiErrorHandler);
  return router;
}

function throttle(limiter: RateLimiterMemory, keyOf: (req: Request) => string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      await limiter.consume(keyOf(req));
      next();
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection);
      const seconds = Math.ceil(rejection.msBeforeNext / 1000);
      res.setHeader('Retry-After', String(seconds));
      next(new ApiError(429, 'apiTooManyRequests', { seconds }));
    }
  };
}

const languageOfApi = (req: Request) => languageOf(req.acceptsLanguages('es', 'en') || 'es');

/** Every refusal of the API as {error, message}; the body parsers' too (413, 400), and anything unexpected
 * is left to the application's handler (500 with the request id only). */
function apiErrorHandler(error: unknown, req: Request, res: Response, next: NextFunction) {
  const language = languageOfApi(req);
  if (error instanceof ApiError)
    return void res.status(error.status).json({ error: error.code, message: renderMessage(language, error.code, error.values) });
  if (error instanceof BatchRefusal) {
    const status = error.code === 'tooManyReadings' ? 413 : 400;
    return void res.status(status).json({ error: error.code, message: renderMessage(language, error.code, error.values) });
  }
  const parser = error as { type?: unknown; status?: unknown };
  if (typeof parser?.type === 'string' && parser.type === 'entity.too.large')
    return void res.status(413).json({ error: 'bodyTooLarge', message: renderMessage(language, 'bodyTooLarge', { max: API_BODY_LIMIT.toUpperCase().replace('MB', ' MB') }) });
  if (typeof parser?.type === 'string' && typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500)
    return void res.status(400).json({ error: 'malformedBody', message: renderMessage(language, 'malformedBody') });
  const answer = errorAnswer(error, language);
  if (answer) return void res.status(answer.status).json(answer.body);
  next(error);
}
