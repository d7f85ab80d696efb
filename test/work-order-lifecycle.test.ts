// The lifecycle of a work order through its actions, as the people who make each move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let technician: Person;
let supervisor: Person;
let admin: HttpClient;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
});
afterAll(() => office?.close());

const anOrder = async (data: { technicianId?: number; state?: string } = {}) =>
  prisma.workOrder.create({
    data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(prisma)).id, plannedOn: new Date('2026-11-23'), description: 'Fuga en sello', ...data },
  });
// Completing carries the technician's report (hours, failure; test/technician-day.test.ts).
const move = (client: HttpClient, id: number, transition: string, body?: unknown) =>
  client.json<{ record: { params: Record<string, string> }; notice?: { message: string; type: string } }>(
    `/admin/api/resources/WorkOrder/records/${id}/${transition}`,
    body === undefined ? { method: 'POST' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
const stateOf = async (id: number) => (await prisma.workOrder.findUniqueOrThrow({ where: { id } })).state;

describe('a technician works his own order', () => {
  it('starts, holds, resumes and completes it; each move is in the history as his', async () => {
    const order = await anOrder({ technicianId: technician.technicianId, state: 'ASSIGNED' });
    const problem = await prisma.failureCode.create({ data: { code: 'FUGA', name: 'Fuga', kind: 'PROBLEM' } });
    const cause = await prisma.failureCode.create({ data: { code: 'SELLO', name: 'Sello dañado', kind: 'CAUSE', parentId: problem.id } });
    const remedy = await prisma.failureCode.create({ data: { code: 'CAMBIO', name: 'Cambio de sello', kind: 'REMEDY', parentId: cause.id } });
    const report = { laborHours: '2', problemId: problem.id, causeId: cause.id, remedyId: remedy.id };
    for (const [transition, state] of [['start', 'IN_PROGRESS'], ['hold', 'ON_HOLD'], ['resume', 'IN_PROGRESS'], ['complete', 'COMPLETED']]) {
      const moved = await move(technician.client, order.id, transition!, transition === 'complete' ? report : undefined);
      expect(moved.status, transition).toBe(200);
      expect(moved.body.notice).toEqual({ message: `workOrderMoved_${transition}`, type: 'success' });
      expect(await stateOf(order.id)).toBe(state);
    }
    const done = await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(done.startedAt).toBeInstanceOf(Date);
    expect(done.completedAt!.getTime()).toBeGreaterThanOrEqual(done.startedAt!.getTime());
    const { rows } = await office.database.pool.query(
      `SELECT actor_label, changes FROM change_history_entries WHERE table_name = 'work_orders' AND record_id = $1 AND action = 'UPDATE' ORDER BY id`,
      [String(order.id)],
    );
    expect(rows.map((r) => [r.actor_label, r.changes.after.state])).toEqual([
      [`user:${technician.email}`, 'IN_PROGRESS'],
      [`user:${technician.email}`, 'ON_HOLD'],
      [`user:${technician.email}`, 'IN_PROGRESS'],
      [`user:${technician.email}`, 'COMPLETED'],
    ]);
  });

  it("cannot move a colleague's order, nor cancel his own (a supervisor's move)", async () => {
    const colleague = await make.aTechnician(prisma);
    const theirs = await anOrder({ technicianId: colleague.id, state: 'ASSIGNED' });
    expect((await move(technician.client, theirs.id, 'start')).status).toBe(404);
    const mine = await anOrder({ technicianId: technician.technicianId, state: 'ASSIGNED' });
    expect((await move(technician.client, mine.id, 'cancel')).status).toBe(403);
    expect([await stateOf(theirs.id), await stateOf(mine.id)]).toEqual(['ASSIGNED', 'ASSIGNED']);
  });
});

describe('moves the lifecycle does not allow', () => {
  it('are refused with a message and change nothing', async () => {
    const pending = await anOrder();
    const refused = await move(admin, pending.id, 'complete');
    expect(refused.body.notice).toMatchObject({ message: 'transitionRefused', type: 'error' });
    expect(await stateOf(pending.id)).toBe('PENDING');
    const cancelled = await anOrder({ state: 'CANCELLED' });
    expect((await move(admin, cancelled.id, 'start')).body.notice?.message).toBe('transitionRefused');
    expect(await stateOf(cancelled.id)).toBe('CANCELLED');
  });

  it('a supervisor cancels, but does not start an order', async () => {
    const order = await anOrder({ technicianId: technician.technicianId, state: 'ASSIGNED' });
    expect((await move(supervisor.client, order.id, 'start')).status).toBe(403);
    expect((await move(supervisor.client, order.id, 'cancel')).status).toBe(200);
    expect(await stateOf(order.id)).toBe('CANCELLED');
  });

  it('a plain edit cannot jump states', async () => {
    const order = await anOrder({ state: 'ASSIGNED' });
    const form = new FormData();
    form.set('state', 'CLOSED');
    form.set('description', 'Fuga en sello');
    const edited = await admin.json<{ record: { errors: Record<string, { message: string }> } }>(
      `/admin/api/resources/WorkOrder/records/${order.id}/edit`,
      { method: 'POST', body: form },
    );
    expect(edited.body.record.errors.state?.message).toMatch(/^Lo fija el flujo de la orden/);
    expect(await stateOf(order.id)).toBe('ASSIGNED');
  });
});
