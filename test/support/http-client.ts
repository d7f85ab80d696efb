// A small browser-like HTTP client: keeps cookies, reads the CSRF token, signs in through the login form.
export class HttpClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** The same browser (its cookies) at another address: another web process behind the load balancer. */
  onto(baseUrl: string): HttpClient {
    const other = new HttpClient(baseUrl);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(path: string, init: RequestInit & { csrf?: boolean } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (init.csrf !== false && xsrf && init.method && init.method !== 'GET') headers.set('x-xsrf-token', decodeURIComponent(xsrf));
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('=').trim());
    }
    return response;
  }

  /** Opens the login page and returns the CSRF token the form carries. */
  async loginFormToken(): Promise<string> {
    const page = await (await this.request('/admin/login')).text();
    const token = /"csrfToken":"([a-f0-9]+)"/.exec(page)?.[1];
    if (!token) throw new Error('the login page carries no CSRF token');
    return token;
  }

  async submitLogin(email: string, password: string, token?: string): Promise<Response> {
    const csrf = token ?? (await this.loginFormToken());
    return this.request('/admin/login', {
      method: 'POST',
      csrf: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
    });
  }

  async signIn(email: string, password: string): Promise<void> {
    const response = await this.submitLogin(email, password);
    if (response.status !== 303) throw new Error(`sign-in of ${email} failed with ${response.status}`);
    // express-session stores the session again at the response's end and holds the body's last byte
    // until it has: read to the end, the session is stored. Otherwise a test that ends the person's
    // sessions right after (a change of sites) can delete the row before that late store re-creates it.
    await response.arrayBuffer();
  }

  async json<T = unknown>(path: string, init: RequestInit & { csrf?: boolean } = {}): Promise<{ status: number; body: T }> {
    const response = await this.request(path, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }
}
