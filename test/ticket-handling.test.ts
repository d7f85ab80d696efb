// An operator handles a ticket read from the SIG, through HTTP as the plant would: classify it, answer
// the caller, turn it into a work request or join one, and follow it to the order; SLA clocks in plant
// time; the SIG runs page. Refusals write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueTickets, slaComplianceByWeek, slaTimers } from '../domain/call-center/ticket-sla.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let operator: Person;
let supervisor: Person;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Operadora');
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Samuel Supervisor');
});
afterAll(() => office?.close());

type Answer = { record?: { params: Record<string, unknown>; errors?: Record<string, { message: string }> }; notice?: { message: string; type: string }; redirectUrl?: string };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
const act = (person: Person, id: number, action: string, fields: Record<string, string> = {}) =>
  person.client.json<Answer>(`/admin/api/resources/Ticket/records/${id}/${action}`, { method: 'POST', body: form(fields) });
const show = async (person: Person, id: number) => (await person.client.json<Answer>(`/admin/api/resources/Ticket/records/${id}/show`)).body.record!.params;

let sigNumber = 500_000;
const aSigTicket = (data: { type?: string; reportedAt?: Date } = {}) =>
  prisma.ticket.create({
    data: {
      number: String(++sigNumber), source: 'SIG', type: data.type ?? 'FAILURE', requester: 'José Peña', callerAddress: 'Col. Kennedy, 3a calle',
      description: 'Sin energía en el sector; poste dañado', reportedAt: data.reportedAt ?? new Date(), sigRow: { Número: String(sigNumber), Tipo: 'Falla' },
    },
  });

