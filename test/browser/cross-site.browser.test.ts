// Another site cannot change anything through a signed-in supervisor's browser, and a hostile name is
// only text. A server of ours serves the attacking pages on another origin: once on another site
// (attacker.test, mapped to 127.0.0.1, so the session cookie is SameSite-withheld from its requests) and
// once on another port of this host (the browser calls it the same site and sends the cookie with every
// request: only POST-only actions and the CSRF token stand in the way). From each, the page links to,
// navigates to, submits GET and POST forms to, and fetches (no-cors) every state-changing route: every
// one-click action of every resource (read from AdminJS), AdminJS's new/edit/delete/bulk delete, our
// document upload and signature routes, the Excel import and sign-out. The database must not change.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOneClick } from '../../admin/action-methods.js';
import { createAdmin } from '../../admin/admin.js';
import { hashPassword } from '../../domain/users/password.js';
import type { Db } from '../../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from '../support/back-office.js';
import { ARTIFACTS_DIR, launchBrowser, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const HOSTILE_NAME = 'Ana</script><script>window.pwned=1</script>\u2028 & <b>negrita</b>';

type Target = { name: string; url: string; method: 'GET' | 'POST'; fields?: Record<string, string> };

let office: TestBackOffice;
let prisma: Db;
let browser: Browser;
let attacker: Server;
let attackerPort: number;
let supervisor: Person;
let targets: Target[] = [];

beforeAll(async () => {
  [office, browser] = await Promise.all([
    startTestBackOffice(),
    // attacker.test resolves to this machine: another site to the browser.
    launchBrowser({ extraArgs: ['--host-resolver-rules=MAP attacker.test 127.0.0.1'] }),
  ]);
  prisma = office.database.prisma;
  // The victim: a supervisor (in every group, so every action here is his to take).
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS', 'ADMINISTRATORS', 'TECHNICIANS', 'OPERATORS', 'CONSULTANTS'], 'Sara Supervisora', { technician: true });
  const asset = await make.anAsset(prisma);
  for (const state of ['ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED'])
    await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId: supervisor.technicianId, state, plannedOn: new Date('2026-11-20'), description: `Orden ${state}` } });
  await prisma.workRequest.create({ data: { assetId: asset.id, description: 'Ruido', reportedById: supervisor.userId } });
  await make.aSchedule(prisma, asset.id);
  await prisma.document.create({ data: { title: 'Manual' } });
  await prisma.requisition.create({ data: { title: 'Repuestos', requestedById: supervisor.userId } });
  await prisma.requisition.create({ data: { title: 'Enviada', requestedById: supervisor.userId } });
  await make.aLocation(prisma);
  targets = await stateChangingTargets();

  attacker = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://attacker');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(attackPage(url.searchParams.get('mode') ?? '', Number(url.searchParams.get('i') ?? 0), url.searchParams.get('method') ?? 'POST'));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerPort = (attacker.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => attacker?.close(resolve));
  await browser?.close();
  await office?.close();
});

/** Every route that changes state, with a real record where it needs one. */
async function stateChangingTargets(): Promise<Target[]> {
  const adminJs = createAdmin(prisma, { language: 'es', timeZone: office.config.timeZone });
  const api = `${office.url}/admin/api/resources`;
  const list: Target[] = [];
  for (const resource of adminJs.resources) {
    const id = resource.id();
    const rows = await (prisma as unknown as Record<string, { findMany(a: object): Promise<{ id: unknown }[]> }>)[id.charAt(0).toLowerCase() + id.slice(1)]!.findMany({ orderBy: { id: 'asc' } });
    for (const action of Object.values(resource.decorate().actions).filter(isOneClick)) {
      const kind = (action as unknown as { action: { actionType: string } }).action.actionType;
      if (kind === 'resource') {
        list.push({ name: `${id}.${action.name}`, url: `${api}/${id}/actions/${action.name}`, method: 'GET' });
        continue;
      }
      // Each record the action may apply to (an order in every state) by API, and the action's page address.
      for (const row of rows) list.push({ name: `${id}.${action.name}#${String(row.id)}`, url: `${api}/${id}/records/${String(row.id)}/${action.name}`, method: 'GET' });
      if (rows[0]) list.push({ name: `${id}.${action.name} page`, url: `${office.url}/admin/resources/${id}/records/${String(rows[0].id)}/${action.name}`, method: 'GET' });
    }
  }
  const location = await prisma.location.findFirstOrThrow();
  const document = await prisma.document.findFirstOrThrow();
  list.push(
    { name: 'Location.new', url: `${api}/Location/actions/new`, method: 'POST', fields: { code: 'FORJADA', name: 'Forjada' } },
    { name: 'Location.edit', url: `${api}/Location/records/${location.id}/edit`, method: 'POST', fields: { name: 'Cambiada' } },
    { name: 'Location.delete', url: `${api}/Location/records/${location.id}/delete`, method: 'POST' },
    { name: 'Location.bulkDelete', url: `${api}/Location/bulk/bulkDelete?recordIds=${location.id}`, method: 'POST' },
    { name: 'Document revision upload', url: `${office.url}/admin/documents/${document.id}/revisions`, method: 'POST', fields: { file: '%PDF-1.4 forjado' } },
    { name: 'Revision signature', url: `${office.url}/admin/documents/revisions/1/sign`, method: 'POST', fields: { password: PASSWORD } },
    { name: 'Excel import', url: `${office.url}/admin/imports/locations`, method: 'POST', fields: { mode: 'validOnly' } },
    { name: 'Sign-out', url: `${office.url}/admin/logout`, method: 'POST' },
    { name: 'Sign-out by link', url: `${office.url}/admin/logout`, method: 'GET' },
  );
  return list;
}

