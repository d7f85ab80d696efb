// The Express application: request ids and logs, security headers, /health, /metrics, the AdminJS back office.
import { randomBytes, randomUUID } from 'node:crypto';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { pino, type Logger } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../prisma/client.js';
import type pg from 'pg';
import { ADMIN_ROOT, createAdmin } from '../admin/admin.js';
import { discardStaleComponentBundle } from '../admin/component-bundle.js';
import { createLoginThrottle } from '../admin/login-throttle.js';
import { createAdminRouter } from '../admin/router.js';
import { isWarmUpRequest, warmUp } from '../admin/warm-up.js';
import { portalRouter } from './portal/portal-router.js';
import type { LiveHub } from '../admin/live/live-hub.js';
import type { ObjectStorage } from '../integrations/storage/storage.js';
import type { QueueRuntime } from '../jobs/boss.js';
import type { JobDefinition } from '../jobs/job.js';
import { JOBS } from '../jobs/registry.js';
import type { AppConfig } from './config.js';
import type { Database } from './database.js';
import { forwardAsyncErrors } from './async-errors.js';
import { errorHandler } from './error-handler.js';
import { healthHandler } from './health.js';
import { createMetrics } from './metrics.js';
import { requestScope } from './process-guard.js';
import { API_ROOT, createApiRouter } from './api/router.js';
import { syncRequisitionsWithErpJob } from '../jobs/sync-requisitions-with-erp.job.js';
import { indexDocumentsJob } from '../jobs/index-documents.job.js';
import { createAiProviders } from '../integrations/ai/index.js';
import { detectSemanticSearch, type SemanticState } from '../domain/documents/semantic/semantic-search.js';
import { createMailer } from '../integrations/messaging/mailer.js';
import { publicTransmittalRoutes, TRANSMITTAL_LINK_ROOT } from '../admin/transmittals/public-router.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestLogFields(req: IncomingMessage & { id?: unknown; originalUrl?: string }) {
  return { id: req.id, method: req.method, url: req.originalUrl ?? req.url, remoteAddress: req.socket?.remoteAddress };
}

export interface HttpDependencies {
  config: AppConfig;
  logger: Logger;
  prisma: Db;
  pool: pg.Pool;
  queue: QueueRuntime;
  storage: ObjectStorage;
  sessionSecret: string;
  /** The jobs this deployment runs (the jobs monitor's "ejecutar ahora"); the registry's by default. */
  jobs?: JobDefinition<unknown>[];
  /** Where reports read (Excel exports, the dashboard): the read replica, or the primary (server/database.ts). */
  reports: Pick<Database, 'prisma' | 'pool'>;
  /** Live pages: this process's LISTEN connection (admin/live). */
  liveHub: LiveHub;
  /** Ask each group's landing pages once before listening (admin/warm-up.ts); tests start without. */
  warmUp?: boolean;
}