describe('handling a scraped ticket', () => {
  it('is classified, answered, turned into a work request and followed to its order until the order resolves it', async () => {
    const asset = await make.anAsset(prisma, { code: 'TRF-0042', description: 'Transformador 37,5 kVA' });
    const ticket = await aSigTicket();

    // An unknown asset code is refused beside its field, and nothing changes.
    const unknown = await act(operator, ticket.id, 'classify', { assetCode: 'NO-EXISTE', priority: 'HIGH', type: 'FAILURE' });
    expect(unknown.body.record?.errors?.assetCode?.message).toBe('No hay un activo con el código «NO-EXISTE» que usted pueda ver: elíjalo de la lista.');
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ assetId: null, state: 'OPEN', priority: 'MEDIUM' });

    const classified = await act(operator, ticket.id, 'classify', { assetCode: 'TRF-0042', priority: 'URGENT', type: 'FAILURE' });
    expect(classified.body.notice).toMatchObject({ message: 'ticketClassified', type: 'success' });
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ assetId: asset.id, locationId: asset.locationId, priority: 'URGENT', state: 'IN_PROGRESS' });

    const empty = await act(operator, ticket.id, 'answer', { body: '   ' });
    expect(empty.body.record?.errors?.body?.message).toBe('Escriba lo que se le respondió al solicitante.');
    await act(operator, ticket.id, 'answer', { body: 'Se envía cuadrilla hoy antes de las 18:00.' });
    const note = await prisma.ticketNote.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(note).toMatchObject({ body: 'Se envía cuadrilla hoy antes de las 18:00.', authorId: operator.userId });
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).answeredAt).toEqual(note.createdAt);

    // Two clicks at once make one work request.
    const [first, second] = await Promise.all([act(operator, ticket.id, 'createRequest'), act(operator, ticket.id, 'createRequest')]);
    expect([first.body.notice?.type, second.body.notice?.type].sort()).toEqual(['error', 'success']);
    const requests = await prisma.workRequest.findMany({ where: { assetId: asset.id } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ reportedById: operator.userId, priority: 'URGENT', state: 'OPEN' });
    expect(requests[0]!.description).toContain(`Ticket ${ticket.number} (José Peña, Col. Kennedy, 3a calle)`);
    expect((await show(operator, ticket.id)).followUp).toBe(`Aviso #${requests[0]!.id}: Abierto. Aún sin orden de trabajo.`);

    // The supervisor converts the request; the operator sees the order from the ticket (he cannot open orders).
    await supervisor.client.json(`/admin/api/resources/WorkRequest/records/${requests[0]!.id}/convert`, { method: 'POST' });
    const order = await prisma.workOrder.findFirstOrThrow({ where: { workRequestId: requests[0]!.id } });
    expect((await show(operator, ticket.id)).followUp).toMatch(new RegExp(`^Aviso #${requests[0]!.id}: Convertido en OT · Orden ${order.number}: Pendiente \\(planificada .+, sin técnico asignado\\)\\.$`));
    expect((await operator.client.request(`/admin/api/resources/WorkOrder/records/${order.id}/show`)).status).toBe(403);

    // The order done, the ticket is resolved in the same transaction, and its resolution clock stops.
    await prisma.workOrder.update({ where: { id: order.id }, data: { state: 'COMPLETED' } });
    const resolved = await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(resolved.state).toBe('RESOLVED');
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    const page = await show(operator, ticket.id);
    expect(page.followUp).toContain(`Orden ${order.number}: Completada`);
    expect(page.slaState).toBe('Cumplido');
    expect(String(page.sigRow).split(" · ").sort()).toEqual([`Número: ${ticket.number}`, "Tipo: Falla"]);
    // Resolved, it takes no more handling.
    const late = await act(operator, ticket.id, 'answer', { body: 'Otra respuesta' });
    expect(late.body.record?.errors?.body?.message).toMatch(/^El ticket ya está resuelto o cerrado/);
  });

  it('a second call about the same failure joins the open work request and follows it too', async () => {
    const asset = await make.anAsset(prisma);
    const request = await prisma.workRequest.create({ data: { assetId: asset.id, description: 'Poste caído', reportedById: supervisor.userId } });
    const ticket = await aSigTicket();
    const none = await act(operator, ticket.id, 'link', { workRequestId: '' });
    expect(none.body.record?.errors?.workRequestId?.message).toBe('Elija el aviso al que vincular el ticket.');
    await act(operator, ticket.id, 'link', { workRequestId: String(request.id) });
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ workRequestId: request.id, assetId: asset.id, state: 'IN_PROGRESS' });
    const again = await act(operator, ticket.id, 'link', { workRequestId: String(request.id) });
    expect(again.body.record?.errors?.workRequestId?.message).toBe(`El ticket ya está vinculado al aviso #${request.id}.`);
  });

  it('a ticket without an asset does not become a work request, and says what to do', async () => {
    const ticket = await aSigTicket();
    const refused = await act(operator, ticket.id, 'createRequest');
    expect(refused.body.record?.errors?.asset?.message).toBe('Clasifique el ticket con un activo antes de crear el aviso (un aviso es sobre un activo).');
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ workRequestId: null, state: 'OPEN' });
    // A location alone is a valid classification (the caller did not know the equipment).
    const location = await make.aLocation(prisma, { name: 'Subestación Norte' });
    await act(operator, ticket.id, 'classify', { locationId: String(location.id), priority: 'LOW', type: 'SERVICE' });
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ assetId: null, locationId: location.id, type: 'SERVICE' });
  });

  it('manual and SIG tickets share one list and one number column, and a technician sees none', async () => {
    const fields = { type: 'COMPLAINT', priority: 'LOW', requester: 'Ana Ruiz', description: 'Factura alta' };
    // A form cannot pass a ticket off as the SIG's, nor take one of its numbers.
    const forged = await operator.client.json<Answer>('/admin/api/resources/Ticket/actions/new', { method: 'POST', body: form({ ...fields, source: 'SIG', number: '999' }) });
    expect(Object.keys(forged.body.record?.errors ?? {}).sort()).toEqual(['number', 'source']);
    expect(await prisma.ticket.count({ where: { number: '999' } })).toBe(0);
    const manual = await operator.client.json<Answer>('/admin/api/resources/Ticket/actions/new', { method: 'POST', body: form(fields) });
    expect(manual.body.record?.params).toMatchObject({ source: 'MANUAL', number: expect.stringMatching(/^TCK-\d{6}$/) });
    const list = await operator.client.json<{ records: { params: Record<string, unknown> }[] }>('/admin/api/resources/Ticket/actions/list?perPage=100');
    const sources = new Set(list.body.records.map((r) => r.params.source));
    expect(sources).toEqual(new Set(['MANUAL', 'SIG']));
    const technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tito Técnico', { technician: true });
    expect((await technician.client.request('/admin/api/resources/Ticket/actions/list')).status).toBe(403);
  });
});

