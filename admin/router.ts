// The /admin router. We assemble it ourselves instead of @adminjs/express's buildAuthenticatedRouter
// because that one neither regenerates the session on sign-in (fixation), nor checks CSRF, nor
// throttles per account; AdminJS's own routes and assets are still mounted by buildRouter.
import AdminJSExpress from '@adminjs/express';
import type AdminJS from 'adminjs';
import type { ActionDecorator, CurrentAdmin } from 'adminjs';
import express, { type NextFunction, type Request, type Response } from 'express';
import { actAs } from '../prisma/actor.js';
import type { Db } from '../prisma/client.js';
import type pg from 'pg';
import { AccessDeniedError } from '../domain/access/abilities.js';
import { loadCurrentUser, type CurrentUser } from '../domain/access/current-user.js';
import { signIn } from './authentication.js';
import { documentRoutes, type DocumentRoutesOptions } from './documents/router.js';
import { exportRoutes } from './exports/router.js';
import { calendarRoutes } from './calendar/router.js';
import { budgetRoutes } from './budgets/router.js';
import { energyRoutes } from './energy/router.js';
import { projectRoutes } from './projects/router.js';
import { healthRoutes } from './health/router.js';
import { inventoryRoutes } from './inventory/router.js';
import { transmittalRoutes } from './transmittals/router.js';
import { importRoutes, type ImportRoutesOptions } from './imports/routes.js';
import { jobsMonitorRoutes, type JobsMonitorRoutesOptions } from './jobs-monitor/router.js';
import { languageRoute } from './language.js';
import { eventsRoute } from './live/events-route.js';
import type { LiveHub } from './live/live-hub.js';
import { notificationRoutes } from './notifications/router.js';
import { printableRoutes } from './printables/router.js';
import type { MessagingSettings } from '../integrations/messaging/index.js';
import { CSRF_COOKIE, csrfToken, isCsrfError, requireCsrfToken } from './csrf.js';
import { methodAllowed } from './action-methods.js';
import { hardenAdminPages } from './page-html.js';
import { withoutSecrets } from './secret-answers.js';
import { MalformedInputError } from '../domain/malformed-input.js';
import { adminRequestBodies } from './request-bodies.js';
import type { LoginThrottle } from './login-throttle.js';
import { currentUserReadWithSession, SESSION_COOKIE, sessionMiddleware, signedInSessionMaxAge } from './session.js';

declare module 'express-session' {
  interface SessionData {
    adminUser?: CurrentUser;
  }
}

const PUBLIC_ASSETS = '/frontend/assets/';

