// Work permits and lockout/tagout over HTTP (issue 23): a supervisor drafts and requests a permit, the
// safety officer approves it signing with his password, the technician locks, tags and verifies each
// point from his order's permit, the permit is activated and only then may the order start; it is not
// completed while a lock is on; the permit is closed, signed, once the locks are off. Every refusal
// writes nothing. The expiry job suspends permits in plant time and puts their orders on hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { permitContent, sha256Of } from '../domain/safety/permit-content.js';
import { suspendExpiredPermits } from '../domain/safety/suspend-expired-permits.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let officer: Person;
let technician: Person;
let otherTechnician: Person;
let loto: { id: number; name: string };
let confined: { id: number; requiredChecks: string };
/** A corrective order's report: labour hours and the failure (problem → cause → remedy). */
let report: Record<string, string>;
const HOUR = 3600_000;
const BROWSER = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/131 Mobile';

beforeAll(async () => {
  // No workers: the expiry job is run by hand at chosen instants, not by the minute's schedule.
  office = await startTestBackOffice({ env: { WORKERS_IN_PROCESS: 'false' } });
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  otherTechnician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Otto Otro', { technician: true });
  // The safety right is granted to a group, like the history right: here the consultants' group.
  await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canManageSafety: true } });
  officer = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Olga Oficial de Seguridad');
  loto = await prisma.permitKind.findUniqueOrThrow({ where: { code: 'ELECTRICAL_ISOLATION' } });
  confined = await prisma.permitKind.findUniqueOrThrow({ where: { code: 'CONFINED_SPACE' } });
  const problem = await prisma.failureCode.create({ data: { code: 'P-CONT', name: 'Contactor quemado', kind: 'PROBLEM' } });
  const cause = await prisma.failureCode.create({ data: { code: 'C-CONT', name: 'Sobrecarga', kind: 'CAUSE', parentId: problem.id } });
  const remedy = await prisma.failureCode.create({ data: { code: 'R-CONT', name: 'Reemplazo', kind: 'REMEDY', parentId: cause.id } });
  report = { laborHours: '2', problemId: String(problem.id), causeId: String(cause.id), remedyId: String(remedy.id) };
});
afterAll(() => office?.close());

type ActionBody = { notice?: { message: string; type: string }; record?: { params: Record<string, string>; errors?: Record<string, { message: string }> }; form?: unknown };
const form = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return body;
};
const act = (client: HttpClient, resource: string, id: number, action: string, fields: Record<string, string> = {}) =>
  client.json<ActionBody>(`/admin/api/resources/${resource}/records/${id}/${action}`, { method: 'POST', body: form(fields), headers: { 'user-agent': BROWSER } });
const permitAction = (client: HttpClient, id: number, action: string, fields: Record<string, string> = {}) => act(client, 'WorkPermit', id, action, fields);
const permitOf = (id: number) => prisma.workPermit.findUniqueOrThrow({ where: { id } });
const orderOf = (id: number) => prisma.workOrder.findUniqueOrThrow({ where: { id } });

/** An order of the technician's on an asset that requires an electrical isolation permit, with two LOTO points. */
async function anIsolatedOrder() {
  const asset = await make.anAsset(prisma);
  await prisma.permitRequirement.create({ data: { permitKindId: loto.id, assetId: asset.id } });
  const points = await Promise.all(
    ['INT-01', 'VAL-02'].map((code, i) =>
      prisma.isolationPoint.create({ data: { assetId: asset.id, code, type: i ? 'VALVE' : 'BREAKER', energyType: i ? 'HYDRAULIC' : 'ELECTRICAL', locationDescription: `Tablero ${i + 1}` } }),
    ),
  );
  const order = await prisma.workOrder.create({
    data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId: technician.technicianId, state: 'ASSIGNED', plannedOn: new Date(), description: 'Cambiar contactor' },
  });
  return { asset, points, order };
}

