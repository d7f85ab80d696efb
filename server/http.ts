// The Express application: request ids and logs, security headers, /health, the AdminJS back office.
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler } from 'express';
import { NotFoundError } from 'adminjs';
import { AccessDeniedError } from '../domain/access/abilities.js';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Db } from '../prisma/client.js';
import type pg from 'pg';
import { ADMIN_ROOT, createAdmin } from '../admin/admin.js';
import { discardStaleComponentBundle } from '../admin/component-bundle.js';
import { createLoginThrottle } from '../admin/login-throttle.js';
import { createAdminRouter } from '../admin/router.js';
import type { ObjectStorage } from '../integrations/storage/storage.js';
import type { QueueRuntime } from '../jobs/boss.js';
import type { AppConfig } from './config.js';
import { healthHandler } from './health.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface HttpDependencies {
  config: AppConfig;
  logger: Logger;
  prisma: Db;
  pool: pg.Pool;
  queue: QueueRuntime;
  storage: ObjectStorage;
  sessionSecret: string;
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
      autoLogging: { ignore: (req) => req.url?.startsWith(`${ADMIN_ROOT}/frontend/assets/`) ?? false },
    }),
  );
  // AdminJS's pages rely on inline scripts, so its CSP is left to a later hardening; the rest of helmet applies.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false, strictTransportSecurity: config.cookieSecure }));

  app.get('/health', healthHandler(deps));

  const admin = createAdmin(deps.prisma, { language: config.defaultLocale, timeZone: config.timeZone });
  await discardStaleComponentBundle();
  await admin.initialize();
  app.use(
    ADMIN_ROOT,
    createAdminRouter({
      admin,
      prisma: deps.prisma,
      pool: deps.pool,
      throttle: createLoginThrottle(deps.pool, config.loginThrottle),
      sessionSecret: deps.sessionSecret,
      cookieSecure: config.cookieSecure,
      sessionTtlHours: config.sessionTtlHours,
      documents: { storage: deps.storage, settings: config.documents },
      imports: { storage: deps.storage, queue: deps.queue, ...config.imports, timeZone: config.timeZone },
      timeZone: config.timeZone,
    }),
  );
  app.get('/', (_req, res) => res.redirect(ADMIN_ROOT));
  app.use(internalErrorHandler);
  return app;
}

// Unexpected failures: logged with the request id, answered without stack traces or internals.
const internalErrorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  if (res.headersSent) return res.end();
  // Refusals of the role rules, and records that do not exist or are hidden from this user.
  if (error instanceof AccessDeniedError) {
    req.log.warn({ reason: error.message }, 'refused by the role rules');
    return res.status(403).json({ error: 'forbidden', message: 'forbiddenError' });
  }
  if (error instanceof NotFoundError) return res.status(404).json({ error: 'not found', message: 'notFound' });
  req.log.error({ err: error }, 'request failed');
  const message = 'Error interno del servidor. Indique este código al administrador:';
  if (req.path.includes('/api/')) res.status(500).json({ error: 'internal', message, requestId: req.id });
  else res.status(500).type('html').send(`<!DOCTYPE html><html lang="es"><body><p>${message} ${String(req.id)}</p></body></html>`);
};
