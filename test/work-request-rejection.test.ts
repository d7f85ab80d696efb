// "Rechazar" on a work request: a supervisor or an operator closes a request that will not become work,
// with a reason its reporter reads; the state moves by this action only, never by the request's form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let operator: Person;
let consultant: Person;
let technician: Person;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Oscar Operador');
  consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tito Técnico', { technician: true });
});
afterAll(() => office?.close());

type Answer = {
  notice?: { message: string; type: string };
  redirectUrl?: string;
  record?: { params: Record<string, unknown>; errors: Record<string, { message: string }> };
};

const aRequest = async () =>
  prisma.workRequest.create({
    data: { reportedById: operator.userId, assetId: (await make.anAsset(prisma)).id, description: 'Fuga de vapor en la brida', priority: 'MEDIUM' },
  });
const reject = (person: Person, id: number, body: Record<string, string>, method = 'POST') =>
  person.client.json<Answer>(`/admin/api/resources/WorkRequest/records/${id}/reject`, {
    method,
    ...(method === 'POST' ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
const stateOf = async (id: number) => prisma.workRequest.findUniqueOrThrow({ where: { id }, select: { state: true, rejectionReason: true } });

describe('"Rechazar" a work request', () => {
  it('a supervisor rejects it with a reason: the state and reason are written, with who did it in the history', async () => {
    const request = await aRequest();
    const answer = await reject(supervisor, request.id, { reason: '  Duplicado del aviso #12: ya hay una OT abierta.  ' });
    expect(answer.status).toBe(200);
    expect(answer.body.notice).toEqual({ message: 'workRequestRejected', type: 'success' });
    expect(answer.body.redirectUrl).toContain(`/resources/WorkRequest/records/${request.id}/show`);
    expect(await stateOf(request.id)).toEqual({ state: 'REJECTED', rejectionReason: 'Duplicado del aviso #12: ya hay una OT abierta.' });
    const [entry] = await prisma.changeHistory.findMany({ where: { tableName: 'work_requests', recordId: request.id, action: 'UPDATE' } });
    expect(entry).toMatchObject({ actorUserId: supervisor.userId });
    expect(entry!.changes).toEqual({
      before: { state: 'OPEN', rejection_reason: null },
      after: { state: 'REJECTED', rejection_reason: 'Duplicado del aviso #12: ya hay una OT abierta.' },
    });
    // The reporter reads the reason on the request's page, under its label, with the state in Spanish.
    const shown = await operator.client.json<{ record: { params: Record<string, unknown> } }>(`/admin/api/resources/WorkRequest/records/${request.id}/show`);
    expect(shown.body.record.params).toMatchObject({ state: 'REJECTED', rejectionReason: 'Duplicado del aviso #12: ya hay una OT abierta.' });
  });

  it('an operator rejects one too (he keeps the requests)', async () => {
    const request = await aRequest();
    const answer = await reject(operator, request.id, { reason: 'No es una falla: consulta de horario.' });
    expect(answer.body.notice?.message).toBe('workRequestRejected');
    expect((await stateOf(request.id)).state).toBe('REJECTED');
  });

  it('without a reason, says so beside the field in the form’s language and writes nothing', async () => {
    const request = await aRequest();
    const blank = await reject(supervisor, request.id, { reason: '   ', language: 'es' });
    expect(blank.body.notice).toMatchObject({ message: 'workRequestRejectReasonRequired', type: 'error' });
    expect(blank.body.record?.errors.reason?.message).toBe('Escriba el motivo del rechazo: quien reportó el aviso lo leerá.');
    const english = await reject(supervisor, request.id, { language: 'en' });
    expect(english.body.record?.errors.reason?.message).toBe('Write why it is rejected: whoever reported the request will read it.');
    const long = await reject(supervisor, request.id, { reason: 'x'.repeat(1001) });
    expect(long.body.record?.errors.reason?.message).toBe('El motivo admite como máximo 1000 caracteres: resúmalo.');
    expect(await stateOf(request.id)).toEqual({ state: 'OPEN', rejectionReason: null });
    expect(await prisma.changeHistory.count({ where: { tableName: 'work_requests', recordId: request.id, action: 'UPDATE' } })).toBe(0);
  });

  it('rejects only a request still waiting: a converted one is refused, and rejecting twice at once rejects once', async () => {
    const request = await aRequest();
    await supervisor.client.json(`/admin/api/resources/WorkRequest/records/${request.id}/convert`, { method: 'POST' });
    const late = await reject(supervisor, request.id, { reason: 'Tarde' });
    expect(late.body.notice?.message).toBe('workRequestNotRejectable');
    expect(await stateOf(request.id)).toEqual({ state: 'CONVERTED', rejectionReason: null });

    const other = await aRequest();
    const answers = await Promise.all([reject(supervisor, other.id, { reason: 'Primero' }), reject(operator, other.id, { reason: 'Segundo' })]);
    expect(answers.map((a) => a.body.notice?.message).sort()).toEqual(['workRequestNotRejectable', 'workRequestRejected']);
    expect(await prisma.changeHistory.count({ where: { tableName: 'work_requests', recordId: other.id, action: 'UPDATE' } })).toBe(1);
  });

  it('a GET changes nothing, and consultants and technicians are refused', async () => {
    const request = await aRequest();
    const read = await reject(supervisor, request.id, {}, 'GET');
    expect(read.status).toBe(200);
    expect(read.body.record?.params.state).toBe('OPEN');
    expect((await reject(consultant, request.id, { reason: 'No' })).status).toBe(403);
    expect((await reject(technician, request.id, { reason: 'No' })).status).toBe(403);
    expect(await stateOf(request.id)).toEqual({ state: 'OPEN', rejectionReason: null });
  });

  it('the request’s form neither shows nor writes the state or the reason', async () => {
    const request = await aRequest();
    const body = new FormData();
    body.set('description', 'Fuga de vapor en la brida');
    body.set('state', 'REJECTED');
    body.set('rejectionReason', 'Por formulario');
    const edited = await operator.client.json<Answer>(`/admin/api/resources/WorkRequest/records/${request.id}/edit`, { method: 'POST', body });
    expect(Object.keys(edited.body.record?.errors ?? {}).sort()).toEqual(['rejectionReason', 'state']);
    expect(await stateOf(request.id)).toEqual({ state: 'OPEN', rejectionReason: null });
  });
});
