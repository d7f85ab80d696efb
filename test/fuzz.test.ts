// Malformed, oversized, wrong-typed and hostile input against every resource, action and parameter
// AdminJS exposes (read from the AdminJS instance the back office builds, so a new resource is covered
// without touching this file) and against every route of ours, as the five groups and a user in none.
// Whatever is sent: never a 500, never a stack trace or an internal message in the body, the process
// still answers /health after each batch, and nothing is written (row counts and change history).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type AdminJS from 'adminjs';
import type { ActionDecorator, PropertyDecorator } from 'adminjs';
import { createAdmin } from '../admin/admin.js';
import { CSRF_COOKIE } from '../admin/csrf.js';
import { SESSION_COOKIE } from '../admin/session.js';
import { getFullModel } from '../admin/dmmf.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';
import * as make from './support/factories.js';
import { aPdf, uploadRevision } from './support/documents.js';
import { ARTIFACTS_DIR } from './support/browser.js';
import {
  FuzzRun,
  HOSTILE_BOOLEANS,
  HOSTILE_DATES,
  HOSTILE_DIRECTIONS,
  HOSTILE_IDS,
  HOSTILE_NUMBERS,
  HOSTILE_PAGES,
  HOSTILE_PER_PAGE,
  HOSTILE_REFERENCES,
  HOSTILE_SORTS,
  HOSTILE_TEXT,
  hostileFormValues,
  rawRequest,
  rotate,
  verdictOn,
  type Probe,
} from './support/fuzz.js';

let office: TestBackOffice;
let prisma: Db;
let admin: AdminJS;
const run = new FuzzRun();
const people: Record<string, HttpClient> = {};
let documentId: number;
let revisionId: number;