/** A permit drafted by the supervisor through the form (the asset comes from the order). */
async function aDraftPermit(orderId: number, kindId = loto.id, window = { from: new Date(Date.now() - HOUR), until: new Date(Date.now() + 8 * HOUR) }) {
  const created = await supervisor.client.json<ActionBody>('/admin/api/resources/WorkPermit/actions/new', {
    method: 'POST',
    body: form({ permitKind: String(kindId), workOrder: String(orderId), description: 'Cambio de contactor del motor', validFrom: window.from.toISOString(), validUntil: window.until.toISOString(), crew: 'Tomás Técnico\nLuis Ayudante (contratista)' }),
  });
  expect(created.body.record?.errors ?? {}).toEqual({});
  return Number(created.body.record!.params.id);
}

async function addPoints(permitId: number, pointIds: number[]) {
  for (const id of pointIds) {
    const added = await supervisor.client.json<ActionBody>('/admin/api/resources/PermitIsolation/actions/new', { method: 'POST', body: form({ permit: String(permitId), isolationPoint: String(id) }) });
    expect(added.body.record?.errors ?? {}).toEqual({});
  }
  return prisma.permitIsolation.findMany({ where: { permitId }, orderBy: { id: 'asc' } });
}

const allChecks = (text: string) => text;
async function anAdministrator() {
  const client = new HttpClient(office.url);
  await client.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  return client;
}

/** Drafted, points listed, requested with its checks, approved by the officer. */
async function anApprovedPermit(orderId: number, pointIds: number[]) {
  const permitId = await aDraftPermit(orderId);
  await addPoints(permitId, pointIds);
  const kind = await prisma.permitKind.findUniqueOrThrow({ where: { id: loto.id } });
  expect((await permitAction(supervisor.client, permitId, 'permitRequest', { precautions: allChecks(kind.requiredChecks) })).body.notice).toMatchObject({ type: 'success' });
  expect((await permitAction(officer.client, permitId, 'permitApprove', { password: PASSWORD })).body.notice).toMatchObject({ message: 'permitMoved_approve', type: 'success' });
  return permitId;
}

async function lockAndVerifyAll(client: HttpClient, permitId: number) {
  const isolations = await prisma.permitIsolation.findMany({ where: { permitId }, orderBy: { id: 'asc' } });
  for (const [i, isolation] of isolations.entries()) {
    expect((await act(client, 'PermitIsolation', isolation.id, 'lockPoint', { lockNumber: `C-${100 + i}` })).body.notice).toMatchObject({ type: 'success' });
    expect((await act(client, 'PermitIsolation', isolation.id, 'verifyZeroEnergy')).body.notice).toMatchObject({ type: 'success' });
  }
  return isolations;
}

