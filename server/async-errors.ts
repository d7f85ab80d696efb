// Express 4 does not look at the promise an async handler returns: a rejection escapes the request and,
// unhandled, ends the process. Express 5 would (it awaits handlers), but AdminJS's assets and routes do
// not work under it yet (adminjs issues 1739, 1781). So once the app is assembled, every handler in its
// router tree (ours, the helpers' and AdminJS's) is wrapped to pass a rejection to next(error), where
// the error handler answers it. New routes are covered without anyone remembering a wrapper.
import type { Express, NextFunction, Request, Response } from 'express';

type Handler = ((req: Request, res: Response, next: NextFunction) => unknown) & { stack?: Layer[] };
type ErrorHandler = (error: unknown, req: Request, res: Response, next: NextFunction) => unknown;
interface Layer {
  handle: Handler | ErrorHandler;
  route?: { stack: Layer[] };
}

const WRAPPED = Symbol('forwards async errors');

export function forwardAsyncErrors(app: Express): void {
  wrapStack((app as unknown as { _router?: { stack: Layer[] } })._router?.stack ?? []);
}

function wrapStack(stack: Layer[]): void {
  for (const layer of stack) {
    if (layer.route) wrapStack(layer.route.stack);
    const handle = layer.handle as Handler;
    // A nested router returns nothing of its own: wrap what it holds.
    if (Array.isArray(handle.stack)) wrapStack(handle.stack);
    else layer.handle = wrap(layer.handle);
  }
}

function wrap(handle: Handler | ErrorHandler): Handler | ErrorHandler {
  if ((handle as { [WRAPPED]?: true })[WRAPPED]) return handle;
  // Express tells error handlers by their arity: keep it.
  const wrapped =
    handle.length === 4
      ? (error: unknown, req: Request, res: Response, next: NextFunction) => settle((handle as ErrorHandler)(error, req, res, next), next)
      : (req: Request, res: Response, next: NextFunction) => settle((handle as Handler)(req, res, next), next);
  return Object.assign(wrapped, { [WRAPPED]: true as const });
}

function settle(result: unknown, next: NextFunction): void {
  if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, (error: unknown) => next(error ?? new Error('handler rejected without a reason')));
}
