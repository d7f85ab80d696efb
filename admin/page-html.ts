// AdminJS renders its pages (layout and login) as HTML strings with the application state inlined as
// `window.REDUX_STATE = ${JSON.stringify(state)}` in a <script>. JSON.stringify leaves `</script>` as is,
// so a user whose name holds it would run script on every page. AdminJS offers no hook into that
// template, so its output is rewritten before it leaves: the inlined JSON re-serialised safely for a
// script element, a nonce on each inline script (the CSP allows no other inline script), and the link
// to Google Fonts removed (no page asks another host for anything; the theme uses system fonts).
import type { NextFunction, Request, Response } from 'express';

/** JSON that is also safe inside an HTML <script>: no `<`, `>`, `&`, U+2028 or U+2029 appears raw. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// JSON.stringify never writes a raw line break, so each inlined value is exactly the rest of its line.
// (`[^\n]`, not `.`: U+2028 and U+2029, which JSON.stringify leaves raw, end a line for `.` and `$`.)
const INLINED_JSON = /(\n[ \t]*window\.(?:REDUX_STATE|THEME) = )([^\n]*);(?=\n)/g;
const INLINED_PARSE = /(\n[ \t]*window\.__APP_STATE__ = )JSON\.parse\('([^\n]*)'\);(?=\n)/g;
const OUTSIDE_FONTS = /^\s*<link rel="stylesheet" href="https:\/\/fonts\.googleapis\.com\/[^"]*"[^>]*>\s*$/gm;

export function hardenAdminPage(html: string, nonce: string): string {
  return html
    .replace(INLINED_JSON, (_line, start: string, json: string) => `${start}${scriptSafeJson(JSON.parse(json))};`)
    .replace(INLINED_PARSE, (_line, start: string, json: string) => `${start}${scriptSafeJson(JSON.parse(json))};`)
    .replace(OUTSIDE_FONTS, '')
    .replace(/<script>/g, `<script nonce="${nonce}">`);
}

function isAdminPage(body: unknown): body is string {
  return typeof body === 'string' && /^\s*<!DOCTYPE html>/i.test(body) && body.includes('window.REDUX_STATE');
}

/** Express middleware: AdminJS's pages leave through hardenAdminPage, with this response's CSP nonce. */
export function hardenAdminPages(_req: Request, res: Response, next: NextFunction): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => send(isAdminPage(body) ? hardenAdminPage(body, String(res.locals.cspNonce ?? '')) : body);
  next();
}