describe('a LOTO permit from draft to closed, and the order it covers', () => {
  it('the whole journey: request, signed approval, locks, activation, start, completion after removal, signed closing', async () => {
    const { asset, points, order } = await anIsolatedOrder();

    // Without a permit the order does not start; nothing changes.
    const refusedStart = await act(technician.client, 'WorkOrder', order.id, 'start');
    expect(refusedStart.body.notice).toMatchObject({ type: 'error' });
    expect(refusedStart.body.record?.errors?.state?.message).toContain('Aislamiento eléctrico (LOTO)');
    expect((await orderOf(order.id)).state).toBe('ASSIGNED');

    const permitId = await aDraftPermit(order.id);
    expect(await permitOf(permitId)).toMatchObject({ state: 'DRAFT', assetId: asset.id, number: expect.stringMatching(/^PT-\d{4}-\d{5}$/) });

    // A LOTO permit without points is not requested; nor without its checks ticked.
    const noPoints = await permitAction(supervisor.client, permitId, 'permitRequest', { precautions: allChecks((await prisma.permitKind.findUniqueOrThrow({ where: { id: loto.id } })).requiredChecks) });
    expect(noPoints.body.record?.errors?.state?.message).toContain('exige aislamientos');
    await addPoints(permitId, points.map((p) => p.id));
    const form = await supervisor.client.json<{ form: { fields: { options: string[] }[] } }>(`/admin/api/resources/WorkPermit/records/${permitId}/permitRequest`);
    const checks = form.body.form.fields[0]!.options;
    expect(checks).toHaveLength(3);
    const missing = await permitAction(supervisor.client, permitId, 'permitRequest', { precautions: checks[0]! });
    expect(missing.body.record?.errors?.precautions?.message).toContain(checks[2]!);
    expect((await permitOf(permitId)).state).toBe('DRAFT');
    expect((await permitAction(supervisor.client, permitId, 'permitRequest', { precautions: checks.join('\n') })).body.notice).toMatchObject({ message: 'permitMoved_request', type: 'success' });
    expect(await permitOf(permitId)).toMatchObject({ state: 'REQUESTED', requestedById: supervisor.userId, precautions: checks.join('\n') });

    // Approving is the safety officer's, signed with his password.
    expect((await permitAction(supervisor.client, permitId, 'permitApprove', { password: PASSWORD })).status).toBe(403);
    const wrong = await permitAction(officer.client, permitId, 'permitApprove', { password: 'no-es-la-clave' });
    expect(wrong.body.record?.errors?.password?.message).toBe('Contraseña incorrecta. No se registró ninguna firma.');
    expect(await prisma.permitSignature.count({ where: { permitId } })).toBe(0);
    expect((await permitOf(permitId)).state).toBe('REQUESTED');
    expect((await permitAction(officer.client, permitId, 'permitApprove', { password: PASSWORD })).body.notice).toMatchObject({ type: 'success' });
    const approved = await permitOf(permitId);
    expect(approved).toMatchObject({ state: 'APPROVED', approvedById: officer.userId });
    const [approval] = await prisma.permitSignature.findMany({ where: { permitId } });
    expect(approval).toMatchObject({ purpose: 'APPROVAL', signerId: officer.userId, userAgent: BROWSER, ip: expect.stringContaining('127.0.0.1') });
    // The hash is the permit's content as signed: anyone recomputes it from the rows.
    const recomputed = await prisma.transactionAs((tx) => permitContent(tx, permitId));
    expect(approval!.sha256).toBe(sha256Of({ purpose: 'approve', permit: recomputed, state: 'APPROVED' }));

    // Not active until every point is locked, tagged and verified at zero energy.
    const early = await permitAction(supervisor.client, permitId, 'permitActivate');
    expect(early.body.record?.errors?.state?.message).toContain('INT-01, VAL-02');
    const isolations = await prisma.permitIsolation.findMany({ where: { permitId }, orderBy: { id: 'asc' } });
    // The technician records his own locks, from his order's permit; a lock number is required.
    const noNumber = await act(technician.client, 'PermitIsolation', isolations[0]!.id, 'lockPoint', { lockNumber: '  ' });
    expect(noNumber.body.record?.errors?.lockNumber?.message).toContain('número del candado');
    const unverified = await act(technician.client, 'PermitIsolation', isolations[0]!.id, 'verifyZeroEnergy');
    expect(unverified.body.record?.errors?.state?.message).toBe('Primero bloquee y etiquete el punto.');
    // Another technician's permits are not his to lock.
    expect((await act(otherTechnician.client, 'PermitIsolation', isolations[0]!.id, 'lockPoint', { lockNumber: 'X-1' })).status).toBe(404);
    await lockAndVerifyAll(technician.client, permitId);
    expect(await prisma.permitIsolation.findFirstOrThrow({ where: { id: isolations[0]!.id } })).toMatchObject({
      lockNumber: 'C-100', lockedById: technician.userId, verifiedById: technician.userId, lockedAt: expect.any(Date), verifiedAt: expect.any(Date), removedAt: null,
    });
    expect((await act(technician.client, 'PermitIsolation', isolations[0]!.id, 'lockPoint', { lockNumber: 'C-999' })).body.record?.errors?.state?.message).toBe('Este punto ya está bloqueado.');

    expect((await permitAction(supervisor.client, permitId, 'permitActivate')).body.notice).toMatchObject({ message: 'permitMoved_activate', type: 'success' });
    expect((await permitOf(permitId)).state).toBe('ACTIVE');

    // Now the order starts.
    expect((await act(technician.client, 'WorkOrder', order.id, 'start')).body.notice).toMatchObject({ type: 'success' });
    expect((await orderOf(order.id)).state).toBe('IN_PROGRESS');

    // Not completed while locks are on; nothing written.
    const locked = await act(technician.client, 'WorkOrder', order.id, 'complete', report);
    expect(locked.body.record?.errors?.state?.message).toContain('Aún hay bloqueos puestos (INT-01, VAL-02)');
    expect((await orderOf(order.id)).state).toBe('IN_PROGRESS');
    expect(await prisma.workOrderCompletion.count({ where: { workOrderId: order.id } })).toBe(0);
    // Nor is the permit closed.
    expect((await permitAction(officer.client, permitId, 'permitClose', { password: PASSWORD })).body.record?.errors?.state?.message).toContain('Aún hay bloqueos');

    // Only the lock's owner (or the safety officer) removes it; the removal is recorded.
    expect((await act(supervisor.client, 'PermitIsolation', isolations[0]!.id, 'removeLock')).body.record?.errors?.state?.message).toContain('Solo quien puso el candado');
    for (const isolation of isolations) expect((await act(technician.client, 'PermitIsolation', isolation.id, 'removeLock')).body.notice).toMatchObject({ type: 'success' });
    expect(await prisma.permitIsolation.count({ where: { permitId, removedById: technician.userId, removedAt: { not: null } } })).toBe(2);

    expect((await act(technician.client, 'WorkOrder', order.id, 'complete', report)).body.notice).toMatchObject({ type: 'success' });
    expect((await orderOf(order.id)).state).toBe('COMPLETED');

    // Closed, signed by the officer; then nothing of it changes.
    expect((await permitAction(officer.client, permitId, 'permitClose', { password: PASSWORD })).body.notice).toMatchObject({ message: 'permitMoved_close', type: 'success' });
    expect(await permitOf(permitId)).toMatchObject({ state: 'CLOSED', closedById: officer.userId });
    expect((await prisma.permitSignature.findMany({ where: { permitId }, orderBy: { id: 'asc' } })).map((s) => s.purpose)).toEqual(['APPROVAL', 'CLOSING']);

    // Every step is in the change history, under the person who took it.
    const history = await prisma.changeHistory.findMany({ where: { tableName: 'permit_isolations', recordId: isolations[0]!.id }, orderBy: { id: 'asc' } });
    expect(history.map((h) => h.actorUserId)).toEqual([supervisor.userId, technician.userId, technician.userId, technician.userId]);
  });
});

