// The SIG client: logs in with the site's own form, keeps the session cookie, and walks the open-tickets
// list page by page (a pause between pages). A page that comes back as the login form means the session
// expired: it logs in again, once per run, and asks for the same page; a second expiry is a failure.
import { SigError } from './sig-error.js';
import { findLoginForm, readTicketListPage, type SigTicketRow } from './sig-pages.js';
import type { SigSettings } from './sig-settings.js';
import { decodePage } from './windows-1252.js';

export interface SigListPage {
  pageNumber: number;
  rows: SigTicketRow[];
}

export interface SigClient {
  /** The open tickets, one list page at a time; stop iterating to stop reading. */
  openTicketPages(): AsyncGenerator<SigListPage>;
}

export const SIG_LOGIN_PATH = '/login';
export const SIG_OPEN_TICKETS_PATH = '/tickets?estado=abierto';

interface Page {
  url: string;
  html: string;
}

export function createSigClient(settings: SigSettings): SigClient {
  const cookies = new Map<string, string>();
  const root = settings.baseUrl.replace(/\/+$/, '');

  const keepCookies = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0\b/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
  };

  /** One request, its redirects followed by hand so every Set-Cookie on the way is kept. */
  async function request(url: string, init: { method: 'GET' | 'POST'; form?: URLSearchParams }): Promise<Page> {
    let target = url;
    let method = init.method;
    let body: string | undefined = init.form?.toString();
    for (let hop = 0; hop < 6; hop++) {
      let response: Response;
      try {
        response = await fetch(target, {
          method,
          redirect: 'manual',
          signal: AbortSignal.timeout(settings.timeoutMs),
          headers: {
            ...(cookies.size > 0 && { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') }),
            ...(body !== undefined && { 'content-type': 'application/x-www-form-urlencoded' }),
          },
          body,
        });
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError')
          throw new SigError('sigTimeout', { seconds: Math.round(settings.timeoutMs / 100) / 10, path: new URL(target).pathname });
        throw new SigError('sigUnreachable', { host: new URL(target).host }, (error as Error).message);
      }
      keepCookies(response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        target = new URL(location, target).href;
        method = 'GET';
        body = undefined;
        continue;
      }
      if (response.status >= 400) {
        await response.body?.cancel();
        throw new SigError('sigHttpError', { status: response.status, path: new URL(target).pathname });
      }
      try {
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { url: target, html: decodePage(response.headers.get('content-type'), bytes) };
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError')
          throw new SigError('sigTimeout', { seconds: Math.round(settings.timeoutMs / 100) / 10, path: new URL(target).pathname });
        throw error;
      }
    }
    throw new SigError('sigHttpError', { status: 310, path: new URL(url).pathname }, 'too many redirects');
  }

  async function logIn(): Promise<void> {
    cookies.clear();
    const page = await request(root + SIG_LOGIN_PATH, { method: 'GET' });
    const form = findLoginForm(page.html);
    if (!form) throw new SigError('sigLoginFormMissing', { path: SIG_LOGIN_PATH });
    const fields = new URLSearchParams({ ...form.fields, [form.usernameField]: settings.username, [form.passwordField]: settings.password });
    const after = await request(new URL(form.action || page.url, page.url).href, { method: 'POST', form: fields });
    // Refused: the site answers with its login form again (with or without a message).
    if (findLoginForm(after.html)) throw new SigError('sigLoginRefused', { username: settings.username });
  }

  const pause = () => new Promise((resolve) => setTimeout(resolve, settings.pageDelayMs));

  async function* openTicketPages(): AsyncGenerator<SigListPage> {
    await logIn();
    let url: string | undefined = root + SIG_OPEN_TICKETS_PATH;
    const seen = new Set<string>();
    let loggedInAgain = false;
    for (let pageNumber = 1; url && pageNumber <= settings.maxPages && !seen.has(url); pageNumber++) {
      if (pageNumber > 1) await pause();
      seen.add(url);
      let page = await request(url, { method: 'GET' });
      if (findLoginForm(page.html)) {
        if (loggedInAgain) throw new SigError('sigSessionExpired', { page: pageNumber });
        loggedInAgain = true;
        await logIn();
        page = await request(url, { method: 'GET' });
        if (findLoginForm(page.html)) throw new SigError('sigSessionExpired', { page: pageNumber });
      }
      const list = readTicketListPage(page.html, pageNumber);
      yield { pageNumber, rows: list.rows };
      url = list.nextHref ? new URL(list.nextHref, page.url).href : undefined;
    }
  }

  return { openTicketPages };
}