describe('service levels in plant time', () => {
  it('runs the answer and resolution clocks from the report, per ticket type', () => {
    const reportedAt = new Date('2026-11-29T05:30:00Z'); // Saturday 23:30 in Tegucigalpa
    const sla = { responseHours: 2, resolutionHours: 24 };
    expect(slaTimers({ reportedAt, answeredAt: null, resolvedAt: null }, sla, new Date('2026-11-29T07:00:00Z'))).toEqual({
      responseDue: new Date('2026-11-29T07:30:00Z'), resolutionDue: new Date('2026-11-30T05:30:00Z'), response: 'RUNNING', resolution: 'RUNNING',
    });
    const later = slaTimers({ reportedAt, answeredAt: new Date('2026-11-29T08:00:00Z'), resolvedAt: null }, sla, new Date('2026-11-30T06:00:00Z'));
    expect([later.response, later.resolution]).toEqual(['MISSED', 'OVERDUE']);
  });

  it('tells supervisors of each open ticket past a deadline, and counts compliance per plant week', async () => {
    await prisma.ticket.deleteMany({});
    const now = new Date('2026-11-30T18:00:00Z');
    // Sunday 29 Nov 23:30 in the plant is Monday 30 Nov in UTC: it belongs to the plant's week of 23 Nov.
    const sunday = await aSigTicket({ type: 'FAILURE', reportedAt: new Date('2026-11-30T05:30:00Z') });
    const monday = await aSigTicket({ type: 'INFORMATION', reportedAt: new Date('2026-11-30T15:00:00Z') });
    await prisma.ticket.update({ where: { id: monday.id }, data: { answeredAt: new Date('2026-11-30T16:00:00Z') } });
    const alerts = await overdueTickets(prisma, now);
    expect(alerts).toEqual([
      { kind: 'ticket-overdue', record: { model: 'Ticket', id: sunday.id }, recipients: { groups: ['SUPERVISORS'] }, messageKey: 'ticketOverdueAlert_response', values: { number: sunday.number, due: '2026-11-30T07:30:00.000Z' } },
    ]);
    const weeks = await slaComplianceByWeek(prisma, 'America/Tegucigalpa', now, 2);
    expect(weeks).toEqual([
      { week: '2026-11-23', tickets: 1, responseMet: 0, responseDue: 1, resolutionMet: 0, resolutionDue: 0 },
      { week: '2026-11-30', tickets: 1, responseMet: 1, responseDue: 1, resolutionMet: 0, resolutionDue: 0 },
    ]);
  });
});

describe('the SIG runs page', () => {
  it('shows supervisors each run and why it failed, in words, and says when the scrape is off', async () => {
    await prisma.sigSyncRun.create({ data: { state: 'FAILED', finishedAt: new Date(), errorCode: 'sigLayoutChanged', errorValues: { column: 'Número', page: 1 } } });
    const list = await supervisor.client.json<{ records: { params: Record<string, unknown> }[]; notice?: { message: string } }>('/admin/api/resources/SigSyncRun/actions/list');
    expect(list.body.records[0]?.params.errorMessage).toBe(
      'El diseño del SIG cambió: falta la columna Número (página 1). Hay que adaptar el lector del SIG antes de seguir importando tickets.',
    );
    expect(list.body.notice?.message).toMatch(/^La lectura de tickets del SIG está desactivada/);
    // Operators read the runs too (the feed of their queue, on their call-centre board); technicians do not.
    expect((await operator.client.request('/admin/api/resources/SigSyncRun/actions/list')).status).toBe(200);
    const technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tina Técnica', { technician: true });
    expect((await technician.client.request('/admin/api/resources/SigSyncRun/actions/list')).status).toBe(403);
  });
});
