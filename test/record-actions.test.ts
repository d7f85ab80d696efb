// What every workflow button shares (resources/record-action.ts): a GET answers the record or the form and
// changes nothing; a refusal comes back beside the field, in the language of the person who asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let technician: Person;

type Answer = {
  record?: { params: Record<string, string>; errors?: Record<string, { message: string; type?: string }> };
  form?: { technicians?: { name: string }[] };
  notice?: { message: string; type: string };
};

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sonia Supervisora Acciones');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Teo Técnico Acciones', { technician: true });
});
afterAll(() => office?.close());

const anOrder = async (state: string) =>
  prisma.workOrder.create({
    data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(prisma)).id, technicianId: technician.technicianId, plannedOn: new Date('2026-11-23'), description: 'Vibración en ventilador', state },
  });
const call = (person: Person, path: string, method: 'GET' | 'POST') => person.client.json<Answer>(`/admin/api/resources/${path}`, { method });

describe('a GET to a workflow action', () => {
  it('of one click (start, cancel, convert, submit) runs nothing: the record keeps its state and its history', async () => {
    const order = await anOrder('ASSIGNED');
    const request = await prisma.workRequest.create({ data: { assetId: order.assetId, reportedById: supervisor.userId, description: 'Ruido', priority: 'HIGH' } });
    const requisition = await prisma.requisition.create({
      data: { title: 'Filtros', requestedById: supervisor.userId, items: { create: { description: 'Filtro', quantity: 1, unit: 'u', unitPrice: 5 } } },
    });
    const entries = () => prisma.changeHistory.count({ where: { recordId: { in: [order.id, request.id, requisition.id] } } });
    const before = await entries();

    for (const [person, path] of [
      [technician, `WorkOrder/records/${order.id}/start`],
      [supervisor, `WorkOrder/records/${order.id}/cancel`],
      [supervisor, `WorkRequest/records/${request.id}/convert`],
      [supervisor, `Requisition/records/${requisition.id}/submit`],
    ] as const) {
      const answer = await call(person, path, 'GET');
      // Answered with the record, or refused as a GET altogether (405): never done.
      expect([200, 405], path).toContain(answer.status);
      expect(answer.body.notice?.type, path).not.toBe('success');
    }
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('ASSIGNED');
    expect((await prisma.workRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe('OPEN');
    expect(await prisma.workOrder.count({ where: { workRequestId: request.id } })).toBe(0);
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).state).toBe('DRAFT');
    expect(await entries()).toBe(before);

    // The same calls as POST do the work.
    expect((await call(technician, `WorkOrder/records/${order.id}/start`, 'POST')).body.notice).toEqual({ message: 'workOrderMoved_start', type: 'success' });
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('IN_PROGRESS');
  });

  it('with a form answers the form: "Asignar" lists the active technicians and assigns nobody', async () => {
    const order = await prisma.workOrder.create({
      data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(prisma)).id, plannedOn: new Date('2026-11-23'), description: 'Cambiar correa' },
    });
    const answer = await call(supervisor, `WorkOrder/records/${order.id}/assign`, 'GET');
    expect(answer.status).toBe(200);
    expect(answer.body.form?.technicians?.map((t) => t.name)).toContain('Teo Técnico Acciones');
    expect(await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ state: 'PENDING', technicianId: null });
  });
});

describe('a refusal', () => {
  it('is shown beside the field in the language of the person, with its key as the notice', async () => {
    const closed = await anOrder('CLOSED');
    const spanish = await call(supervisor, `WorkOrder/records/${closed.id}/cancel`, 'POST');
    expect(spanish.body.notice).toMatchObject({ message: 'transitionRefused', type: 'error' });
    expect(spanish.body.record?.errors?.state).toEqual({ message: 'La orden no puede pasar a ese estado desde el estado en que está.', type: 'transitionRefused' });

    await prisma.user.update({ where: { id: supervisor.userId }, data: { locale: 'en' } });
    try {
      const english = await call(supervisor, `WorkOrder/records/${closed.id}/cancel`, 'POST');
      expect(english.body.record?.errors?.state?.message).toBe('The order cannot move to that state from the one it is in.');
    } finally {
      await prisma.user.update({ where: { id: supervisor.userId }, data: { locale: 'es' } });
    }
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: closed.id } })).state).toBe('CLOSED');
  });
});
