// CSRF protection (AdminJS has none): the synchronizer-token pattern of csrf-sync. The token lives in
// the session and is mirrored into a readable XSRF-TOKEN cookie, which AdminJS's axios client sends back
// as the X-XSRF-TOKEN header on its own; the login form sends it as the hidden field `_csrf`.
import type { NextFunction, Request, Response } from 'express';
import { csrfSync } from 'csrf-sync';

export const CSRF_COOKIE = 'XSRF-TOKEN';

const csrf = csrfSync({
  getTokenFromRequest: (req) => {
    const header = req.headers['x-xsrf-token'] ?? req.headers['x-csrf-token'];
    if (typeof header === 'string') return header;
    const body = (req as Request & { body?: Record<string, unknown> }).body;
    return typeof body?._csrf === 'string' ? body._csrf : undefined;
  },
  errorConfig: { statusCode: 403, message: 'invalid csrf token', code: 'EBADCSRFTOKEN' },
});

export function csrfToken(req: Request, res: Response, options: { secure: boolean; overwrite?: boolean }): string {
  const token = csrf.generateToken(req, options.overwrite);
  res.cookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'strict', secure: options.secure, path: '/' });
  return token;
}

/** Rejects state-changing requests whose token does not match the session's. */
export function requireCsrfToken(req: Request, res: Response, next: NextFunction): void {
  csrf.csrfSynchronisedProtection(req, res, next);
}

export function isCsrfError(error: unknown): boolean {
  return (error as { code?: string })?.code === 'EBADCSRFTOKEN';
}
