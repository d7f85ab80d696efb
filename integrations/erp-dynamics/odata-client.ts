// HTTP to Dynamics 365's OData endpoint, with the ERP's rules of conduct in one place:
//  - the bearer token from client credentials (a 401 drops it and the request is sent once more);
//  - 429 Too Many Requests: wait what Retry-After says (up to a limit), then send again;
//  - 5xx and timeouts on reads: retried with exponential backoff. Writes are not blindly re-sent: the
//    caller looks the record up by its key first, so a create that succeeded behind a timeout is found.
import { ErpError } from './erp.js';
import type { TokenSource } from './dynamics-token.js';
import type { DynamicsSettings } from './settings.js';

const MAX_THROTTLED_WAITS = 5;
const MAX_READ_ATTEMPTS = 3;

export interface ODataClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** Requests sent, including retries (for tests and the bench). */
  readonly requests: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function odataClient(settings: DynamicsSettings, tokens: TokenSource): ODataClient {
  const root = `${settings.baseUrl.replace(/\/+$/, '')}/data/`;
  let requests = 0;

  async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let throttledWaits = 0;
    let attempts = 0;
    let renewedToken = false;
    for (;;) {
      attempts += 1;
      const token = await tokens.token();
      let response: Response;
      try {
        requests += 1;
        response = await fetch(root + path, {
          method,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            'OData-Version': '4.0',
            ...(body !== undefined && { 'Content-Type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(settings.requestTimeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        const failure = new ErpError(timedOut ? 'timeout' : 'unreachable', `${method} ${path.split('?')[0]}: ${timedOut ? `no answer within ${settings.requestTimeoutMs} ms` : (error as Error).message}`);
        if (method === 'GET' && attempts < MAX_READ_ATTEMPTS) {
          await sleep(settings.backoffMs * 2 ** (attempts - 1));
          continue;
        }
        throw failure;
      }
      if (response.status === 401 && !renewedToken) {
        // An expired or revoked token: ask for a new one and send the same request once more.
        await response.body?.cancel();
        tokens.invalidate(token);
        renewedToken = true;
        attempts -= 1;
        continue;
      }
      if (response.status === 429) {
        await response.body?.cancel();
        const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
        if (throttledWaits >= MAX_THROTTLED_WAITS || retryAfter > settings.maxRetryAfterSeconds)
          throw new ErpError('throttled', `the ERP asks to wait ${retryAfter} s (429)`, 429);
        throttledWaits += 1;
        attempts -= 1;
        await sleep(retryAfter * 1000);
        continue;
      }
      if (response.status >= 500) {
        const text = await errorText(response);
        if (method === 'GET' && attempts < MAX_READ_ATTEMPTS) {
          await sleep(settings.backoffMs * 2 ** (attempts - 1));
          continue;
        }
        throw new ErpError('server', `${method} ${path.split('?')[0]}: the ERP answered ${response.status}${text ? `: ${text}` : ''}`, response.status);
      }
      if (response.status === 401 || response.status === 403)
        throw new ErpError('auth', `${method} ${path.split('?')[0]}: the ERP refused our credentials (${response.status})`, response.status);
      if (!response.ok)
        throw new ErpError('refused', `${method} ${path.split('?')[0]}: the ERP refused it (${response.status}): ${await errorText(response)}`, response.status);
      try {
        return (await response.json()) as T;
      } catch {
        throw new ErpError('invalid-answer', `${method} ${path.split('?')[0]}: the ERP's answer is not JSON`, response.status);
      }
    }
  }

  return {
    get requests() {
      return requests;
    },
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
  };
}

/** Retry-After is seconds or an HTTP date; a missing or unreadable one counts as one second. */
function retryAfterSeconds(header: string | null): number {
  if (!header) return 1;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function errorText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message.slice(0, 300);
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, 300);
}

/** An OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
