// State changes only by POST with the CSRF token. Every one-click action of every resource (read from
// AdminJS, so a new one is covered) answers a GET or HEAD with 405 and a POST without the token with 403;
// AdminJS's delete answers a GET with the record only; and a GET cannot write even if a handler tried:
// our client refuses writes while a GET is served, and its transactions are read-only.
import type AdminJS from 'adminjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOneClick } from '../admin/action-methods.js';
import { createAdmin } from '../admin/admin.js';
import { actAs, ReadOnlyRequestError } from '../prisma/actor.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let adminJs: AdminJS;
let everyone: Person;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  adminJs = createAdmin(prisma, { language: 'es', timeZone: office.config.timeZone });
  // A person in all five groups may call every action any group may.
  everyone = await aPerson(prisma, office.url, ['ADMINISTRATORS', 'SUPERVISORS', 'TECHNICIANS', 'CONSULTANTS', 'OPERATORS'], 'Todos Los Grupos', { technician: true });
  const order = await make.aWorkOrder(prisma);
  await prisma.workOrder.update({ where: { id: order.id }, data: { state: 'IN_PROGRESS', technicianId: everyone.technicianId, startedAt: new Date() } });
  await make.aSchedule(prisma);
  const asset = await make.anAsset(prisma);
  await prisma.workRequest.create({ data: { assetId: asset.id, description: 'Ruido', reportedById: everyone.userId } });
  await prisma.document.create({ data: { title: 'Manual' } });
  await prisma.requisition.create({ data: { title: 'Repuestos', requestedById: everyone.userId } });
});

afterAll(async () => {
  await office?.close();
});

/** What a write anywhere would change: the change history and the states of the workflow records. */
async function plantState(): Promise<string> {
  const { rows } = await office.database.pool.query(`
    SELECT (SELECT count(*) FROM change_history) AS history,
           (SELECT string_agg(id || state, ',' ORDER BY id) FROM work_orders) AS orders,
           (SELECT string_agg(id || state, ',' ORDER BY id) FROM work_requests) AS requests,
           (SELECT string_agg(id || state, ',' ORDER BY id) FROM documents) AS documents,
           (SELECT string_agg(id || state, ',' ORDER BY id) FROM requisitions) AS requisitions`);
  return JSON.stringify(rows[0]);
}

/** Every one-click action of every resource, with the API address of a real record where it needs one. */
async function oneClickCalls(): Promise<{ name: string; path: string }[]> {
  const calls: { name: string; path: string }[] = [];
  for (const resource of adminJs.resources) {
    const id = resource.id();
    const delegate = (prisma as unknown as Record<string, { findFirst(a: object): Promise<{ id: unknown } | null> }>)[id.charAt(0).toLowerCase() + id.slice(1)]!;
    const row = await delegate.findFirst({ orderBy: { id: 'asc' } });
    for (const action of Object.values(resource.decorate().actions).filter(isOneClick)) {
      const kind = action.name === 'generateAll' ? 'resource' : (action as unknown as { action: { actionType: string } }).action.actionType;
      const path =
        kind === 'record' ? `/admin/api/resources/${id}/records/${String(row?.id ?? 1)}/${action.name}` :
        kind === 'bulk' ? `/admin/api/resources/${id}/bulk/${action.name}?recordIds=${String(row?.id ?? 1)}` :
        `/admin/api/resources/${id}/actions/${action.name}`;
      calls.push({ name: `${id}.${action.name}`, path });
    }
  }
  return calls;
}

describe('state changes only by POST with the CSRF token', () => {
  it('refuses every one-click action by GET and HEAD, and by POST without the token, changing nothing', async () => {
    const calls = await oneClickCalls();
    // Work-order moves, request conversion, document moves, preventive generation. (Requisition
    // decisions became forms signed with the password: test/requisition-budget-approval.test.ts checks
    // that their GET answers the form and changes nothing, and that a POST without the token is refused.)
    for (const name of ['WorkOrder.start', 'WorkOrder.cancel', 'WorkRequest.convert', 'Document.submitForReview', 'MaintenanceSchedule.generate', 'MaintenanceSchedule.generateAll'])
      expect(calls.map((c) => c.name)).toContain(name);
    const before = await plantState();
    let refusedAsGet = 0;
    for (const { name, path } of calls) {
      // 403 where no group may use the action at all (nobody deletes a KPI snapshot); 405 everywhere else.
      const get = await everyone.client.request(path);
      expect([403, 405], `GET ${name}`).toContain(get.status);
      if (get.status === 405) {
        refusedAsGet += 1;
        expect(get.headers.get('allow')).toBe('POST');
      }
      expect((await everyone.client.request(path, { method: 'HEAD' })).status, `HEAD ${name}`).toBe(get.status);
      expect((await everyone.client.request(path, { method: 'POST', csrf: false })).status, `POST without token ${name}`).toBe(403);
    }
    // 12 since "Completar" became a form (the technician's report): its GET answers the form, its POST is
    // checked like every form action (test/technician-day.test.ts: no token, no change).
    expect(calls.length).toBeGreaterThanOrEqual(12);
    expect(refusedAsGet).toBe(calls.length);
    expect(await plantState()).toBe(before);
  });

  it('still runs a one-click action by POST with the token', async () => {
    const order = await prisma.workOrder.findFirstOrThrow({ where: { state: 'IN_PROGRESS' } });
    const answer = await everyone.client.request(`/admin/api/resources/WorkOrder/records/${order.id}/hold`, { method: 'POST' });
    expect(answer.status).toBe(200);
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('ON_HOLD');
  });

  it('answers a GET to delete or bulk delete with the record only and refuses HEAD, deleting nothing', async () => {
    const location = await make.aLocation(prisma);
    const get = await everyone.client.json<{ record: { id: number } }>(`/admin/api/resources/Location/records/${location.id}/delete`);
    expect(get.status).toBe(200);
    expect(get.body.record.id).toBe(location.id);
    expect((await everyone.client.request(`/admin/api/resources/Location/records/${location.id}/delete`, { method: 'HEAD' })).status).toBe(405);
    expect((await everyone.client.request(`/admin/api/resources/Location/bulk/bulkDelete?recordIds=${location.id}`)).status).toBe(200);
    expect((await everyone.client.request(`/admin/api/resources/Location/bulk/bulkDelete?recordIds=${location.id}`, { method: 'HEAD' })).status).toBe(405);
    expect(await prisma.location.count({ where: { id: location.id } })).toBe(1);
  });

  it('refuses any write made while a GET is served, through the client and inside a transaction', async () => {
    const count = await prisma.location.count();
    const readOnly = { label: 'user:prueba', readOnly: true };
    // (awaited inside actAs: Prisma's queries run when awaited, and must run while the actor is current)
    await expect(actAs(readOnly, async () => await prisma.location.create({ data: { code: 'GET-1', name: 'Por GET' } }))).rejects.toBeInstanceOf(ReadOnlyRequestError);
    await expect(
      actAs(readOnly, async () => await prisma.transactionAs((tx) => tx.$executeRaw`INSERT INTO locations (code, name) VALUES ('GET-2', 'Por GET')`)),
    ).rejects.toThrow(/read-only transaction/);
    expect(await prisma.location.count()).toBe(count);
  });
});
