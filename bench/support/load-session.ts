// One signed-in person of the load benchmark: a cookie jar over undici (the load generator shares the two
// cores with the server, so it uses undici's request directly rather than fetch), the CSRF header AdminJS's
// client sends on writes, and the latency of each request.
import { Agent, request, type Dispatcher } from 'undici';

export interface Sample {
  /** What was asked (e.g. "list WorkOrder by state"), for the per-kind table. */
  kind: string;
  ms: number;
  /** HTTP status, or 0 when the connection failed. */
  status: number;
  /** When it finished (performance.now() of the generator). */
  at: number;
}

export class LoadSession {
  private cookies = new Map<string, string>();

  constructor(
    private baseUrl: string,
    private agent: Agent,
    readonly email: string,
    cookies: Record<string, string> = {},
  ) {
    this.cookies = new Map(Object.entries(cookies));
  }

  /** Points the same session at another server (the sessions live in PostgreSQL, not in the process). */
  retarget(baseUrl: string, agent: Agent): void {
    this.baseUrl = baseUrl;
    this.agent = agent;
  }

  get cookieJar(): ReadonlyMap<string, string> {
    return this.cookies;
  }

  async call(path: string, init: { method?: 'GET' | 'POST'; body?: string | Buffer; contentType?: string } = {}): Promise<{ status: number; body: Buffer; headers: Dispatcher.ResponseData['headers'] }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const method = init.method ?? 'GET';
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (method !== 'GET' && xsrf) headers['x-xsrf-token'] = decodeURIComponent(xsrf);
    if (init.contentType) headers['content-type'] = init.contentType;
    const response = await request(new URL(path, this.baseUrl), { method, headers, body: init.body, dispatcher: this.agent });
    const setCookie = response.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a))) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('=').trim());
    }
    const body = Buffer.from(await response.body.arrayBuffer());
    return { status: response.statusCode, body, headers: response.headers };
  }

  async json<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const response = await this.call(path, init.body === undefined ? { method: init.method } : { method: init.method, body: JSON.stringify(init.body), contentType: 'application/json' });
    const text = response.body.toString('utf8');
    return { status: response.status, body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : null) as T };
  }

  async signIn(password: string): Promise<void> {
    const page = (await this.call('/admin/login')).body.toString('utf8');
    const token = /"csrfToken":"([a-f0-9]+)"/.exec(page)?.[1];
    if (!token) throw new Error('the login page carries no CSRF token');
    const form = new URLSearchParams({ email: this.email, password, _csrf: token }).toString();
    const answer = await this.call('/admin/login', { method: 'POST', body: form, contentType: 'application/x-www-form-urlencoded' });
    if (answer.status !== 303) throw new Error(`sign-in of ${this.email} answered ${answer.status}`);
  }
}
