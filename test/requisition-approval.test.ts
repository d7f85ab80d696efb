// Requisitions over HTTP: a supervisor approves up to the limit on his profile, and not beyond it; items
// are locked once submitted, so the total he judged cannot grow afterwards. Operators keep the tickets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let admin: HttpClient;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  await prisma.userProfile.update({ where: { userId: supervisor.userId }, data: { canApproveRequisitions: true, approvalLimit: 1000 } });
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
});
afterAll(() => office?.close());

type ActionBody = { notice?: { message: string; type: string }; record?: { params: Record<string, string>; errors?: Record<string, { message: string }> } };
const form = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return body;
};
// Approving and rejecting are signed with the password (sent with every decision; submitting ignores it).
const act = (client: HttpClient, id: number, action: string, password = PASSWORD) =>
  client.json<ActionBody>(`/admin/api/resources/Requisition/records/${id}/${action}`, { method: 'POST', body: form({ password }) });
async function aRequisition(items: [number, number][], state: 'DRAFT' | 'SUBMITTED' = 'SUBMITTED') {
  const requisition = await prisma.requisition.create({
    data: {
      title: 'Repuestos de bomba', requestedById: supervisor.userId,
      items: { create: items.map(([quantity, unitPrice], i) => ({ description: `Artículo ${i + 1}`, quantity, unit: 'u', unitPrice })) },
    },
  });
  if (state === 'SUBMITTED') await prisma.requisition.update({ where: { id: requisition.id }, data: { state } });
  return prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } });
}

describe('approval limits', () => {
  it('the total is the sum of the items, kept by the database', async () => {
    const requisition = await aRequisition([[2, 12.5], [3, 100]], 'DRAFT');
    expect(Number(requisition.total)).toBe(325);
  });

  it('a supervisor approves a requisition within his limit; the approval names him', async () => {
    const requisition = await aRequisition([[4, 200]]); // 800
    const approved = await act(supervisor.client, requisition.id, 'approve');
    expect(approved.body.notice).toMatchObject({ message: 'requisitionDecided_approve', type: 'success' });
    expect(await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).toMatchObject({ state: 'APPROVED', approvedById: supervisor.userId });
  });

  it('over his limit he is told so, and nothing changes; an administrator approves it', async () => {
    const requisition = await aRequisition([[3, 500]]); // 1 500
    // The rule is on the row: the buttons are not offered, and the calls are refused.
    for (const action of ['approve', 'reject']) expect((await act(supervisor.client, requisition.id, action)).status).toBe(403);
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).state).toBe('SUBMITTED');
    const shown = await supervisor.client.json<{ record: { recordActions: { name: string }[] } }>(`/admin/api/resources/Requisition/records/${requisition.id}/show`);
    expect(shown.body.record.recordActions.map((a) => a.name)).not.toContain('approve');

    expect((await act(admin, requisition.id, 'approve', TEST_ADMIN.password)).body.notice?.message).toBe('requisitionDecided_approve');
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).state).toBe('APPROVED');
  });

  it('a raised limit counts from his next request; a profile that may not approve approves nothing', async () => {
    const requisition = await aRequisition([[3, 500]]);
    await prisma.userProfile.update({ where: { userId: supervisor.userId }, data: { approvalLimit: 2000 } });
    expect((await act(supervisor.client, requisition.id, 'approve')).body.notice?.message).toBe('requisitionDecided_approve');

    const colleague = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sergio Supervisor');
    await prisma.userProfile.update({ where: { userId: colleague.userId }, data: { canApproveRequisitions: false, approvalLimit: 1_000_000 } });
    const small = await aRequisition([[1, 10]]);
    expect((await colleague.client.request(`/admin/api/resources/Requisition/records/${small.id}/approve`, { method: 'POST' })).status).toBe(403);
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: small.id } })).state).toBe('SUBMITTED');
    await prisma.userProfile.update({ where: { userId: supervisor.userId }, data: { approvalLimit: 1000 } });
  });
});

describe('submitting', () => {
  it('a draft without items is not submitted; with items it is, and then its items are locked', async () => {
    const empty = await prisma.requisition.create({ data: { title: 'Vacía', requestedById: supervisor.userId } });
    expect((await act(supervisor.client, empty.id, 'submit')).body.notice?.message).toBe('requisitionRefused_noItems');

    const requisition = await aRequisition([[1, 900]], 'DRAFT');
    expect((await act(supervisor.client, requisition.id, 'submit')).body.notice?.message).toBe('requisitionDecided_submit');
    const added = await supervisor.client.json<ActionBody>('/admin/api/resources/RequisitionItem/actions/new', {
      method: 'POST', body: form({ requisition: String(requisition.id), description: 'Uno más', quantity: '10', unit: 'u', unitPrice: '100' }),
    });
    expect(added.body.notice?.message).toBe('La requisición ya fue enviada: sus artículos no se pueden cambiar.');
    const after = await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id }, include: { items: true } });
    expect([Number(after.total), after.items.length]).toEqual([900, 1]);
  });

  it('an item for a requisition that does not exist is refused, never reported as created', async () => {
    const before = await prisma.requisitionItem.count();
    const added = await supervisor.client.json<ActionBody>('/admin/api/resources/RequisitionItem/actions/new', {
      method: 'POST', body: form({ requisition: '999999', description: 'Huérfano', quantity: '1', unit: 'u', unitPrice: '1' }),
    });
    expect(added.body.notice).toMatchObject({ message: 'El registro al que hace referencia no existe.', type: 'error' });
    expect(await prisma.requisitionItem.count()).toBe(before);
  });

  it('a form cannot set the state or the total', async () => {
    const requisition = await aRequisition([[1, 50]], 'DRAFT');
    const edited = await supervisor.client.json<ActionBody>(`/admin/api/resources/Requisition/records/${requisition.id}/edit`, {
      method: 'POST', body: form({ title: 'Cambiada', state: 'APPROVED', total: '1' }),
    });
    expect(Object.keys(edited.body.record?.errors ?? {}).sort()).toEqual(['state', 'total']);
    expect(await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).toMatchObject({ state: 'DRAFT', title: 'Repuestos de bomba' });
  });

  it('a new requisition is requested by whoever creates it', async () => {
    const created = await supervisor.client.json<ActionBody>('/admin/api/resources/Requisition/actions/new', { method: 'POST', body: form({ title: 'Filtros de aire' }) });
    expect(Number(created.body.record?.params.requestedBy)).toBe(supervisor.userId);
  });
});

describe('call-center tickets', () => {
  it('an operator records a ticket, numbered by the database, and cannot see requisitions', async () => {
    const operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Óscar Operador');
    const created = await operator.client.json<ActionBody>('/admin/api/resources/Ticket/actions/new', {
      method: 'POST', body: form({ type: 'FAILURE', requester: 'Colonia Kennedy', description: 'Poste caído' }),
    });
    expect(created.body.record?.params.number).toMatch(/^TCK-\d{6}$/);
    expect((await operator.client.request('/admin/api/resources/Requisition/actions/list')).status).toBe(403);
  });
});
