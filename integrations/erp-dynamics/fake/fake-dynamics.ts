// A fake Dynamics 365 Finance & Operations on 127.0.0.1, written by us for the tests, the bench and a
// person trying the module by hand (`npm run fake:erp`). It speaks what our driver speaks: the OAuth 2.0
// client-credentials token endpoint, and OData entities (PurchaseRequisitionHeaders and Lines, VendorsV2,
// ReleasedProductsV2) with $filter, $select, $top, ETags and If-Match. Switches make it misbehave the way
// the real one does: answer slowly, 401 on expired tokens, 429 with Retry-After, 500, or accept a create
// and never answer.
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FilterSyntaxError, parseFilter, type Row } from './odata-filter.js';

export interface FakeDynamicsOptions {
  clientId?: string;
  clientSecret?: string;
  /** Companies the fake knows; a requisition for another is refused (400). */
  companies?: string[];
  externalKeyField?: string;
  tokenLifetimeSeconds?: number;
  /** Every OData answer waits this long (the network and the ERP). */
  latencyMs?: number;
  /** For hand runs: an InReview requisition becomes Approved after this long (0: never). */
  approveAfterMs?: number;
  port?: number;
}

/** How the fake misbehaves; each counter is spent by the OData requests that meet it. */
export interface FakeDynamicsSwitches {
  latencyMs: number;
  /** The next n requests are answered 429 with this Retry-After. */
  throttle: { count: number; retryAfterSeconds: number };
  /** The next n requests are answered with this 5xx status. */
  fail: { count: number; status: number };
  /** The next n creates (POST) are committed, and then no answer ever comes. */
  acceptThenTimeout: { count: number };
}

export interface FakeDynamics {
  url: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  switches: FakeDynamicsSwitches;
  /** Every token issued so far is now expired: the next request with one gets 401. */
  expireTokens(): void;
  /** The records of an entity (live objects: tests may read them). */
  rows(entity: string): Row[];
  /** An ERP user changes a requisition (its status, its name): the record's ETag changes. */
  changeRequisition(erpId: string, changes: Partial<{ RequisitionStatus: string; RequisitionName: string }>): void;
  counts: { tokens: number; requests: number; creates: number };
  close(): Promise<void>;
}

const ENTITY_KEYS: Record<string, string[]> = {
  PurchaseRequisitionHeaders: ['dataAreaId', 'RequisitionNumber'],
  PurchaseRequisitionLines: ['dataAreaId', 'RequisitionNumber', 'LineNumber'],
  VendorsV2: ['dataAreaId', 'VendorAccountNumber'],
  ReleasedProductsV2: ['dataAreaId', 'ItemNumber'],
};