describe('refusals that write nothing', () => {
  it('a closed permit is not edited, by its form nor by SQL', async () => {
    const { order } = await anIsolatedOrder();
    const permitId = await aDraftPermit(order.id);
    await prisma.workPermit.update({ where: { id: permitId }, data: { state: 'CLOSED' } });
    const before = await permitOf(permitId);
    const edit = await supervisor.client.request(`/admin/api/resources/WorkPermit/records/${permitId}/edit`, { method: 'POST', body: form({ description: 'Otra cosa' }) });
    expect(edit.status).toBe(403);
    const asAdministrator = await anAdministrator();
    expect((await asAdministrator.request(`/admin/api/resources/WorkPermit/records/${permitId}/edit`, { method: 'POST', body: form({ description: 'Otra cosa' }) })).status).toBe(403);
    await expect(office.database.pool.query(`UPDATE work_permits SET description = 'x' WHERE id = $1`, [permitId])).rejects.toThrow(/cannot be changed/);
    await expect(office.database.pool.query(`DELETE FROM work_permits WHERE id = $1`, [permitId])).rejects.toThrow(/cannot be changed/);
    expect(await permitOf(permitId)).toEqual(before);
  });

  it('the signature audit cannot be rewritten or deleted, by anyone', async () => {
    const { order, points } = await anIsolatedOrder();
    const permitId = await anApprovedPermit(order.id, points.map((p) => p.id));
    const signature = await prisma.permitSignature.findFirstOrThrow({ where: { permitId } });
    await expect(office.database.pool.query(`UPDATE permit_signatures SET sha256 = $2 WHERE id = $1`, [signature.id, 'c'.repeat(64)])).rejects.toThrow(/immutable/);
    await expect(office.database.pool.query(`DELETE FROM permit_signatures WHERE id = $1`, [signature.id])).rejects.toThrow(/immutable/);
    await expect(office.database.pool.query(`TRUNCATE permit_signatures CASCADE`)).rejects.toThrow(/immutable/);
    const asAdministrator = await anAdministrator();
    expect((await asAdministrator.request(`/admin/api/resources/PermitSignature/records/${signature.id}/delete`, { method: 'POST' })).status).toBe(403);
    expect((await asAdministrator.request(`/admin/api/resources/PermitSignature/records/${signature.id}/edit`, { method: 'POST', body: form({ ip: '10.0.0.1' }) })).status).toBe(403);
    expect(await prisma.permitSignature.findUniqueOrThrow({ where: { id: signature.id } })).toEqual(signature);
  });

  it('a supervisor without the safety right neither approves nor closes; a technician neither requests nor activates', async () => {
    const { order, points } = await anIsolatedOrder();
    const permitId = await aDraftPermit(order.id);
    await addPoints(permitId, points.map((p) => p.id));
    for (const action of ['permitRequest', 'permitActivate', 'permitCancel']) expect((await permitAction(technician.client, permitId, action)).status).toBe(403);
    await prisma.workPermit.update({ where: { id: permitId }, data: { state: 'REQUESTED' } });
    expect((await permitAction(supervisor.client, permitId, 'permitApprove', { password: PASSWORD })).status).toBe(403);
    expect((await permitAction(technician.client, permitId, 'permitApprove', { password: PASSWORD })).status).toBe(403);
    expect(await permitOf(permitId)).toMatchObject({ state: 'REQUESTED', approvedById: null });
    expect(await prisma.permitSignature.count({ where: { permitId } })).toBe(0);
  });

  it('a permit with locks on is not cancelled; once they are off it is', async () => {
    const { order, points } = await anIsolatedOrder();
    const permitId = await anApprovedPermit(order.id, points.map((p) => p.id));
    const [first] = await prisma.permitIsolation.findMany({ where: { permitId }, orderBy: { id: 'asc' } });
    await act(technician.client, 'PermitIsolation', first!.id, 'lockPoint', { lockNumber: 'C-7' });
    expect((await permitAction(supervisor.client, permitId, 'permitCancel')).body.record?.errors?.state?.message).toContain('INT-01');
    expect((await permitOf(permitId)).state).toBe('APPROVED');
    await act(technician.client, 'PermitIsolation', first!.id, 'removeLock');
    expect((await permitAction(supervisor.client, permitId, 'permitCancel')).body.notice).toMatchObject({ message: 'permitMoved_cancel' });
    expect(await permitOf(permitId)).toMatchObject({ state: 'CANCELLED', cancelledAt: expect.any(Date) });
    // A cancelled permit's points are fixed with it.
    expect((await act(technician.client, 'PermitIsolation', first!.id, 'lockPoint', { lockNumber: 'C-8' })).body.record?.errors?.state?.message).toContain('no está aprobado ni activo');
  });

  it('a criticality can require a permit: an order on a critical asset does not start without one', async () => {
    const hotWork = await prisma.permitKind.findUniqueOrThrow({ where: { code: 'HOT_WORK' } });
    const requirement = await prisma.permitRequirement.create({ data: { permitKindId: hotWork.id, criticality: 'A' } });
    try {
      const asset = await make.anAsset(prisma);
      await prisma.asset.update({ where: { id: asset.id }, data: { criticality: 'A' } });
      const order = await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId: technician.technicianId, state: 'ASSIGNED', plannedOn: new Date(), description: 'Soldar soporte' } });
      const refused = await act(technician.client, 'WorkOrder', order.id, 'start');
      expect(refused.body.record?.errors?.state?.message).toContain('Trabajo en caliente');
      expect((await orderOf(order.id)).state).toBe('ASSIGNED');
      // An order on a C asset is not concerned.
      const plain = await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: (await make.anAsset(prisma)).id, technicianId: technician.technicianId, state: 'ASSIGNED', plannedOn: new Date(), description: 'Engrasar' } });
      expect((await act(technician.client, 'WorkOrder', plain.id, 'start')).body.notice).toMatchObject({ type: 'success' });
    } finally {
      await prisma.permitRequirement.delete({ where: { id: requirement.id } });
    }
  });

  it('two approvals at once: one signature, the second is told the permit moved on', async () => {
    const { order, points } = await anIsolatedOrder();
    const permitId = await aDraftPermit(order.id);
    await addPoints(permitId, points.map((p) => p.id));
    await prisma.workPermit.update({ where: { id: permitId }, data: { state: 'REQUESTED' } });
    const answers = await Promise.all([0, 1].map(() => permitAction(officer.client, permitId, 'permitApprove', { password: PASSWORD })));
    expect(answers.map((a) => a.body.notice?.type).sort()).toEqual(['error', 'success']);
    expect(await prisma.permitSignature.count({ where: { permitId } })).toBe(1);
  });
});