beforeAll(async () => {
  // No job runs here: each batch compares every table's count before and after, and a scheduled job (KPIs
  // every ten minutes) writing in between would be taken for a probe's write.
  office = await startTestBackOffice({ jobs: [] });
  prisma = office.database.prisma;
  // The same AdminJS configuration the running back office serves: its resources, actions, properties.
  admin = createAdmin(prisma, { language: 'es', timeZone: office.config.timeZone });

  const administrator = new HttpClient(office.url);
  await administrator.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  people.admin = administrator;
  const others: [string, Person][] = [
    ['supervisor', await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora')],
    ['technician', await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true })],
    ['operator', await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Operadora')],
    ['consultant', await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carlos Consultor')],
    ['nobody', await aPerson(prisma, office.url, [], 'Nadia Sin Grupo')],
  ];
  for (const [role, person] of others) people[role] = person.client;

  // A small plant, so record actions and edits have something to aim at (and a "%" to find).
  const location = await make.aLocation(prisma, { name: 'Sala_de bombas' });
  const asset = await make.anAsset(prisma, { locationId: location.id, description: 'Válvula al 50% abierta' });
  await make.anAsset(prisma, { locationId: location.id, description: 'Bomba centrífuga' });
  await make.aWorkOrder(prisma, { assetId: asset.id });
  await make.aSchedule(prisma, asset.id);
  await make.aTechnician(prisma);
  const document = await prisma.document.create({ data: { title: 'Plano de la bomba', assetId: asset.id } });
  documentId = document.id;
  const uploaded = await uploadRevision(administrator, document.id, aPdf(), 'plano.pdf');
  revisionId = uploaded.body.revision!.id;
}, 180_000);

afterAll(async () => {
  console.log(run.report());
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await writeFile(path.join(ARTIFACTS_DIR, 'fuzz-report.json'), run.json());
  await office?.close();
});

/** What the database holds: rows of every table of ours (sessions and login counters aside) and
 * change-history entries. Refused requests must leave both as they were. KPI snapshots are left out:
 * the in-process KPI job writes them every ten minutes whatever the requests do (no request can), and a
 * batch spanning that minute failed the suite. */
async function snapshot(): Promise<string> {
  const tables = await office.database.pool.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
       AND c.relname NOT IN ('session', 'login_throttle', 'kpi_snapshots') AND c.relname NOT LIKE '\\_prisma%' ORDER BY 1`,
  );
  const counts = await office.database.pool.query<Record<string, string>>(
    `SELECT ${tables.rows.map((t, i) => `(SELECT count(*) FROM "${t.name}") AS c${i}`).join(', ')}`,
  );
  return JSON.stringify(tables.rows.map((t, i) => [t.name, counts.rows[0]![`c${i}`]]));
}

/** One batch: sent, then the process must still serve and nothing may have changed. */
async function batch(name: string, probes: Probe[]): Promise<void> {
  const before = await snapshot();
  await run.send(probes);
  const health = await fetch(`${office.url}/health`).catch(() => null);
  if (health?.status !== 200) run.problem(name, `/health answered ${health?.status ?? 'nothing'} after the batch: the process is down`);
  const after = await snapshot();
  if (after !== before) run.problem(name, `something was written by refused requests:\n before ${before}\n after  ${after}`);
}

function expectNoProblems(): void {
  expect(run.problems.map((p) => `${p.label}: ${p.problem}`)).toEqual([]);
}

const q = encodeURIComponent;

function resources() {
  return admin.resources.map((resource) => {
    const decorated = resource.decorate();
    const actions = Object.values(decorated.actions) as (ActionDecorator & { name: string })[];
    return { id: decorated.id(), model: getFullModel(decorated.id()), decorated, actions };
  });
}

/** Hostile values for a list filter on this property, as query-string pairs. */
function filterProbes(property: PropertyDecorator): [string, string][] {
  const path = `filters.${property.name()}`;
  const pairs: [string, string][] = [
    [`${path}.nested`, 'x'],
    [path, 'a'.repeat(201)],
  ];
  const type = property.type();
  if (property.reference()) pairs.push(...HOSTILE_REFERENCES.map((v): [string, string] => [path, v]));
  else if (type === 'date' || type === 'datetime')
    pairs.push(...HOSTILE_DATES.flatMap((v): [string, string][] => [[`${path}~~from`, v], [`${path}~~to`, v]]), [path, '2026-01-01']);
  else if (type === 'number' || type === 'float' || type === 'currency') pairs.push(...HOSTILE_NUMBERS.map((v): [string, string] => [path, v]));
  else if (type === 'boolean') pairs.push(...HOSTILE_BOOLEANS.map((v): [string, string] => [path, v]));
  else pairs.push(...HOSTILE_TEXT.map((v): [string, string] => [path, v]));
  return pairs;
}

describe('AdminJS resources: every resource × action × parameter', () => {
  it('lists: page, perPage, sort and every filter property with hostile values, as every role', { timeout: 300_000 }, async () => {
    let turn = 0;
    for (const { id, decorated } of resources()) {
      const probes: Probe[] = [];
      const list = `/admin/api/resources/${id}/actions/list`;
      const a = people.admin!;
      turn++;
      // AdminJS reads "1.5" as a page and caps perPage itself; an unknown sort sorts by id: 200 there.
      for (const page of rotate(HOSTILE_PAGES, turn, 3)) probes.push({ kind: 'list-page', label: id, client: a, path: `${list}?page=${q(page)}`, allow: [200] });
      for (const perPage of rotate(HOSTILE_PER_PAGE, turn, 3)) probes.push({ kind: 'list-perPage', label: id, client: a, path: `${list}?perPage=${q(perPage)}`, allow: [200] });
      for (const sortBy of rotate(HOSTILE_SORTS, turn, 2)) probes.push({ kind: 'list-sort', label: id, client: a, path: `${list}?sortBy=${q(sortBy)}`, allow: [200] });
      for (const direction of rotate(HOSTILE_DIRECTIONS, turn, 1)) probes.push({ kind: 'list-sort', label: id, client: a, path: `${list}?direction=${q(direction)}`, allow: [200] });
      for (const [n, property] of decorated.getProperties({ where: 'filter' }).entries())
        for (const [key, value] of rotate(filterProbes(property), turn + n, 4))
          // A text that is only odd (a "%", a quote) is a valid filter: it answers 200 with what it matches.
          probes.push({ kind: 'list-filter', label: `${id}.${property.name()}=${value.slice(0, 20)}`, client: a, path: `${list}?${q(key)}=${q(value)}`, allow: [200] });
      // Its Excel export reads the same filters: a hostile one is refused before the download starts.
      const exportable = decorated.getProperties({ where: 'filter' });
      if (exportable.length)
        for (const [key, value] of rotate(filterProbes(exportable[turn % exportable.length]!), turn, 2))
          probes.push({ kind: 'exports', label: `${id} ${key}=${value.slice(0, 20)}`, client: a, path: `/admin/exports/${id}.xlsx?${q(key)}=${q(value)}`, allow: [200] });
      // The other roles: one of the worst inputs each (most are refused by the rules first).
      const date = decorated.getProperties({ where: 'filter' }).find((p) => p.type() === 'date' || p.type() === 'datetime');
      const worst = [`page=-1`, `perPage=abc`, `sortBy=__proto__`, date ? `${q(`filters.${date.name()}~~from`)}=garbage` : `filters.id=0x1`];
      for (const [n, [role, client]] of Object.entries(people).entries())
        if (role !== 'admin') probes.push({ kind: 'list-roles', label: `${id} as ${role}`, client, path: `${list}?${worst[(turn + n) % worst.length]}`, allow: [200] });
      await batch(`list ${id}`, probes);
    }
    expectNoProblems();
  });

  it('searches (reference selects) take "%", "_" and "\\" literally and refuse what cannot be searched', { timeout: 120_000 }, async () => {
    let turn = 0;
    for (const { id, actions } of resources()) {
      if (!actions.some((action) => action.name === 'search')) continue;
      const search = (text: string) => `/admin/api/resources/${id}/actions/search/${q(text).replace(/\./g, '%2E')}`;
      const probes: Probe[] = rotate(HOSTILE_TEXT, turn++, 5).map((text) => ({ kind: 'search', label: `${id} ${text.slice(0, 20)}`, client: people.admin!, path: search(text), allow: [200] }));
      for (const [role, client] of rotate(Object.entries(people).filter(([role]) => role !== 'admin'), turn, 2))
        probes.push({ kind: 'search', label: `${id} as ${role}`, client, path: search('%'), allow: [200] });
      await batch(`search ${id}`, probes);
    }
    // "%" finds the one asset whose description has it, not every asset; "_" finds none.
    const titles = async (text: string) =>
      ((await people.admin!.json<{ records: { title: string }[] }>(`/admin/api/resources/Asset/actions/search/${q(text)}`)).body.records ?? []).map((r) => r.title);
    expect(await titles('%')).toHaveLength(1);
    expect(await titles('_')).toEqual([]);
    const filtered = await people.admin!.json<{ records: unknown[] }>(`/admin/api/resources/Location/actions/list?${q('filters.name')}=${q('a_d')}`);
    expect(filtered.body.records).toHaveLength(1); // "Sala_de bombas", and "a_d" is no pattern
    run.count('search', 3);
    expectNoProblems();
  });

  it('record, bulk and custom actions with ids that are no ids answer 404 (or 403), never another record', { timeout: 300_000 }, async () => {
    let turn = 0;
    for (const { id, actions } of resources()) {
      const probes: Probe[] = [];
      turn++;
      for (const action of actions) {
        // "show" takes a third of the hostile ids (all of them across the resources); the other record
        // actions a rotating one by GET and another by POST.
        if (action.isRecordType()) {
          const calls: [string, 'GET' | 'POST'][] =
            action.name === 'show' ? rotate(HOSTILE_IDS, turn, 8).map((recordId) => [recordId, 'GET']) : rotate(HOSTILE_IDS, turn, 2).map((recordId, n) => [recordId, n ? 'POST' : 'GET']);
          for (const [recordId, method] of calls)
            probes.push({ kind: 'record-id', label: `${id}.${action.name} ${recordId}`, client: people.admin!, method, path: `/admin/api/resources/${id}/records/${q(recordId)}/${action.name}` });
        }
        if (action.isBulkType())
          for (const method of ['GET', 'POST'] as const)
            probes.push({ kind: 'bulk-ids', label: `${id}.${action.name}`, client: people.admin!, method, path: `/admin/api/resources/${id}/bulk/${action.name}?recordIds=${q(HOSTILE_IDS.slice(0, 12).join(','))}` });
      }
      for (const [role, client] of Object.entries(people))
        if (role !== 'admin') probes.push({ kind: 'record-id', label: `${id}.show as ${role}`, client, path: `/admin/api/resources/${id}/records/0x1/show` });
      await batch(`records ${id}`, probes);
    }
    // The work-order forms with a real order and payloads that cannot mean anything: refused, not written.
    const order = await prisma.workOrder.findFirstOrThrow();
    const formAction = (action: string, fields: Record<string, string>, label: string): Probe => {
      const body = new FormData();
      for (const [key, value] of Object.entries(fields)) body.set(key, value);
      return { kind: 'action-forms', label: `${action} ${label}`, client: people.admin!, method: 'POST', path: `/admin/api/resources/WorkOrder/records/${order.id}/${action}`, body, allow: [200] };
    };
    await batch('work-order forms', [
      ...[...HOSTILE_REFERENCES, 'a\u0000b', ''].map((value) => formAction('assign', { technicianId: value }, value)),
      formAction('assign', { 'technicianId.id': '1' }, 'object'),
      formAction('recordSteps', { steps: 'not a list' }, 'steps text'),
      formAction('recordSteps', { 'steps.0.stepId': 'abc', 'steps.0.value': 'a\u0000b' }, 'steps hostile'),
      formAction('close', { labourHours: 'abc', problemId: '0x1', causeId: '99999999999999999999', observations: 'x'.repeat(20_000) }, 'hostile closeout'),
    ]);
    // "0x1" is no id: it does not show record 1.
    const shown = await people.admin!.request('/admin/api/resources/Asset/records/0x1/show');
    expect(shown.status).toBe(404);
    run.count('record-id');
    expectNoProblems();
  });

  it('new and edit forms refuse values of the wrong kind next to the field, and write nothing', { timeout: 300_000 }, async () => {
    let turn = 0;
    for (const { id, model, actions } of resources()) {
      const decorated = admin.findResource(id).decorate();
      const canCreate = actions.some((a) => a.name === 'new');
      const canEdit = actions.some((a) => a.name === 'edit');
      const existing = canEdit ? (await people.admin!.json<{ records?: { id: string }[] }>(`/admin/api/resources/${id}/actions/list?perPage=1`)).body.records?.[0]?.id : undefined;
      const probes: Probe[] = [];
      const columns = new Set(model.fields.map((f) => f.name));
      for (const property of decorated.getProperties({ where: 'edit' })) {
        // Columns only: a virtual field (a new password) is its resource's own business.
        if (!columns.has(property.name())) continue;
        const choice = (property.availableValues()?.length ?? 0) > 0;
        const [nul, ...kindOf] = hostileFormValues(property.reference() ? 'reference' : property.type(), choice);
        const forms: [string, Record<string, string>][] = [
          ...[nul!, ...rotate(kindOf, turn++, 1)].map((value): [string, Record<string, string>] => [value.slice(0, 16), { [property.name()]: value }]),
          // A reference or a value given as an object.
          ['object', { [`${property.name()}.id`]: '1', [`${property.name()}.connect.id`]: '1' }],
        ];
        for (const [label, fields] of forms) {
          const body = () => {
            const data = new FormData();
            for (const [key, value] of Object.entries(fields)) data.set(key, value);
            return data;
          };
          if (canCreate) probes.push({ kind: 'form-new', label: `${id}.${property.name()} ${label}`, client: people.admin!, method: 'POST', path: `/admin/api/resources/${id}/actions/new`, body: body(), allow: [200] });
          if (existing)
            probes.push({ kind: 'form-edit', label: `${id}.${property.name()} ${label}`, client: people.admin!, method: 'POST', path: `/admin/api/resources/${id}/records/${existing}/edit`, body: body(), allow: [200] });
        }
      }
      // Bodies that cannot be read at all, and a form from each other role.
      if (canCreate) {
        const path = `/admin/api/resources/${id}/actions/new`;
        probes.push(
          { kind: 'bodies', label: `${id} malformed JSON`, client: people.admin!, method: 'POST', path, body: '{"code": "x",', headers: { 'content-type': 'application/json' } },
          { kind: 'bodies', label: `${id} JSON reference object`, client: people.admin!, method: 'POST', path, body: JSON.stringify(Object.fromEntries([...columns].map((c) => [c, { connect: { id: 1 } }]))), headers: { 'content-type': 'application/json' }, allow: [200] },
          { kind: 'bodies', label: `${id} multipart without boundary`, client: people.admin!, method: 'POST', path, body: 'x', headers: { 'content-type': 'multipart/form-data' } },
        );
        for (const [role, client] of rotate(Object.entries(people).filter(([role]) => role !== 'admin'), turn, 2)) {
            const data = new FormData();
            for (const column of [...columns].slice(0, 4)) data.set(column, 'a\u0000b');
            probes.push({ kind: 'form-roles', label: `${id} as ${role}`, client, method: 'POST', path, body: data, allow: [200] });
          }
      }
      await batch(`forms ${id}`, probes);
    }
    expectNoProblems();
  });

  it('bodies over the limit and multipart cut short are refused with 413 and 400', async () => {
    const cookie = await sessionCookie(people.admin!);
    const path = '/admin/api/resources/Asset/actions/new';
    const before = await snapshot();
    const boundary = 'fuzzboundary';
    const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="code"\r\n\r\nACT-CUT\r\n--${boundary}\r\nContent-Disposition: form-data; name="descr`;
    // Heads written by hand (a lying or huge Content-Length is the point); "{length}" is the body's own.
    const head = (line: string, type: string, withSession = true, length = '{length}') =>
      `${line} HTTP/1.1\r\nHost: x\r\n${withSession ? cookie : ''}Content-Type: ${type}\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`;
    const multipart = `multipart/form-data; boundary=${boundary}`;
    const cases: [string, string, string, number[]][] = [
      ['truncated multipart', head(`POST ${path}`, multipart), truncated, [400]],
      ['declared 50 MB', head(`POST ${path}`, multipart, true, '52428800'), 'x', [413]],
      ['2 MB of fields', head(`POST ${path}`, 'application/x-www-form-urlencoded'), `notes=${'x'.repeat(2 * 1024 * 1024)}`, [413]],
      ['2 MB of JSON', head(`POST ${path}`, 'application/json'), `{"notes":"${'x'.repeat(2 * 1024 * 1024)}"}`, [413]],
      ['login over its limit', head('POST /admin/login', 'application/x-www-form-urlencoded', false), `email=${'x'.repeat(20_000)}`, [413]],
      ['sign over its limit', head(`POST /admin/documents/revisions/${revisionId}/sign`, 'application/json'), `{"password":"${'x'.repeat(20_000)}"}`, [413]],
      ['sign malformed JSON', head(`POST /admin/documents/revisions/${revisionId}/sign`, 'application/json'), `{"password":`, [400]],
      ['upload cut short', head(`POST /admin/documents/${documentId}/revisions`, multipart), truncated.replace('name="code"', 'name="file"; filename="a.pdf"'), [400, 422]],
      ['question over its limit', head('POST /admin/documents/ask', 'application/json'), `{"question":"${'x'.repeat(20_000)}"}`, [413]],
      ['question malformed JSON', head('POST /admin/documents/ask', 'application/json'), `{"question":`, [400]],
    ];
    for (const [label, rawHead, body, expected] of cases) {
      run.count('bodies');
      const answer = await rawRequest(office.url, rawHead.replace('{length}', String(Buffer.byteLength(body))), body);
      const problem = verdictOn(answer.status, answer.text, []);
      if (problem || !expected.includes(answer.status)) run.problem(`bodies ${label}`, problem ?? `answered ${answer.status}, expected ${expected.join(' or ')}`);
    }
    expect(await snapshot()).toBe(before);
    expect((await fetch(`${office.url}/health`)).status).toBe(200);
    expectNoProblems();
  });
});