export async function startFakeDynamics(options: FakeDynamicsOptions = {}): Promise<FakeDynamics> {
  const clientId = options.clientId ?? 'cmms-client';
  const clientSecret = options.clientSecret ?? 'fake-secret';
  const companies = options.companies ?? ['usmf'];
  const externalKeyField = options.externalKeyField ?? 'CmmsRequisitionNumber';
  const tokens = new Map<string, number>(); // token -> expires at (ms)
  const versions = new WeakMap<Row, number>();
  const data: Record<string, Row[]> = Object.fromEntries(Object.keys(ENTITY_KEYS).map((entity) => [entity, []]));
  const counts = { tokens: 0, requests: 0, creates: 0 };
  const switches: FakeDynamicsSwitches = {
    latencyMs: options.latencyMs ?? 0,
    throttle: { count: 0, retryAfterSeconds: 1 },
    fail: { count: 0, status: 500 },
    acceptThenTimeout: { count: 0 },
  };
  let sequence = 0;
  const held = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  for (const company of companies) {
    data.VendorsV2!.push({ dataAreaId: company, VendorAccountNumber: 'V-0001', VendorOrganizationName: 'Suministros Industriales del Norte' });
    data.ReleasedProductsV2!.push({ dataAreaId: company, ItemNumber: 'M-0001', SearchName: 'Rodamiento 6205', InventoryUnitSymbol: 'ea' });
  }

  const etagOf = (row: Row) => `W/"${versions.get(row) ?? 1}"`;
  const touch = (row: Row) => versions.set(row, (versions.get(row) ?? 1) + 1);
  const present = (row: Row, select?: string[]) => {
    const fields = select ?? Object.keys(row);
    return { '@odata.etag': etagOf(row), ...Object.fromEntries(fields.map((field) => [field, row[field] ?? null])) };
  };
  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json; odata.metadata=minimal', 'OData-Version': '4.0', ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const odataError = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) =>
    send(res, status, { error: { code: String(status), message } }, headers);
  const wait = (ms: number) => new Promise((resolve) => {
    const timer = setTimeout(() => { timers.delete(timer); resolve(undefined); }, ms);
    timers.add(timer);
  });

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function issueToken(res: ServerResponse, body: string) {
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') return send(res, 400, { error: 'unsupported_grant_type' });
    if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret)
      return send(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
    const token = randomBytes(24).toString('base64url');
    const lifetime = options.tokenLifetimeSeconds ?? 3600;
    tokens.set(token, Date.now() + lifetime * 1000);
    counts.tokens += 1;
    send(res, 200, { token_type: 'Bearer', expires_in: lifetime, access_token: token });
  }

  function parseKey(entity: string, text: string): Record<string, string | number> | null {
    const key: Record<string, string | number> = {};
    for (const part of text.split(',')) {
      const match = /^\s*([A-Za-z]+)\s*=\s*(?:'((?:[^']|'')*)'|(-?\d+))\s*$/.exec(part);
      if (!match) return null;
      key[match[1]!] = match[2] !== undefined ? match[2].replace(/''/g, "'") : Number(match[3]);
    }
    return ENTITY_KEYS[entity]!.every((field) => field in key) ? key : null;
  }

  async function odata(req: IncomingMessage, res: ServerResponse, entity: string, keyText: string | undefined, query: URLSearchParams) {
    const rows = data[entity];
    if (!rows) return odataError(res, 404, `No entity set named '${entity}'.`);
    if (keyText !== undefined) {
      const key = parseKey(entity, keyText);
      if (!key) return odataError(res, 400, `The key of ${entity} is ${ENTITY_KEYS[entity]!.join(', ')}.`);
      const row = rows.find((candidate) => Object.entries(key).every(([field, value]) => candidate[field] === value));
      if (!row) return odataError(res, 404, `No ${entity} record with that key.`);
      if (req.method === 'GET') return send(res, 200, present(row), { ETag: etagOf(row) });
      if (req.method === 'PATCH') {
        const match = req.headers['if-match'];
        if (match && match !== '*' && match !== etagOf(row)) return odataError(res, 412, 'The record was changed by someone else (ETag mismatch).');
        const changes = JSON.parse((await readBody(req)) || '{}') as Row;
        for (const field of ENTITY_KEYS[entity]!) delete changes[field];
        Object.assign(row, changes);
        touch(row);
        return send(res, 204, undefined, { ETag: etagOf(row) });
      }
      return odataError(res, 405, `${req.method} is not supported on a ${entity} record.`);
    }
    if (req.method === 'GET') {
      let found = rows;
      const filter = query.get('$filter');
      if (filter) {
        try {
          found = rows.filter(parseFilter(filter));
        } catch (error) {
          if (error instanceof FilterSyntaxError) return odataError(res, 400, error.message);
          throw error;
        }
      }
      const top = query.get('$top');
      if (top) found = found.slice(0, Number(top));
      const select = query.get('$select')?.split(',').map((field) => field.trim()).filter(Boolean);
      return send(res, 200, { '@odata.context': `${entity}`, value: found.map((row) => present(row, select)) });
    }
    if (req.method === 'POST') {
      let row: Row;
      try {
        row = JSON.parse(await readBody(req)) as Row;
      } catch {
        return odataError(res, 400, 'The body is not JSON.');
      }
      if (!companies.includes(String(row.dataAreaId))) return odataError(res, 400, `Company '${String(row.dataAreaId)}' does not exist.`);
      if (entity === 'PurchaseRequisitionHeaders') {
        sequence += 1;
        row.RequisitionNumber = `PR-${String(sequence).padStart(6, '0')}`;
        row.RequisitionStatus = 'InReview';
        row[externalKeyField] ??= null;
        if (options.approveAfterMs) {
          const created = row;
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (created.RequisitionStatus === 'InReview') {
              created.RequisitionStatus = 'Approved';
              touch(created);
            }
          }, options.approveAfterMs);
          timers.add(timer);
        }
      } else if (entity === 'PurchaseRequisitionLines') {
        const header = data.PurchaseRequisitionHeaders!.find((h) => h.dataAreaId === row.dataAreaId && h.RequisitionNumber === row.RequisitionNumber);
        if (!header) return odataError(res, 400, `Requisition ${String(row.RequisitionNumber)} does not exist.`);
        if (rows.some((line) => line.RequisitionNumber === row.RequisitionNumber && line.LineNumber === row.LineNumber))
          return odataError(res, 400, `Line ${String(row.LineNumber)} of ${String(row.RequisitionNumber)} already exists.`);
      } else {
        return odataError(res, 405, `${entity} is read-only here.`);
      }
      rows.push(row);
      versions.set(row, 1);
      counts.creates += 1;
      if (switches.acceptThenTimeout.count > 0) {
        // Committed, and the answer never leaves: the client's timeout decides.
        switches.acceptThenTimeout.count -= 1;
        held.add(res);
        return;
      }
      return send(res, 201, present(row), { ETag: etagOf(row) });
    }
    return odataError(res, 405, `${req.method} is not supported on ${entity}.`);
  }

  async function control(req: IncomingMessage, res: ServerResponse) {
    if (req.method === 'POST') {
      const body = JSON.parse((await readBody(req)) || '{}') as Partial<FakeDynamicsSwitches> & { expireTokens?: boolean };
      if (body.expireTokens) expireTokens();
      if (body.latencyMs !== undefined) switches.latencyMs = Number(body.latencyMs);
      for (const name of ['throttle', 'fail', 'acceptThenTimeout'] as const) if (body[name]) Object.assign(switches[name], body[name]);
    }
    send(res, 200, { switches, counts, requisitions: data.PurchaseRequisitionHeaders!.length });
  }

  function expireTokens() {
    for (const token of tokens.keys()) tokens.set(token, 0);
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/oauth2/token' && req.method === 'POST') return issueToken(res, await readBody(req));
      if (url.pathname === '/fake/switches') return control(req, res);
      const match = /^\/data\/([A-Za-z0-9]+)(?:\((.*)\))?$/.exec(decodeURIComponent(url.pathname));
      if (!match) return odataError(res, 404, 'Not found.');
      counts.requests += 1;
      if (switches.latencyMs > 0) await wait(switches.latencyMs);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const expiresAt = token ? tokens.get(token) : undefined;
      if (expiresAt === undefined) return odataError(res, 401, 'Authentication failed: no valid bearer token.', { 'WWW-Authenticate': 'Bearer' });
      if (expiresAt <= Date.now()) return odataError(res, 401, 'The access token has expired.', { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The token is expired"' });
      if (switches.throttle.count > 0) {
        switches.throttle.count -= 1;
        return odataError(res, 429, 'Too many requests.', { 'Retry-After': String(switches.throttle.retryAfterSeconds) });
      }
      if (switches.fail.count > 0) {
        switches.fail.count -= 1;
        return odataError(res, switches.fail.status, 'An internal server error occurred.');
      }
      return odata(req, res, match[1]!, match[2], url.searchParams);
    })().catch((error: Error) => {
      if (!res.headersSent) odataError(res, 500, `fake ERP failure: ${error.message}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    tokenUrl: `${url}/oauth2/token`,
    clientId,
    clientSecret,
    switches,
    counts,
    expireTokens,
    rows: (entity) => data[entity] ?? [],
    changeRequisition(erpId, changes) {
      const row = data.PurchaseRequisitionHeaders!.find((header) => header.RequisitionNumber === erpId);
      if (!row) throw new Error(`no requisition ${erpId} in the fake ERP`);
      Object.assign(row, changes);
      touch(row);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const res of held) res.destroy();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