describe('suspending and reactivating', () => {
  it('a supervisor suspends an active permit: the order goes on hold and resumes only once the permit is active again', async () => {
    const { order, points } = await anIsolatedOrder();
    const permitId = await anApprovedPermit(order.id, points.map((p) => p.id));
    await lockAndVerifyAll(technician.client, permitId);
    await permitAction(supervisor.client, permitId, 'permitActivate');
    await act(technician.client, 'WorkOrder', order.id, 'start');
    expect((await permitAction(technician.client, permitId, 'permitSuspend')).status).toBe(403);
    expect((await permitAction(supervisor.client, permitId, 'permitSuspend')).body.notice).toMatchObject({ message: 'permitMoved_suspend', type: 'success' });
    expect(await permitOf(permitId)).toMatchObject({ state: 'SUSPENDED', suspensionReason: 'MANUAL' });
    expect((await orderOf(order.id)).state).toBe('ON_HOLD');
    expect((await act(technician.client, 'WorkOrder', order.id, 'resume')).body.record?.errors?.state?.message).toContain('exige un permiso');
    expect((await permitAction(supervisor.client, permitId, 'permitActivate')).body.notice).toMatchObject({ type: 'success' });
    expect(await permitOf(permitId)).toMatchObject({ state: 'ACTIVE', suspensionReason: null, suspendedAt: null });
    expect((await act(technician.client, 'WorkOrder', order.id, 'resume')).body.notice).toMatchObject({ type: 'success' });
    expect((await orderOf(order.id)).state).toBe('IN_PROGRESS');
  });

  it('a technician sees the permits of his orders only', async () => {
    const { order, points } = await anIsolatedOrder();
    const permitId = await anApprovedPermit(order.id, points.map((p) => p.id));
    const list = async (who: Person) => (await who.client.json<{ records: { id: string }[] }>('/admin/api/resources/WorkPermit/actions/list?perPage=100')).body.records.map((r) => Number(r.id));
    expect(await list(technician)).toContain(permitId);
    expect(await list(otherTechnician)).not.toContain(permitId);
    expect((await otherTechnician.client.request(`/admin/api/resources/WorkPermit/records/${permitId}/show`)).status).toBe(404);
  });
});

