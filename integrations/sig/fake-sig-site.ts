// A fake of the legacy SIG, written by us for the tests and for trying the module by hand
// (`npm run fake:sig`). It talks like the old system: a login form with hidden fields, a session cookie,
// the open-tickets list in pages of windows-1252 HTML with layout tables, <font>, &nbsp; and <br>. Its
// switches break it the ways the real one breaks: a changed layout, a session that expires mid-run, slow
// pages, a login that is refused, a page that is not the list.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeWindows1252 } from './windows-1252.js';

export interface FakeSigTicket {
  number: string;
  type: string;
  description: string;
  requester: string;
  address: string;
  /** "dd/mm/yyyy hh:mm", as the SIG writes it. */
  date: string;
  priority: string;
}

export interface FakeSigSwitches {
  /** normal; reordered columns (still readable); the "Número" header renamed; no table at all. */
  layout: 'normal' | 'reordered' | 'renamedNumber' | 'noTable';
  /** The session ends after serving this many list pages, as when the SIG restarts mid-run. */
  expireSessionAfterPages: number | null;
  /** false: that happens once; true: to every session, so logging in again does not help. */
  expireRepeatedly: boolean;
  /** Delay before every list page answers. */
  slowPageMs: number;
  /** The login form refuses every password. */
  refuseLogin: boolean;
}

export interface FakeSigSite {
  url: string;
  credentials: { username: string; password: string };
  tickets: FakeSigTicket[];
  switches: FakeSigSwitches;
  pageSize: number;
  /** What it served: logins accepted and list pages. */
  counts: { logins: number; listPages: number };
  close(): Promise<void>;
}

const DEFAULT_SWITCHES: FakeSigSwitches = { layout: 'normal', expireSessionAfterPages: null, expireRepeatedly: false, slowPageMs: 0, refuseLogin: false };

const TYPES = ['Falla', 'Servicio', 'Reclamo', 'Información'];
const PRIORITIES = ['Baja', 'Media', 'Alta', 'Urgente'];
const STREETS = ['Col. Kennedy, 3a calle', 'Barrio El Centro, Av. Cervantes', 'Col. Miraflores, bloque 5', 'Aldea Suyapa, km 7'];