function formHtml(target: Target, method: string, frame?: string): string {
  const inputs = Object.entries(target.fields ?? {}).map(([k, v]) => `<input name="${k}" value="${v}">`).join('');
  const enctype = target.fields?.file ? ' enctype="multipart/form-data"' : '';
  return `<form method="${method}" action="${target.url}"${enctype}${frame ? ` target="${frame}"` : ''}>${inputs}</form>`;
}

function attackPage(mode: string, index: number, method: string): string {
  const json = JSON.stringify(targets).replace(/</g, '\\u003c');
  if (mode === 'links')
    return `<!DOCTYPE html><body>${targets.map((t, i) => `<a id="l${i}" href="${t.url}">${t.name}</a>`).join('<br>')}</body>`;
  // One form submitted by the top-level page.
  if (mode === 'form') return `<!DOCTYPE html><body>${formHtml(targets[index]!, method)}<script>document.forms[0].submit()</script></body>`;
  // Every target by a GET and a POST form, each into its own frame, all at once.
  if (mode === 'frames') {
    const forms = targets.flatMap((t, i) => ['GET', 'POST'].map((m) => `<iframe name="f${i}${m}"></iframe>${formHtml(t, m, `f${i}${m}`)}`));
    return `<!DOCTYPE html><body>${forms.join('')}<script>for (const form of document.forms) form.submit()</script></body>`;
  }
  // fetch: every target by GET, POST (form body and JSON) and HEAD, without CORS, with the cookies the browser allows.
  return `<!DOCTYPE html><body><script>
    const targets = ${json};
    const calls = [];
    for (const t of targets) {
      const body = new URLSearchParams(t.fields || {});
      calls.push(fetch(t.url, { mode: 'no-cors', credentials: 'include' }));
      calls.push(fetch(t.url, { mode: 'no-cors', credentials: 'include', method: 'HEAD' }));
      calls.push(fetch(t.url, { mode: 'no-cors', credentials: 'include', method: 'POST', body }));
      calls.push(fetch(t.url, { mode: 'no-cors', credentials: 'include', method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(t.fields || {}) }));
    }
    Promise.allSettled(calls).then((r) => { document.title = 'done ' + r.length; });
  </script></body>`;
}

/** Everything an attack could have changed. */
async function plantState(): Promise<string> {
  const { rows } = await office.database.pool.query(
    `SELECT (SELECT count(*) FROM change_history) AS history,
            (SELECT string_agg(id || state, ',' ORDER BY id) FROM work_orders) AS orders,
            (SELECT string_agg(id || state, ',' ORDER BY id) FROM work_requests) AS requests,
            (SELECT string_agg(id || state, ',' ORDER BY id) FROM documents) AS documents,
            (SELECT string_agg(id || state, ',' ORDER BY id) FROM requisitions) AS requisitions,
            (SELECT string_agg(id || name, ',' ORDER BY id) FROM locations) AS locations,
            (SELECT count(*) FROM document_revisions) AS revisions,
            (SELECT count(*) FROM import_runs) AS imports,
            (SELECT count(*) FROM session WHERE sess->'adminUser'->>'id' = $1) AS sessions`,
    [String(supervisor.userId)],
  );
  return JSON.stringify(rows[0]);
}