export async function createHttpApp(deps: HttpDependencies): Promise<express.Express> {
  const { config } = deps;
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // The warm-up's own requests before listening (admin/warm-up.ts) are not the people's: not logged.
      autoLogging: { ignore: (req) => isWarmUpRequest(req) || (req.url?.startsWith(`${ADMIN_ROOT}/frontend/assets/`) ?? false) },
      // A request's line says which request, what it asked and how it ended: about 250 bytes. The default
      // serializers wrote every request and response header (~1.4 KB a request), serialized on every
      // request when its child logger is made, whether it logs or not.
      wrapSerializers: false,
      serializers: { req: requestLogFields, res: (res: ServerResponse) => ({ statusCode: res.statusCode }), err: pino.stdSerializers.err },
    }),
  );
  app.use(requestScope);
  const metrics = createMetrics({ pool: deps.pool, token: config.metricsToken });
  app.use((req, res, next) => (isWarmUpRequest(req) ? next() : metrics.recordRequests(req, res, next)));
  // Content-Security-Policy: scripts from this origin only, plus AdminJS's two inline scripts, which carry
  // this response's nonce (admin/page-html.ts). Styles may be inline: AdminJS's styled-components write
  // <style> elements at run time. HSTS wherever cookies are Secure (production).
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(config.cookieSecure && { upgradeInsecureRequests: [] }),
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );

  app.get('/health', healthHandler(deps));
  if (metrics.endpoint) app.get('/metrics', metrics.endpoint);
  // The API for outside systems (issue 25): bearer tokens, no session, no cookies (server/api/router.ts).
  app.use(API_ROOT, createApiRouter({ prisma: deps.prisma, pool: deps.pool, timeZone: config.timeZone }));

  // One throttle for sign-in and every password confirmation (document and permit signatures).
  const throttle = createLoginThrottle(deps.pool, config.loginThrottle);
  const admin = createAdmin(deps.prisma, {
    language: config.defaultLocale,
    timeZone: config.timeZone,
    timeZoneChosen: config.timeZoneChosen,
    // The ERP module (issue 20): on when Dynamics 365 is configured; "Reintentar" asks for a run now.
    erp: { configured: config.erp !== null, requestSync: () => deps.queue.send(syncRequisitionsWithErpJob, {}, { singletonKey: 'erp-sync-now' }) },
    sigConfigured: config.sig !== undefined,
    passwordThrottle: throttle,
    reports: deps.reports.prisma,
    // Transmittals (issue 24): links go out by e-mail once SMTP and PUBLIC_URL are set.
    transmittals: {
      mailer: config.messaging.email ? createMailer(config.messaging.email) : null,
      publicUrl: config.publicUrl,
      linkDays: config.transmittalLinkDays,
      defaultLanguage: config.defaultLocale,
      timeZone: config.timeZone,
      storage: deps.storage,
    },
  });
  // Document search (issue 22): semantic search on only with a provider AND pgvector; never a failed start.
  const ai = createAiProviders(config.ai);
  const semantic = await detectSemanticSearch(deps.pool, ai.embeddings).catch((error: unknown): SemanticState => {
    deps.logger.warn({ err: error }, 'semantic search could not be prepared: full-text search only');
    return { on: false, reason: 'unavailable' };
  });
  deps.logger.info({ semanticSearch: semantic.on ? 'on' : semantic.reason, chat: ai.chat !== null, ocr: config.ocr !== undefined }, 'document search');
  await discardStaleComponentBundle();
  await admin.initialize();
  // @adminjs/express's buildRouter calls initialize() again without awaiting it: in production, a second
  // rollup build of the components running beside the first requests after the start. Once is enough.
  admin.initialize = async () => {};
  app.use(
    ADMIN_ROOT,
    createAdminRouter({
      admin,
      prisma: deps.prisma,
      pool: deps.pool,
      throttle,
      sessionSecret: deps.sessionSecret,
      cookieSecure: config.cookieSecure,
      sessionTtlHours: config.sessionTtlHours,
      documents: { storage: deps.storage, settings: config.documents, semantic, chat: ai.chat, revisionAdded: () => void deps.queue.send(indexDocumentsJob, { batch: 50 }, { singletonKey: 'after-upload' }).catch(() => undefined) },
      imports: { storage: deps.storage, queue: deps.queue, ...config.imports, timeZone: config.timeZone },
      timeZone: config.timeZone,
      reports: deps.reports,
      jobsMonitor: { queue: deps.queue, jobs: deps.jobs ?? JOBS },
      liveHub: deps.liveHub,
      messaging: config.messaging,
      publicUrl: config.publicUrl,
    }),
  );
  // The recipients' links of transmittals (issue 24): public, no sign-in, the token is the key.
  app.use(TRANSMITTAL_LINK_ROOT, publicTransmittalRoutes({ prisma: deps.prisma, storage: deps.storage, timeZone: config.timeZone, defaultLanguage: config.defaultLocale, cookieSecure: config.cookieSecure }));
  // The QR request portal (issue 24): public pages at the address printed on asset labels.
  app.use(portalRouter({ prisma: deps.prisma, pool: deps.pool, storage: deps.storage, secret: deps.sessionSecret, cookieSecure: config.cookieSecure, defaultLanguage: config.defaultLocale }));
  app.get('/', (_req, res) => res.redirect(ADMIN_ROOT));
  app.use(errorHandler);
  forwardAsyncErrors(app);
  // Before it listens: each group's landing pages asked over HTTP (admin/warm-up.ts).
  if (deps.warmUp) {
    const warm = await warmUp(app, { admin, prisma: deps.prisma, sessionSecret: deps.sessionSecret, logger: deps.logger });
    deps.logger.info({ requests: warm.requests, failed: warm.failed.length, ms: Math.round(warm.ms) }, 'warmed up');
    app.locals.warmedUp = warm;
  }
  return app;
}
