// The work the first requests after a start would otherwise pay for, done before the process listens. At
// shift change everybody opens the back office at once (issue 26: 100 first requests on a fresh process took
// twice the CPU of the same 100 a minute later): V8 compiles and optimises Express, the session and its
// store, AdminJS, Prisma's client and our adapter on first use, Prisma's WASM query compiler starts in its
// baseline tier, and each plan of a read is compiled once (prisma/query-plan-cache.ts). So each group's
// landing pages (the dashboard, its lists, a show page) are asked over HTTP, through the whole application
// the people's requests go through (session, rights, CSRF cookie, AdminJS, JSON), on a loopback address of
// its own that closes before the real one opens. They are asked as a person of that group with no account:
// a session id that is never stored (admin/session.ts, openWarmUpSession), nothing of anybody's is shown or
// kept, and the requests can write nothing (GETs: a read-only actor). Asking through AdminJS's controller
// alone left the first 50 real requests at twice a warm one's CPU.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type AdminJS from 'adminjs';
import type { CurrentAdmin } from 'adminjs';
import { sign } from 'cookie-signature';
import type express from 'express';
import type { Logger } from 'pino';
import type { AccessProfile } from '../domain/access/abilities.js';
import type { CurrentUser } from '../domain/access/current-user.js';
import type { Db } from '../prisma/client.js';
import { GROUP_CODES, type GroupCode } from '../prisma/groups.js';
import { closeWarmUpSessions, openWarmUpSession, SESSION_COOKIE } from './session.js';
import { ADMIN_ROOT } from './admin.js';

/** The lists people land on and use most (bench/support/load-mix.ts), with a filter each group uses. */
const LISTS: { resource: string; query: Record<string, string> }[] = [
  { resource: 'WorkOrder', query: {} },
  { resource: 'WorkOrder', query: { 'filters.state': 'IN_PROGRESS' } },
  { resource: 'Asset', query: {} },
  { resource: 'WorkRequest', query: {} },
  { resource: 'Ticket', query: {} },
  { resource: 'User', query: {} },
  { resource: 'Location', query: {} },
];
const SHOWN = ['WorkOrder', 'Asset'] as const;

/** Somebody of `group` who is nobody: no account (id 0), no technician's orders, no sites. */
function memberOf(group: GroupCode): CurrentUser {
  const access: AccessProfile = { userId: 0, groups: [group], technicianId: group === 'TECHNICIANS' ? 0 : null, sharedOrderIds: [], canReadHistory: false, approvalLimit: null, sitePaths: [] };
  return { id: '0', email: 'warm-up@localhost', title: 'warm-up', groups: [group], locale: 'es', access };
}

export interface WarmUpResult {
  requests: number;
  asked: string[];
  failed: string[];
  ms: number;
}

/** Marks the warm-up's own requests (set by its loopback server, never by a request). */
const WARM_UP_REQUEST = Symbol('warm-up request');

/** Whether a request is one of the warm-up's before listening: not the people's, so neither logged nor
 * counted in /metrics. */
export function isWarmUpRequest(req: object): boolean {
  return (req as Record<symbol, unknown>)[WARM_UP_REQUEST] === true;
}

/** Asks each group's landing requests `passes` times over HTTP, the groups at once as people arrive; a
 * failure is logged, never a reason not to start. */
export async function warmUp(
  app: express.Express,
  options: { admin: AdminJS; prisma: Db; sessionSecret: string; logger: Logger; passes?: number },
): Promise<WarmUpResult> {
  const { admin, prisma, logger } = options;
  const started = performance.now();
  const asked: string[] = [];
  const failed: string[] = [];
  const server = http.createServer((req, res) => {
    (req as unknown as Record<symbol, boolean>)[WARM_UP_REQUEST] = true;
    app(req, res);
  });
  // Exclusive: in a web process of a cluster, listen() otherwise goes through the primary, and every
  // process asking for port 0 gets the same port, each one's warm-up served by another.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, resolve));
  const { port } = server.address() as AddressInfo;
  try {
    // The newest order and asset, if any, to open as each group (a group that may not see one gets "not found").
    const recordIds = new Map<string, string>();
    const newest = await Promise.all([
      prisma.workOrder.findFirst({ select: { id: true }, orderBy: { id: 'desc' } }),
      prisma.asset.findFirst({ select: { id: true }, orderBy: { id: 'desc' } }),
    ]).catch(() => [null, null]);
    SHOWN.forEach((resource, i) => newest[i] && recordIds.set(resource, String(newest[i].id)));
    const cookieOf = new Map(GROUP_CODES.map((group) => [group, `${SESSION_COOKIE}=${encodeURIComponent(`s:${sign(openWarmUpSession(memberOf(group)), options.sessionSecret)}`)}`]));
    const ask = (group: GroupCode, what: string, path: string, allowed: number[] = [200]) =>
      get(port, path, cookieOf.get(group)!).then(
        (status) => {
          asked.push(`${group} ${what}`);
          if (!allowed.includes(status)) failed.push(`${group} ${what}: ${status}`);
        },
        (error: Error) => failed.push(`${group} ${what}: ${error.message}`),
      );
    for (let pass = 0; pass < (options.passes ?? WARM_UP_PASSES); pass++) {
      await Promise.all(
        GROUP_CODES.map(async (group) => {
          const person = memberOf(group) as unknown as CurrentAdmin;
          await ask(group, 'dashboard', `${ADMIN_ROOT}/api/dashboard`);
          for (const { resource, query } of LISTS) {
            const list = admin.findResource(resource).decorate().actions.list;
            if (list?.isAccessible(person)) await ask(group, `list ${resource}`, `${ADMIN_ROOT}/api/resources/${resource}/actions/list?${new URLSearchParams(query)}`);
          }
          for (const [resource, recordId] of recordIds) {
            const show = admin.findResource(resource).decorate().actions.show;
            // Nobody's orders are a technician's: his "not found" is the answer expected.
            if (show?.isAccessible(person)) await ask(group, `show ${resource}`, `${ADMIN_ROOT}/api/resources/${resource}/records/${recordId}/show`, [200, 404]);
          }
        }),
      );
    }
  } finally {
    closeWarmUpSessions();
    await new Promise((resolve) => server.close(resolve));
  }
  for (const what of failed) logger.warn({ what }, 'warm-up request failed');
  return { requests: asked.length, asked, failed, ms: performance.now() - started };
}

/** V8 optimises a function only after many calls: on the bench's demo plant (bench:load), the first burst of
 * 100 landing requests took 1.8 s with no warm-up, 1.3–1.4 s after 2 passes, 1.1 s after 6 and as long as
 * the same burst a minute later after 10 (web CPU 2.0 s → 1.1 s). Eight passes take about 3 s there, on
 * a small plant well under one. */
const WARM_UP_PASSES = 8;

function get(port: number, path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, headers: { cookie, accept: 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}