/** `count` open tickets numbered from `first`, with the accents and symbols the old site carries. */
export function sampleSigTickets(count: number, first = 100_001): FakeSigTicket[] {
  return Array.from({ length: count }, (_, i) => ({
    number: String(first + i),
    type: TYPES[i % TYPES.length]!,
    description: `Sin energía en el sector ${i + 1}; poste dañado — “urgente” según el señor Muñoz`,
    requester: `José Peña ${i + 1}`,
    address: STREETS[i % STREETS.length]!,
    date: `${String(1 + (i % 28)).padStart(2, '0')}/11/2026 ${String(7 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
    priority: PRIORITIES[i % PRIORITIES.length]!,
  }));
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const spaced = (text: string) => escape(text).replace(/ /g, '&nbsp;');

function page(title: string, body: string): string {
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML><HEAD><META http-equiv="Content-Type" content="text/html; charset=windows-1252"><TITLE>${escape(title)}</TITLE></HEAD>
<BODY bgcolor="#FFFFFF"><TABLE width="100%" border=0 cellpadding=0><TR><TD><FONT face="Verdana" size=3><B>SIG &mdash; Sistema Integrado de Gesti&oacute;n</B></FONT></TD></TR>
<TR><TD>${body}</TD></TR></TABLE></BODY></HTML>`;
}

function loginPage(token: string, message = ''): string {
  return page(
    'SIG - Ingreso',
    `${message ? `<FONT color="red">${escape(message)}</FONT><BR>` : ''}
<FORM method="POST" action="/login.asp"><INPUT type="hidden" name="__VIEWSTATE" value="${token}"><INPUT type="hidden" name="origen" value="web">
<TABLE><TR><TD>Usuario:</TD><TD><INPUT type="text" name="txtUsuario"></TD></TR>
<TR><TD>Contrase&ntilde;a:</TD><TD><INPUT type="password" name="txtClave"></TD></TR></TABLE>
<INPUT type="submit" name="btnIngresar" value="Ingresar"></FORM>`,
  );
}

const HEADERS: Record<keyof Omit<FakeSigTicket, never>, string> = {
  number: 'N&uacute;mero',
  type: 'Tipo',
  description: 'Descripci&oacute;n',
  requester: 'Solicitante',
  address: 'Direcci&oacute;n',
  date: 'Fecha',
  priority: 'Prioridad',
};

function cell(key: keyof FakeSigTicket, ticket: FakeSigTicket): string {
  switch (key) {
    case 'number':
      return `<A href="/ticket.asp?id=${ticket.number}"><B>${escape(ticket.number)}</B></A>`;
    case 'description': {
      const [first = '', ...rest] = ticket.description.split('; ');
      return `<FONT size=2>${escape(first)}${rest.length ? `<BR><I>${escape(rest.join('; '))}</I>` : ''}</FONT>`;
    }
    case 'requester':
      return `&nbsp;<SPAN class="nombre">${spaced(ticket.requester)}</SPAN>&nbsp;`;
    default:
      return `<FONT size=2>${spaced(ticket[key])}</FONT>`;
  }
}

function listPage(site: FakeSigSite, pageNumber: number): string {
  const { layout } = site.switches;
  if (layout === 'noTable')
    return page('SIG - Aviso', '<P><FONT color="red">El sistema se encuentra en mantenimiento. Intente m&aacute;s tarde.</FONT></P>');
  const keys: (keyof FakeSigTicket)[] =
    layout === 'reordered'
      ? ['priority', 'date', 'requester', 'number', 'address', 'description', 'type']
      : ['number', 'type', 'description', 'requester', 'address', 'date', 'priority'];
  const header = (key: keyof FakeSigTicket) => (key === 'number' && layout === 'renamedNumber' ? 'C&oacute;digo' : HEADERS[key]);
  const pages = Math.max(1, Math.ceil(site.tickets.length / site.pageSize));
  const shown = site.tickets.slice((pageNumber - 1) * site.pageSize, pageNumber * site.pageSize);
  const rows = shown
    .map((ticket, i) => `<TR bgcolor="${i % 2 ? '#EEEEEE' : '#FFFFFF'}">${keys.map((key) => `<TD>${cell(key, ticket)}</TD>`).join('')}</TR>`)
    .join('\n');
  const empty = shown.length === 0 ? `<TR><TD colspan=${keys.length}>No hay solicitudes abiertas</TD></TR>` : '';
  const pager = `<TR><TD colspan=${keys.length} align="center">P&aacute;gina ${pageNumber} de ${pages}&nbsp;${
    pageNumber < pages ? `<A href="tickets?estado=abierto&amp;pagina=${pageNumber + 1}">Siguiente &gt;&gt;</A>` : ''
  }</TD></TR>`;
  return page(
    'SIG - Solicitudes abiertas',
    `<TABLE class="grid" border=1 cellspacing=0>
<TR bgcolor="#003366">${keys.map((key) => `<TD><FONT color="white"><B>${header(key)}</B></FONT></TD>`).join('')}</TR>
${rows}${empty}
${pager}
</TABLE>`,
  );
}

export async function startFakeSigSite(
  options: { tickets?: FakeSigTicket[]; switches?: Partial<FakeSigSwitches>; pageSize?: number; port?: number; credentials?: { username: string; password: string } } = {},
): Promise<FakeSigSite> {
  const tokens = new Set<string>();
  const sessions = new Map<string, number>(); // session id → list pages served to it
  let expiredOnce = false;

  const send = (res: ServerResponse, html: string, extra: Record<string, string | string[]> = {}) => {
    // Old IIS: the charset is in the <meta>, not in the header.
    res.writeHead(200, { 'content-type': 'text/html', ...extra });
    res.end(encodeWindows1252(html));
  };
  const redirect = (res: ServerResponse, location: string, extra: Record<string, string | string[]> = {}) => {
    res.writeHead(302, { location, ...extra });
    res.end();
  };
  const newToken = () => {
    const token = randomBytes(12).toString('base64');
    tokens.add(token);
    return token;
  };
  const sessionOf = (req: IncomingMessage) => /ASPSESSIONID=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
  const readForm = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  };

  const site: FakeSigSite = {
    url: '',
    credentials: options.credentials ?? { username: 'callcenter', password: 'clave-sig-2026' },
    tickets: options.tickets ?? [],
    switches: { ...DEFAULT_SWITCHES, ...options.switches },
    pageSize: options.pageSize ?? 25,
    counts: { logins: 0, listPages: 0 },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://sig');
      if (url.pathname === '/login' || url.pathname === '/login.asp') {
        if (req.method !== 'POST') return send(res, loginPage(newToken()));
        const form = await readForm(req);
        // The hidden token must come back, as in the real form: a client that drops hidden fields fails.
        const token = form.get('__VIEWSTATE') ?? '';
        const valid = tokens.delete(token) && form.get('origen') === 'web';
        if (!valid || site.switches.refuseLogin || form.get('txtUsuario') !== site.credentials.username || form.get('txtClave') !== site.credentials.password)
          return send(res, loginPage(newToken(), 'Usuario o contraseña incorrectos'));
        const session = randomBytes(8).toString('hex');
        sessions.set(session, 0);
        site.counts.logins++;
        return redirect(res, '/menu.asp', { 'set-cookie': `ASPSESSIONID=${session}; path=/; HttpOnly` });
      }
      if (url.pathname === '/menu.asp') {
        const session = sessionOf(req);
        if (!session || !sessions.has(session)) return redirect(res, '/login');
        return send(res, page('SIG - Men\u00fa', '<A href="/tickets?estado=abierto">Solicitudes abiertas</A>'));
      }
      if (url.pathname === '/tickets') {
        const session = sessionOf(req);
        if (!session || !sessions.has(session)) return redirect(res, '/login');
        if (site.switches.slowPageMs > 0) await new Promise((resolve) => setTimeout(resolve, site.switches.slowPageMs));
        const served = sessions.get(session)!;
        const { expireSessionAfterPages, expireRepeatedly } = site.switches;
        if ((expireRepeatedly || !expiredOnce) && expireSessionAfterPages !== null && served >= expireSessionAfterPages) {
          expiredOnce = true;
          sessions.delete(session);
          return redirect(res, '/login');
        }
        sessions.set(session, served + 1);
        site.counts.listPages++;
        return send(res, listPage(site, Math.max(1, Number(url.searchParams.get('pagina')) || 1)));
      }
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end(encodeWindows1252(page('SIG - Error', '<P>P&aacute;gina no encontrada</P>')));
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return site;
}