describe('gas tests', () => {
  it('a confined-space permit is activated only with its last gas test within limits, judged by the database', async () => {
    const { order } = await anIsolatedOrder();
    const permitId = await aDraftPermit(order.id, confined.id);
    const asset = (await permitOf(permitId)).assetId;
    const point = await prisma.isolationPoint.findFirstOrThrow({ where: { assetId: asset } });
    await addPoints(permitId, [point.id]);
    await permitAction(supervisor.client, permitId, 'permitRequest', { precautions: confined.requiredChecks });
    await permitAction(officer.client, permitId, 'permitApprove', { password: PASSWORD });
    await lockAndVerifyAll(technician.client, permitId);
    expect((await permitAction(supervisor.client, permitId, 'permitActivate')).body.record?.errors?.state?.message).toContain('exige una prueba de gases');

    // The technician measures (he is recorded as the measurer, whatever the form says): too little oxygen.
    const low = await technician.client.json<ActionBody>('/admin/api/resources/PermitGasTest/actions/new', { method: 'POST', body: form({ permit: String(permitId), oxygenPct: '18.5', lelPct: '0', h2sPpm: '0', coPpm: '3' }) });
    expect(low.body.record?.errors ?? {}).toEqual({});
    expect(await prisma.permitGasTest.findFirstOrThrow({ where: { permitId } })).toMatchObject({ takenById: technician.userId, withinLimits: false });
    expect((await permitAction(supervisor.client, permitId, 'permitActivate')).body.record?.errors?.state?.message).toContain('fuera de límites');
    expect((await permitOf(permitId)).state).toBe('APPROVED');

    await technician.client.json('/admin/api/resources/PermitGasTest/actions/new', { method: 'POST', body: form({ permit: String(permitId), oxygenPct: '20.9', lelPct: '2', h2sPpm: '1', coPpm: '5' }) });
    expect((await permitAction(supervisor.client, permitId, 'permitActivate')).body.notice).toMatchObject({ type: 'success' });
  });
});