/** The raw Cookie and CSRF headers of a signed-in client, for requests written by hand. */
async function sessionCookie(client: HttpClient): Promise<string> {
  await client.request('/admin/api/resources/Asset/actions/list?perPage=1'); // sets the readable CSRF cookie
  const token = decodeURIComponent(client.cookie(CSRF_COOKIE) ?? '');
  return `Cookie: ${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}; ${CSRF_COOKIE}=${client.cookie(CSRF_COOKIE)}\r\nX-XSRF-TOKEN: ${token}\r\n`;
}

describe('our routes: documents, imports, exports, history, calendar, sign-in', () => {
  it('answer hostile ids, parameters and bodies with refusals, as every role', { timeout: 240_000 }, async () => {
    const probes: Probe[] = [];
    for (const [turn, [role, client]] of Object.entries(people).entries()) {
      const as = (kind: string, label: string, path: string, extra: Partial<Probe> = {}): Probe => ({ kind, label: `${label} as ${role}`, client, path, ...extra });
      // Filters on properties a list does not have are ignored (the export is made): 200 there.
      const download = { allow: [200] };
      // The administrator gets every hostile id on every route; the other roles a rotating few.
      for (const id of role === 'admin' ? HOSTILE_IDS : rotate(HOSTILE_IDS, turn, 3)) {
        const i = q(id);
        probes.push(
          as('documents', `download ${id}`, `/admin/documents/revisions/${i}/download`),
          as('documents', `verify ${id}`, `/admin/documents/revisions/${i}/verify`),
          as('documents', `revisions ${id}`, `/admin/documents/${i}/revisions`),
          as('documents', `attachments ${id}`, `/admin/documents/attachments?assetId=${i}`),
          as('documents', `open ${id}`, `/admin/documents/revisions/${i}/open`),
          as('documents', `search asset ${id}`, `/admin/documents/search?q=bomba&assetId=${i}`),
          as('documents', `search location ${id}`, `/admin/documents/search?q=bomba&locationId=${i}&page=${i}`),
          as('documents', `sign ${id}`, `/admin/documents/revisions/${i}/sign`, { method: 'POST', body: JSON.stringify({ password: PASSWORD }), headers: { 'content-type': 'application/json' } }),
          as('documents', `upload ${id}`, `/admin/documents/${i}/revisions`, { method: 'POST', body: pdfForm() }),
          as('imports', `status ${id}`, `/admin/imports/runs/${i}/status`),
          as('imports', `errors ${id}`, `/admin/imports/runs/${i}/errors.xlsx`),
          as('imports', `file ${id}`, `/admin/imports/runs/${i}/file`),
        );
      }
      // Words full-text search must take as words (websearch syntax never errs), filters it must refuse.
      for (const text of role === 'admin' ? HOSTILE_TEXT : rotate(HOSTILE_TEXT, turn, 4))
        probes.push(as('documents', `search ${text.slice(0, 20)}`, `/admin/documents/search?q=${q(text)}`, { allow: [200] }));
      for (const query of ['q[a]=1', 'q=a&q=b', 'kind[]=MANUAL', 'from=2026-02-31', 'to=9999-99-99', `q=${'a'.repeat(400)}`, 'state=__proto__'])
        probes.push(as('documents', `search ${query.slice(0, 20)}`, `/admin/documents/search?${query}`));
      const sign = `/admin/documents/revisions/${revisionId}/sign`;
      for (const body of ['{"password":', '[]', '{"password":{"$gt":""}}', '{"password":["a"]}', '"text"', '{"password":"a\\u0000b"}'])
        probes.push(as('documents', `sign body ${body}`, sign, { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
      for (const [label, body, type] of [
        ['no boundary', 'x', 'multipart/form-data'],
        ['not multipart', 'x', 'text/plain'],
        ['no file', '--b\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--b--\r\n', 'multipart/form-data; boundary=b'],
      ] as const)
        probes.push(as('documents', `upload ${label}`, `/admin/documents/${documentId}/revisions`, { method: 'POST', body, headers: { 'content-type': type } }));
      const kinds = ['assets', 'locations', '__proto__', 'constructor', '%2e%2e', 'x'.repeat(300)];
      for (const kind of role === 'admin' ? kinds : rotate(kinds, turn, 2)) {
        for (const mode of ['BOGUS', 'all_or_nothing', '', 'VALID_ROWS'])
          probes.push(as('imports', `import ${kind.slice(0, 12)} mode=${mode}`, `/admin/imports/${q(kind)}?mode=${q(mode)}&fileName=libro.xlsx`, { method: 'POST', body: 'no es un libro', headers: { 'content-type': 'application/octet-stream' } }));
        probes.push(
          as('imports', `import ${kind.slice(0, 12)} mode object`, `/admin/imports/${q(kind)}?mode[a]=1`, { method: 'POST', body: 'x' }),
          as('imports', `import ${kind.slice(0, 12)} long name`, `/admin/imports/${q(kind)}?fileName=${'x'.repeat(400)}.xlsx`, { method: 'POST', body: 'x' }),
          as('imports', `template ${kind.slice(0, 12)}`, `/admin/imports/${q(kind)}/template.xlsx`, { allow: [200] }),
        );
      }
      const models = ['Asset', 'WorkOrder', 'Location', 'ChangeHistory', 'User', '__proto__', 'constructor', 'toString'];
      for (const model of role === 'admin' ? models : rotate(models, turn, 3)) {
        const exportPath = (query: string) => `/admin/exports/${model}.xlsx?${query}`;
        probes.push(
          as('exports', `${model} date garbage`, exportPath(`${q('filters.plannedOn~~from')}=garbage&${q('filters.createdAt~~to')}=2026-13-45`), download),
          as('exports', `${model} reference huge`, exportPath(`${q('filters.location')}=99999999999999999999&${q('filters.asset')}=0x1`), download),
          as('exports', `${model} text objects`, exportPath(`${q('filters.code.x')}=1&${q('filters.description')}=${'a'.repeat(300)}`), download),
          as('exports', `${model} number`, exportPath(`${q('filters.id')}=abc`), download),
        );
      }
      for (const query of [`${q('filters.changedAt~~from')}=garbage`, `${q('filters.recordId')}=1e400`, `${q('filters.tableName')}=${'x'.repeat(300)}`, `${q('filters.actorLabel.x')}=1`])
        probes.push(as('history-export', query.slice(0, 30), `/admin/history/export.xlsx?${query}`, download));
      // The planning calendar (admin/calendar): hostile ids in its query and its move, bodies it cannot read.
      for (const id of role === 'admin' ? HOSTILE_IDS : rotate(HOSTILE_IDS, turn, 3)) {
        const i = q(id);
        const asNumber = Number.isFinite(Number(id)) ? Number(id) : id;
        const json = { 'content-type': 'application/json' };
        probes.push(
          as('calendar', `orders ${id}`, `/admin/calendar/orders?locationId=${i}&technicianId=${i}&day=${i}&view=${i}`),
          as('calendar', `move ${id}`, '/admin/calendar/move', { method: 'POST', body: JSON.stringify({ workOrderId: asNumber, plannedOn: id, technicianId: asNumber }), headers: json }),
        );
      }
      for (const body of ['{"workOrderId":', '[]', '{"workOrderId":{"$gt":0}}', '"text"', '{"workOrderId":1,"plannedOn":"2026-01-01\\u0000"}', `{"workOrderId":1,"plannedOn":"${'9'.repeat(5000)}"}`])
        probes.push(as('calendar', `move body ${body.slice(0, 30)}`, '/admin/calendar/move', { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
      // Projects (issue 24): a project's Gantt and figures by hostile ids.
      for (const id of role === 'admin' ? HOSTILE_IDS : rotate(HOSTILE_IDS, turn, 3)) probes.push(as('projects', `figures ${id}`, `/admin/projects/${q(id)}/figures`));
      // Notifications (issue 18): hostile ids and pages of a person's own centre, hostile preferences.
      for (const id of role === 'admin' ? HOSTILE_IDS : rotate(HOSTILE_IDS, turn, 3))
        probes.push(as('notifications', `read ${id}`, `/admin/notifications/${q(id)}/read`, { method: 'POST' }), as('notifications', `page before=${id}`, `/admin/notifications?before=${q(id)}`));
      for (const body of ['{"choices":', '[]', '{"choices":[{"kind":"__proto__","channel":"email","enabled":true}]}', '{"choices":[{"kind":"work-order-assigned","channel":"sms","enabled":true}]}', '{"telegramChatId":{"a":1},"choices":[]}', `{"telegramChatId":"${'9'.repeat(100)}","choices":[]}`])
        probes.push(as('notifications', `preferences ${body.slice(0, 24)}`, '/admin/notifications/preferences', { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
      // energy (issue 25): the energy page's figures with hostile dates, periods and groupings.
      for (const id of role === 'admin' ? HOSTILE_IDS : rotate(HOSTILE_IDS, turn, 3))
        probes.push(as('energy', `report ${id}`, `/admin/energy/report?from=${q(id)}&to=2026-01-01&period=${q(id)}&groupBy=${q(id)}`));
      probes.push(as('energy', 'report backwards', '/admin/energy/report?from=2026-12-31&to=2026-01-01'), as('energy', 'report objects', '/admin/energy/report?from[a]=1&to[b]=2'));
      // availability (issue 25): the availability page's figures with hostile dates and groupings.
      for (const id of role === 'admin' ? HOSTILE_IDS : rotate(HOSTILE_IDS, turn, 3))
        probes.push(as('availability', `report ${id}`, `/admin/health/availability?from=${q(id)}&to=2026-01-01&groupBy=${q(id)}`), as('availability', `group ${id}`, `/admin/health/availability?from=2026-01-01&to=2026-01-31&groupBy=${q(id)}`));
      probes.push(as('availability', 'report backwards', '/admin/health/availability?from=2026-12-31&to=2026-01-01'), as('availability', 'report objects', '/admin/health/availability?from[a]=1&to[b]=2&groupBy[c]=3'));
      probes.push(as('urls', 'NUL in a path', '/admin/api/resources/Asset/records/1%00/show'), as('urls', 'NUL in a query', '/admin/api/resources/Asset/actions/list?filters.code=a%00'));
    }
    // Sign-in: malformed bodies from a visitor.
    const visitor = new HttpClient(office.url);
    const token = await visitor.loginFormToken();
    for (const body of [
      `email=a%00b&password=x&_csrf=${token}`,
      `email=${'a'.repeat(5000)}@x&password=x&_csrf=${token}`,
      `email[]=a&password[x]=y&_csrf=${token}`,
      `%%%&_csrf=${token}`,
    ])
      probes.push({ kind: 'login', label: body.slice(0, 30), client: visitor, method: 'POST', path: '/admin/login', body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, allow: [200] });
    await batch('our routes', probes);
    expectNoProblems();
  });

  it('the process is still serving after all of it, and the suite sent its cases', async () => {
    expect((await fetch(`${office.url}/health`)).status).toBe(200);
    const list = await people.admin!.json<{ records: unknown[] }>('/admin/api/resources/Asset/actions/list');
    expect(list.status).toBe(200);
    expect(list.body.records.length).toBeGreaterThan(0);
    expect(run.total()).toBeGreaterThan(1000);
  });
});

function pdfForm(): FormData {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(aPdf())]), 'plano.pdf');
  return form;
}
