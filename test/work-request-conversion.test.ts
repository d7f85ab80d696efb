// Corrective work: a work request becomes a CORRECTIVE work order, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { todayIn } from '../domain/dates.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';
import { aPdf, uploadRevision } from './support/documents.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let operator: Person;

beforeAll(async () => {
  office = await startTestBackOffice({ env: { APP_TIMEZONE: 'America/Tegucigalpa' } });
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Oscar Operador');
});
afterAll(() => office?.close());

const aRequest = async () =>
  prisma.workRequest.create({
    data: { reportedById: operator.userId, assetId: (await make.anAsset(prisma)).id, description: 'Ruido anormal en el motor', priority: 'HIGH' },
  });
const convert = (person: Person, id: number) =>
  person.client.json<{ redirectUrl?: string; notice?: { message: string; type: string } }>(`/admin/api/resources/WorkRequest/records/${id}/convert`, { method: 'POST' });

describe('"Convertir en OT"', () => {
  it('a supervisor turns a request into a corrective order that keeps its asset, description and priority', async () => {
    const request = await aRequest();
    const converted = await convert(supervisor, request.id);
    expect(converted.status).toBe(200);
    expect(converted.body.notice).toEqual({ message: 'workRequestConverted', type: 'success' });
    const order = await prisma.workOrder.findUniqueOrThrow({ where: { workRequestId: request.id } });
    expect(order).toMatchObject({ kind: 'CORRECTIVE', assetId: request.assetId, description: request.description, priority: 'HIGH', state: 'PENDING' });
    expect(order.number).toMatch(/^OT-\d{4}-\d{5}$/);
    expect(order.plannedOn.toISOString().slice(0, 10)).toBe(todayIn('America/Tegucigalpa').toISOString().slice(0, 10));
    expect(converted.body.redirectUrl).toContain(`/resources/WorkOrder/records/${order.id}/show`);
    expect((await prisma.workRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe('CONVERTED');
  });

  it("keeps the request's attachments: the operator's photo is on the order, for its technician, and still on the request", async () => {
    const request = await aRequest();
    // The operator who filed the request attaches a file to it, through the same document mechanism.
    const created = new FormData();
    created.set('title', 'Foto del motor');
    created.set('kind', 'PHOTO');
    created.set('workRequest', String(request.id));
    const made = await operator.client.json<{ record: { id: number; errors: Record<string, unknown> } }>('/admin/api/resources/Document/actions/new', { method: 'POST', body: created });
    expect(made.body.record.errors).toEqual({});
    const uploaded = await uploadRevision(operator.client, made.body.record.id, aPdf('Motor con ruido'), 'motor.pdf');
    expect(uploaded.status).toBe(201);

    await convert(supervisor, request.id);
    const order = await prisma.workOrder.findUniqueOrThrow({ where: { workRequestId: request.id } });
    const technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
    await prisma.workOrder.update({ where: { id: order.id }, data: { technicianId: technician.technicianId, state: 'ASSIGNED' } });

    const onOrder = await technician.client.json<{ documents: { title: string; revisions: { id: number }[] }[] }>(`/admin/documents/attachments?workOrderId=${order.id}`);
    expect(onOrder.body.documents.map((d) => d.title)).toEqual(['Foto del motor']);
    const revisionId = onOrder.body.documents[0]!.revisions[0]!.id;
    expect((await technician.client.request(`/admin/documents/revisions/${revisionId}/download`)).status).toBe(200);
    const onRequest = await operator.client.json<{ documents: { title: string }[] }>(`/admin/documents/attachments?workRequestId=${request.id}`);
    expect(onRequest.body.documents.map((d) => d.title)).toEqual(['Foto del motor']);
    expect((await operator.client.request(`/admin/documents/revisions/${revisionId}/download`)).status).toBe(200);
    // A technician of another order sees none of it.
    const other = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Otro Técnico', { technician: true });
    expect((await other.client.request(`/admin/documents/revisions/${revisionId}/download`)).status).toBe(404);
  });

  it('converts once, even when asked twice at the same time', async () => {
    const request = await aRequest();
    const answers = await Promise.all([convert(supervisor, request.id), convert(supervisor, request.id)]);
    expect(answers.map((a) => a.body.notice?.message).sort()).toEqual(['workRequestConverted', 'workRequestNotConvertible']);
    expect(await prisma.workOrder.count({ where: { workRequestId: request.id } })).toBe(1);
  });

  it('is refused to an operator, and writes nothing', async () => {
    const request = await aRequest();
    expect((await convert(operator, request.id)).status).toBe(403);
    expect(await prisma.workOrder.count({ where: { workRequestId: request.id } })).toBe(0);
    expect((await prisma.workRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe('OPEN');
  });

  it('knows the plant date across midnight UTC', () => {
    // 03:30 UTC on the 23rd is still the 22nd in Tegucigalpa (UTC-6).
    expect(todayIn('America/Tegucigalpa', new Date('2026-11-23T03:30:00Z')).toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });
});
