// CSRF protection of the portal's form without a session (visitors do not sign in, and no session row is
// made for each scan): a random nonce in an HttpOnly, SameSite=Strict cookie scoped to /r/, and in the
// form the HMAC of that nonce and the page's token under the server's secret. A POST must bring both and
// they must agree: another site can neither read the cookie nor send it (Strict), nor forge the HMAC.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

export const PORTAL_CSRF_COOKIE = 'portal_csrf';

export function portalCsrf(secret: string, secure: boolean) {
  const sign = (nonce: string, token: string) => createHmac('sha256', secret).update(`portal:${nonce}:${token}`).digest('base64url');
  return {
    /** The form field's value for this page, setting the cookie it pairs with. */
    issue(req: Request, res: Response, token: string): string {
      const existing = cookieOf(req, PORTAL_CSRF_COOKIE);
      const nonce = existing && /^[A-Za-z0-9_-]{22,64}$/.test(existing) ? existing : randomBytes(24).toString('base64url');
      res.cookie(PORTAL_CSRF_COOKIE, nonce, { httpOnly: true, sameSite: 'strict', secure, path: '/r/' });
      return sign(nonce, token);
    },
    verify(req: Request, token: string, field: unknown): boolean {
      const nonce = cookieOf(req, PORTAL_CSRF_COOKIE);
      if (!nonce || typeof field !== 'string') return false;
      const expected = Buffer.from(sign(nonce, token));
      const given = Buffer.from(field);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
