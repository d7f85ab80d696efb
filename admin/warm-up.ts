// The work the first requests after a start would otherwise pay for, done before the process listens. At
// shift change everybody opens the back office at once (issue 26: 100 first requests on a fresh process took
// twice the CPU of the same 100 a minute later): V8 compiles and optimises AdminJS, Prisma's client and our
// adapter on first use, Prisma's WASM query compiler starts in its baseline tier, and each plan of a read
// is compiled once (prisma/query-plan-cache.ts). So each group's landing pages (the dashboard, its lists, a
// show page) are asked through the same AdminJS controller the HTTP routes call, as a person of that group
// with no account: nothing of anybody's is shown or kept, and the requests can write nothing (read-only
// actor, as for any GET).
import AdminJS, { ApiController, type ActionRequest, type CurrentAdmin } from 'adminjs';
import type { Logger } from 'pino';
import type { AccessProfile } from '../domain/access/abilities.js';
import type { CurrentUser } from '../domain/access/current-user.js';
import { loadCurrentUser } from '../domain/access/current-user.js';
import { actAs } from '../prisma/actor.js';
import type { Db } from '../prisma/client.js';
import { GROUP_CODES, type GroupCode } from '../prisma/groups.js';

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

/** Runs each group's landing requests once; a failure is logged, never a reason not to start. */
export async function warmUp(admin: AdminJS, prisma: Db, logger: Logger): Promise<{ requests: number; asked: string[]; ms: number }> {
  const started = performance.now();
  const asked: string[] = [];
  await actAs({ label: 'system:warm-up', readOnly: true }, async () => {
    const ask = async (what: string, call: () => Promise<unknown>) => {
      asked.push(what);
      await call().catch((error: unknown) => logger.warn({ err: error, what }, 'warm-up request failed'));
    };
    // What every request reads first: the signed-in person's rights (none here: no such account).
    await ask('current user', () => loadCurrentUser(prisma, 0));
    // The newest order and asset, if any, to open as each group (a group that may not see one gets "not found").
    const recordIds = new Map<string, string>();
    const newest = await Promise.all([
      prisma.workOrder.findFirst({ select: { id: true }, orderBy: { id: 'desc' } }),
      prisma.asset.findFirst({ select: { id: true }, orderBy: { id: 'desc' } }),
    ]).catch(() => [null, null]);
    SHOWN.forEach((resource, i) => newest[i] && recordIds.set(resource, String(newest[i].id)));
    for (const group of GROUP_CODES) {
      const person = memberOf(group) as unknown as CurrentAdmin;
      const controller = new ApiController({ admin }, person);
      const request = (params: ActionRequest['params'], query: Record<string, string> = {}): ActionRequest => ({ params, query, payload: {}, method: 'get' });
      await ask(`${group} dashboard`, () => controller.dashboard(request({ resourceId: '', action: 'dashboard' }), {}));
      for (const { resource, query } of LISTS) {
        const list = admin.findResource(resource).decorate().actions.list;
        if (list?.isAccessible(person)) await ask(`${group} list ${resource}`, () => controller.resourceAction(request({ resourceId: resource, action: 'list' }, query), {}));
      }
      for (const [resource, recordId] of recordIds) {
        const show = admin.findResource(resource).decorate().actions.show;
        if (show?.isAccessible(person)) await ask(`${group} show ${resource}`, () => controller.recordAction(request({ resourceId: resource, action: 'show', recordId }), {}));
      }
    }
  });
  return { requests: asked.length, asked, ms: performance.now() - started };
}