describe('an expired permit suspends the work, in plant time', () => {
  it('the job suspends the permit, puts its order on hold and tells the people once; the order does not resume', async () => {
    const { order, points } = await anIsolatedOrder();
    const permitId = await anApprovedPermit(order.id, points.map((p) => p.id));
    await lockAndVerifyAll(technician.client, permitId);
    await permitAction(supervisor.client, permitId, 'permitActivate');
    await act(technician.client, 'WorkOrder', order.id, 'start');
    expect((await orderOf(order.id)).state).toBe('IN_PROGRESS');

    // Its window ended at 03:30 UTC, 21:30 of the day before in Tegucigalpa (UTC−6): a minute earlier
    // nothing happens; at its end the permit is over.
    const end = new Date('2026-11-30T03:30:00Z');
    await prisma.workPermit.update({ where: { id: permitId }, data: { validFrom: new Date('2026-11-29T20:00:00Z'), validUntil: end } });
    expect((await suspendExpiredPermits(prisma, 'America/Tegucigalpa', new Date('2026-11-30T03:29:00Z'))).suspended).not.toContain(permitId);
    expect((await permitOf(permitId)).state).toBe('ACTIVE');
    expect((await suspendExpiredPermits(prisma, 'America/Tegucigalpa', end)).suspended).toContain(permitId);
    expect(await permitOf(permitId)).toMatchObject({ state: 'SUSPENDED', suspensionReason: 'EXPIRED', suspendedAt: end });
    expect((await orderOf(order.id)).state).toBe('ON_HOLD');

    const told = await prisma.notification.findMany({ where: { kind: 'work-permit-expired', recordId: permitId }, orderBy: { userId: 'asc' } });
    expect(told.map((n) => n.userId).sort()).toEqual([supervisor.userId, officer.userId, technician.userId].sort());
    const permit = await permitOf(permitId);
    expect(told[0]!.values).toEqual({ title: permit.number, until: '29/11/2026 21:30', order: order.number });
    // Run again: nobody is told twice.
    await suspendExpiredPermits(prisma, 'America/Tegucigalpa', new Date('2026-11-30T03:35:00Z'));
    expect(await prisma.notification.count({ where: { kind: 'work-permit-expired', recordId: permitId } })).toBe(told.length);

    // Resuming needs an active permit; reactivating an expired one is refused.
    expect((await act(technician.client, 'WorkOrder', order.id, 'resume')).body.record?.errors?.state?.message).toContain('exige un permiso');
    expect((await permitAction(supervisor.client, permitId, 'permitActivate')).body.record?.errors?.state?.message).toContain('vigencia del permiso ya terminó');
    expect((await orderOf(order.id)).state).toBe('ON_HOLD');
  });
});