/** From `origin`: forms into frames and no-cors fetches for every target; with `topLevel`, also a clicked
 * link to every GET target and a top-level form for every POST target (the only requests to which a
 * browser attaches a SameSite=Lax cookie across sites are top-level GET navigations). */
async function attackFrom(context: BrowserContext, origin: string, topLevel: boolean): Promise<void> {
  const page = await context.newPage();
  const leaveAttacker = () => page.waitForURL((url) => !url.href.startsWith(origin), { waitUntil: 'commit' });
  if (topLevel)
    for (let i = 0; i < targets.length; i += 1) {
      if (targets[i]!.method === 'GET') {
        await page.goto(`${origin}/?mode=links`);
        await Promise.all([leaveAttacker(), page.locator(`#l${i}`).click()]);
      } else await Promise.all([leaveAttacker(), page.goto(`${origin}/?mode=form&i=${i}&method=POST`)]);
      await page.waitForLoadState('load');
    }
  await page.goto(`${origin}/?mode=frames`);
  await page.waitForLoadState('networkidle');
  await page.goto(`${origin}/?mode=fetch`);
  await page.waitForFunction(() => document.title.startsWith('done'), undefined, { timeout: 60_000 });
  await page.close();
}

describe('another site and a signed-in supervisor', () => {
  it('changes nothing by links, navigation, forms or fetches to any state-changing route', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);
    const names = targets.map((t) => t.name.split('#')[0]);
    // A requisition's approval asks for the password now (a form, not a click): its POST without the CSRF
    // token is refused in test/requisition-budget-approval.test.ts.
    for (const name of ['WorkOrder.start', 'WorkOrder.cancel', 'WorkRequest.convert', 'Document.submitForReview', 'MaintenanceSchedule.generate', 'MaintenanceSchedule.generateAll'])
      expect(names).toContain(name);
    const before = await plantState();

    await attackFrom(context, `http://attacker.test:${attackerPort}`, true);
    expect(await plantState()).toBe(before);
    // Another port of this host: the same site, so the cookie goes with every request, frames and fetches included.
    await attackFrom(context, `http://127.0.0.1:${attackerPort}`, false);
    expect(await plantState()).toBe(before);

    // The supervisor is still signed in and his own click still works (by POST, with the token).
    const order = await prisma.workOrder.findFirstOrThrow({ where: { state: 'IN_PROGRESS' } });
    await page.goto(`${office.url}/admin/resources/WorkOrder/records/${order.id}/show`);
    await page.getByRole('button', { name: 'Poner en espera' }).or(page.getByRole('link', { name: 'Poner en espera' })).first().click();
    await expect.poll(async () => (await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state, { timeout: 15_000 }).toBe('ON_HOLD');
    await context.close();
  }, 600_000);
});

describe('a hostile name in a real browser', () => {
  it('shows the name as text, runs no script of it, breaks no page and asks no other host', async () => {
    const supervisors = await prisma.group.findUniqueOrThrow({ where: { code: 'SUPERVISORS' } });
    await prisma.user.create({
      data: { email: 'ana.hostil@planta.test', name: HOSTILE_NAME, passwordHash: await hashPassword(PASSWORD), groups: { create: [{ groupId: supervisors.id }] } },
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const hosts = new Set<string>();
    const violations: string[] = [];
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`));
    });
    await signInThroughForm(page, office.url, 'ana.hostil@planta.test', PASSWORD);
    await page.goto(`${office.url}/admin/resources/WorkOrder`);
    await page.locator('table').first().waitFor({ timeout: 15_000 });
    await page.goto(`${office.url}/admin`);
    await page.getByTestId('dashboard').waitFor({ timeout: 15_000 });
    // The dashboard greets the person by name: the whole name, as text.
    await page.getByText('</script><script>window.pwned=1</script>', { exact: false }).first().waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('b', { hasText: 'negrita' }).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'hostile-name-dashboard.png'), fullPage: true });
    // Nothing was blocked but the bundles' probes for the global object (`Function('return this')` inside
    // try/catch, with a fallback): no inline script, no style sheet, no other host.
    expect(violations.filter((v) => !/^Refused to: script-src eval \S*\/admin\/frontend\/assets\//.test(v))).toEqual([]);
    expect([...hosts]).toEqual([new URL(office.url).host]);
    await context.close();
  }, 120_000);
});
