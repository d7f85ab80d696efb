// The process-level guarantee: no request, job or input ends the process. Route handlers already pass
// their rejections to the error handler (async-errors.ts); this catches what still escapes (a callback
// of a stream or timer, a promise nobody awaited), logs it with the request it belongs to, answers that
// request 500 if it is still open, and keeps serving. The web process holds the embedded database and
// the queue too: exiting on one bad request would take them all down.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { answerInternalError } from './internal-error.js';

const requests = new AsyncLocalStorage<{ req: Request; res: Response }>();

/** Express middleware: what runs for this request (and anything it starts) knows its request. */
export function requestScope(req: Request, res: Response, next: NextFunction): void {
  requests.run({ req, res }, next);
}

let installed: Logger | undefined;

export function installProcessGuard(logger: Logger): void {
  if (installed) return;
  installed = logger;
  const escaped = (kind: string) => (error: unknown) => {
    const scope = requests.getStore();
    (scope?.req.log ?? logger).error({ err: error, requestId: scope?.req.id, kind }, 'an error escaped its handler; the process keeps serving');
    if (scope && !scope.res.headersSent) answerInternalError(scope.req, scope.res);
  };
  process.on('unhandledRejection', escaped('unhandledRejection'));
  process.on('uncaughtException', escaped('uncaughtException'));
}