export function createAdminRouter(options: {
  admin: AdminJS;
  prisma: Db;
  pool: pg.Pool;
  throttle: LoginThrottle;
  sessionSecret: string;
  cookieSecure: boolean;
  sessionTtlHours: number;
  documents: Pick<DocumentRoutesOptions, 'storage' | 'settings' | 'revisionAdded' | 'semantic' | 'chat'>;
  /** Excel imports (admin/imports). */
  imports: Omit<ImportRoutesOptions, 'admin' | 'prisma'>;
  /** The plant's time zone: exported date-times are its wall-clock times (admin/exports). */
  timeZone: string;
  /** Where Excel exports read: the read replica (DATABASE_REPLICA_URL), or the primary. */
  reports: { prisma: Db; pool: pg.Pool };
  /** The jobs monitor (admin/jobs-monitor): the queue and the jobs it may run now. */
  jobsMonitor: Pick<JobsMonitorRoutesOptions, 'queue' | 'jobs'>;
  /** Notifications and live pages (issue 18): this process's LISTEN hub, and which channels are configured. */
  liveHub: LiveHub;
  messaging: MessagingSettings;
  /** Printables (issue 24): QR labels lead to PUBLIC_URL when set, else to the address the request came to. */
  publicUrl?: string;
}): express.Router {
  const { admin, prisma, throttle, cookieSecure: secure } = options;
  const { rootPath, loginPath } = admin.options;
  const router = express.Router();

  router.use(hardenAdminPages);
  router.use(sessionMiddleware({ pool: options.pool, secret: options.sessionSecret, secure, ttlHours: options.sessionTtlHours }));
  // No path or query of ours means anything with a NUL byte, and PostgreSQL refuses it in text.
  router.use((req, _res, next) => next(/%00/.test(req.url) ? new MalformedInputError('nulCharacter') : undefined));

  const renderLogin = async (req: Request, res: Response, status: number, errorMessage: string | null) => {
    const token = csrfToken(req, res, { secure });
    // Stored before a byte of the page leaves: express-session would store a new session only at the
    // response's end, after sending all but its last byte, and a form posted in between (its scripts
    // render it) carried a token its session did not hold yet: the rare 403 on a correct sign-in.
    await new Promise<void>((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
    res.status(status).type('html').send(await admin.renderLogin({ action: loginPath, errorMessage, csrfToken: token } as never));
  };

  router.get('/login', async (req, res, next) => {
    if (req.session.adminUser) return res.redirect(rootPath);
    await renderLogin(req, res, 200, null).catch(next);
  });

  router.post('/login', express.urlencoded({ extended: false, limit: '10kb' }), requireCsrfToken, async (req, res, next) => {
    try {
      const result = await signIn(prisma, throttle, { email: req.body.email, password: req.body.password, ip: req.ip ?? 'unknown' });
      if (!result.ok) return await renderLogin(req, res, result.reason === 'tooManyRequests' ? 429 : 401, result.reason);
      // A new session id on sign-in: an id planted before login is worthless after it.
      req.session.regenerate((error) => {
        if (error) return next(error);
        req.session.adminUser = result.user;
        req.session.cookie.maxAge = signedInSessionMaxAge(options.sessionTtlHours);
        csrfToken(req, res, { secure, overwrite: true });
        req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(303, rootPath)));
      });
    } catch (error) {
      next(error);
    }
  });

  // AdminJS's "Cerrar sesión" link is a GET: refuse it from any other origin (another site, or another
  // port of this host, which the browser calls the same site), so no other page can sign a user out.
  const logout = (req: Request, res: Response, next: NextFunction) => {
    const from = req.headers['sec-fetch-site'];
    if (req.method !== 'POST' && (from === 'cross-site' || from === 'same-site')) return res.status(403).send('Forbidden'); // GET or HEAD
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie(SESSION_COOKIE).clearCookie(CSRF_COOKIE).redirect(303, loginPath);
    });
  };
  router.get('/logout', logout);
  router.post('/logout', requireCsrfToken, logout);

  router.use(async (req, res, next) => {
    if (req.path.startsWith(PUBLIC_ASSETS)) return next();
    // Pages and answers carry the person's data: no cache keeps them.
    res.setHeader('Cache-Control', 'no-store');
    // Rights are read afresh on every request: a deactivated account or a removed group takes effect
    // at once, not at the next sign-in. The session store read them with the session (admin/session.ts).
    let current: CurrentUser | null = null;
    try {
      const stored = req.session.adminUser;
      if (stored) {
        const readWithSession = currentUserReadWithSession(stored);
        current = readWithSession !== undefined ? readWithSession : await loadCurrentUser(prisma, Number(stored.id));
      }
    } catch (error) {
      return next(error);
    }
    if (!current) {
      if (req.session.adminUser) await new Promise((resolve) => req.session.destroy(resolve));
      if (req.path.startsWith('/api/')) return res.status(401).json({ error: 'not signed in' });
      return res.redirect(loginPath);
    }
    req.session.adminUser = current;
    // Keep the readable cookie in step with the session's token for AdminJS's axios client.
    if (req.method === 'GET' && !req.headers.cookie?.includes(`${CSRF_COOKIE}=`)) csrfToken(req, res, { secure });
    // Every write of this request is recorded in the change history as this person's.
    // A GET or HEAD only reads: any write it attempts through our client is refused (state changes by POST).
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    actAs({ userId: current.access.userId, label: `user:${current.email}`, requestId: String(req.id), ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '').slice(0, 500), sessionId: req.sessionID, readOnly }, () => next());
  });
  router.use(requireCsrfToken);

  // The API gate: a call to an action the user may not use on that resource at all (by the role rules,
  // or because the resource switches it off) is refused here with 403 before AdminJS runs anything.
  // Row conditions are the adapter's business (a hidden row answers 404).
  router.use('/api/resources/:resourceId', (req, res, next) => {
    const actionName =
      /^\/(?:actions|bulk)\/([^/?]+)/.exec(req.path)?.[1] ??
      /^\/records\/[^/]+\/([^/?]+)/.exec(req.path)?.[1] ??
      (req.path.startsWith('/search/') ? 'search' : undefined);
    const action = actionName ? findAction(admin, req.params.resourceId!, actionName) : undefined;
    if (action?.isAccessible(req.session.adminUser as CurrentAdmin)) {
      if (methodAllowed(req.method, action)) return next();
      // A one-click action changes state on any call: only a POST (with its CSRF token) may call it.
      return res.status(405).set('Allow', 'POST').json({ error: 'method not allowed', message: 'postRequired' });
    }
    next(new AccessDeniedError(actionName ?? 'use', req.params.resourceId!));
  });

  router.use(exportRoutes({ admin, prisma, pool: options.pool, reports: options.reports, timeZone: options.timeZone }));
  router.use(languageRoute(prisma));
  router.use(eventsRoute({ prisma, hub: options.liveHub }));
  router.use(notificationRoutes({ prisma, messaging: options.messaging }));
  router.use('/documents', documentRoutes({ prisma, throttle, ...options.documents }));
  router.use(importRoutes({ admin, prisma, ...options.imports }));
  router.use(jobsMonitorRoutes({ prisma, pool: options.pool, timeZone: options.timeZone, ...options.jobsMonitor }));
  router.use(calendarRoutes({ prisma, timeZone: options.timeZone }));
  router.use(budgetRoutes({ prisma, pool: options.pool }));
  // projects (issue 24): a project's Gantt and figures
  router.use(projectRoutes({ prisma, timeZone: options.timeZone }));
  // health (issue 25): an asset's health panel
  router.use(healthRoutes({ prisma, timeZone: options.timeZone }));
  router.use(inventoryRoutes({ prisma }));
  // energy (issue 25): the energy page's figures
  router.use(energyRoutes({ prisma, timeZone: options.timeZone }));
  router.use(printableRoutes({ admin, prisma, timeZone: options.timeZone, publicUrl: options.publicUrl }));
  router.use(transmittalRoutes({ prisma, timeZone: options.timeZone }));
  router.use('/api/', statusFromAdminNotices, withoutSecrets);
  router.use(adminRequestBodies);

  AdminJSExpress.buildRouter(admin, router);

  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!isCsrfError(error)) return next(error);
    req.log?.warn({ path: req.path }, 'request refused: missing or invalid CSRF token');
    res.status(403).json({ error: 'invalid csrf token', message: 'invalidCsrf' });
  });
  return router;
}

function findAction(admin: AdminJS, resourceId: string, actionName: string): ActionDecorator | undefined {
  try {
    return admin.findResource(resourceId).decorate().actions[actionName];
  } catch {
    return undefined; // no such resource
  }
}

/** AdminJS answers a hidden or missing record, and a refused action, with 200 and an error notice; give
 * those answers their HTTP status too (404, 403), so clients and logs see what happened. */
function statusFromAdminNotices(_req: Request, res: Response, next: NextFunction): void {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    const notice = (body as { notice?: { type?: string; message?: string } } | undefined)?.notice;
    if (res.statusCode === 200 && notice?.type === 'error') {
      // A record id AdminJS itself finds malformed ("abc", "-1") is no record either.
      if (/cannot be found|pass a valid recordId/.test(notice.message ?? '')) res.status(404);
      else if (notice.message === 'forbiddenError' || notice.message === 'anyForbiddenError') res.status(403);
    }
    return json(body);
  };
  next();
}
