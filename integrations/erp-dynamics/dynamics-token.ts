// OAuth 2.0 client credentials for Dynamics 365: one token shared by every request, kept until shortly
// before it expires, and dropped when the ERP answers 401 (revoked or expired early).
import { ErpError } from './erp.js';
import type { DynamicsSettings } from './settings.js';

// A token is renewed this long before its stated expiry, so a request never leaves with a dying one.
const EXPIRY_MARGIN_MS = 60_000;

export interface TokenSource {
  token(): Promise<string>;
  /** Forget the cached token (after a 401): the next call asks for a new one. */
  invalidate(rejected: string): void;
  /** How many tokens were fetched (for tests and the bench). */
  readonly fetched: number;
}

export function clientCredentialsToken(settings: DynamicsSettings, now: () => number = Date.now): TokenSource {
  let cached: { value: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;
  let fetched = 0;

  async function fetchToken(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      scope: settings.scope,
    });
    let response: Response;
    try {
      response = await fetch(settings.tokenUrl, { method: 'POST', body, signal: AbortSignal.timeout(settings.requestTimeoutMs) });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new ErpError(timedOut ? 'timeout' : 'unreachable', `token endpoint ${timedOut ? 'timed out' : 'unreachable'}: ${(error as Error).message}`);
    }
    const answer = (await response.json().catch(() => null)) as { access_token?: string; expires_in?: number | string; error_description?: string } | null;
    if (response.status >= 500) throw new ErpError('server', `token endpoint answered ${response.status}`, response.status);
    if (!response.ok || !answer?.access_token)
      throw new ErpError('auth', `token refused (${response.status}): ${answer?.error_description ?? 'check ERP_DYNAMICS_CLIENT_ID and ERP_DYNAMICS_CLIENT_SECRET'}`, response.status);
    fetched += 1;
    const lifetimeMs = Number(answer.expires_in ?? 3600) * 1000;
    cached = { value: answer.access_token, expiresAt: now() + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2) };
    return cached.value;
  }

  return {
    get fetched() {
      return fetched;
    },
    async token() {
      if (cached && cached.expiresAt > now()) return cached.value;
      // Requests in flight together share one token request.
      pending ??= fetchToken().finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate(rejected) {
      if (cached?.value === rejected) cached = null;
    },
  };
}
