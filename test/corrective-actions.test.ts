// Incidents, audits and corrective actions over HTTP (issue 23): the safety officer records an incident
// (numbered INC-YYYY-NNNN) and raises a corrective action; its owner starts it and marks it done; someone
// other than the owner verifies its effectiveness, or sends it back; the officer cancels with a reason.
// Actions are raised from findings and from closed corrective orders' failures too. An audit closes only
// once every action of its findings is verified, and the refusal names those pending. Overdue actions
// tell their owner and his manager once a day. The monthly rates are checked against figures worked by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { notifyOverdueCorrectiveActions } from '../domain/audits/notify-overdue-actions.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import type { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';
import { plantDay as isoDay } from './support/plant-days.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let officer: Person;
let technician: Person;
let consultant: Person;
let manager: Person;
let site: { id: number };

type ActionBody = { notice?: { message: string; type: string }; record?: { id?: string; params: Record<string, string>; errors?: Record<string, { message: string }> }; redirectUrl?: string };
const form = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return body;
};
const act = (client: HttpClient, resource: string, id: number, action: string, fields: Record<string, string> = {}) =>
  client.json<ActionBody>(`/admin/api/resources/${resource}/records/${id}/${action}`, { method: 'POST', body: form(fields) });
const create = (client: HttpClient, resource: string, fields: Record<string, string>) =>
  client.json<ActionBody>(`/admin/api/resources/${resource}/actions/new`, { method: 'POST', body: form(fields) });
const actionOf = (id: number) => prisma.correctiveAction.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  office = await startTestBackOffice({ env: { WORKERS_IN_PROCESS: 'false' } });
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  manager = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Mario Jefe de Mantenimiento');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
  // The safety right ("seguridad") is granted to a group: here a group of its own would do; the operators'.
  await prisma.group.update({ where: { code: 'OPERATORS' }, data: { canManageSafety: true } });
  officer = await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Oficial de Seguridad');
  await prisma.userProfile.update({ where: { userId: technician.userId }, data: { directManagerId: manager.userId } });
  site = await make.aLocation(prisma, { name: 'Central Norte' });
});
afterAll(() => office?.close());

/** An incident recorded through the officer's form. */
async function anIncident(fields: Partial<Record<string, string>> = {}) {
  const created = await create(officer.client, 'SafetyIncident', {
    kind: 'LOST_TIME', occurredAt: new Date().toISOString(), location: String(site.id), peopleInvolved: 'Luis Ayudante (contratista)',
    description: 'Golpe en la mano al retirar la tapa del motor', immediateActions: 'Primeros auxilios y traslado a la clínica', causes: 'Herramienta inadecuada', daysLost: '3', ...fields,
  });
  expect(created.body.record?.errors ?? {}).toEqual({});
  return Number(created.body.record!.params.id);
}

/** A corrective action raised on an incident by the officer, owned by the technician. */
async function anAction(incidentId: number, ownerId = technician.userId) {
  const raised = await act(officer.client, 'SafetyIncident', incidentId, 'raiseCorrectiveAction', { description: 'Dotar de extractor de tapas al taller', owner: String(ownerId), dueOn: isoDay(7) });
  expect(raised.body.notice).toMatchObject({ message: 'actionRaised', type: 'success' });
  return Number(raised.body.redirectUrl!.match(/CorrectiveAction\/records\/(\d+)/)![1]);
}

describe('incidents', () => {
  it('the officer records an incident: numbered INC-YYYY-NNNN without gaps, reported by him, in the history', async () => {
    const first = await anIncident();
    const second = await anIncident({ kind: 'NEAR_MISS', daysLost: '0' });
    const [a, b] = await Promise.all([first, second].map((id) => prisma.safetyIncident.findUniqueOrThrow({ where: { id } })));
    const year = new Date().getUTCFullYear();
    expect(a!.number).toMatch(new RegExp(`^INC-${year}-\\d{4}$`));
    expect(Number(b!.number.slice(9))).toBe(Number(a!.number.slice(9)) + 1);
    expect(a).toMatchObject({ reportedById: officer.userId, daysLost: 3, kind: 'LOST_TIME' });
    // A rolled-back insert gives its number back.
    await prisma.$transaction(async (tx) => {
      await tx.safetyIncident.create({ data: { kind: 'NEAR_MISS', occurredAt: new Date(), locationId: site.id, description: 'x', reportedById: officer.userId } });
      throw new Error('rolled back');
    }).catch(() => undefined);
    const third = await prisma.safetyIncident.findUniqueOrThrow({ where: { id: await anIncident({ kind: 'FIRST_AID', daysLost: '0' }) } });
    expect(Number(third.number.slice(9))).toBe(Number(b!.number.slice(9)) + 1);
    expect(await prisma.changeHistory.count({ where: { tableName: 'safety_incidents', recordId: a!.id } })).toBeGreaterThan(0);
  });

  it('days lost belong to lost-time injuries: a near miss with days lost is refused beside the field, nothing written', async () => {
    const before = await prisma.safetyIncident.count();
    const refused = await create(officer.client, 'SafetyIncident', { kind: 'NEAR_MISS', occurredAt: new Date().toISOString(), location: String(site.id), description: 'Casi cae una llave', daysLost: '2' });
    expect(Object.keys(refused.body.record?.errors ?? {})).not.toHaveLength(0);
    expect(await prisma.safetyIncident.count()).toBe(before);
  });

  it('a technician does not record incidents; a consultant reads them; a supervisor reports one', async () => {
    expect((await create(technician.client, 'SafetyIncident', { kind: 'NEAR_MISS', occurredAt: new Date().toISOString(), location: String(site.id), description: 'x' })).status).toBe(403);
    const list = await consultant.client.json<{ records: unknown[] }>('/admin/api/resources/SafetyIncident/actions/list');
    expect(list.status).toBe(200);
    expect(list.body.records.length).toBeGreaterThan(0);
    const reported = await create(supervisor.client, 'SafetyIncident', { kind: 'PROPERTY_DAMAGE', occurredAt: new Date().toISOString(), location: String(site.id), description: 'Montacargas golpeó un rack' });
    expect(reported.body.record?.errors ?? {}).toEqual({});
  });
});

describe('monthly rates, worked by hand', () => {
  it('frequency = lost-time injuries × 1 000 000 / hours, severity = days lost × 1 000 / hours, by plant-time month', async () => {
    const plant = await make.aLocation(prisma, { name: 'Central Sur' });
    const other = await make.aLocation(prisma, { name: 'Central Este' });
    const at = (iso: string, kind: string, daysLost = 0, locationId = plant.id) =>
      prisma.safetyIncident.create({ data: { kind, occurredAt: new Date(iso), locationId, description: `${kind} ${iso}`, daysLost, reportedById: officer.userId } });
    // March 2025 (plant time, UTC−6): two lost-time injuries (5 and 3 days), one first aid, one near miss.
    // The second injury happened at 23:30 on March 31st in the plant, already April 1st in UTC.
    await at('2025-03-10T14:00:00Z', 'LOST_TIME', 5);
    await at('2025-04-01T05:30:00Z', 'LOST_TIME', 3);
    await at('2025-03-12T14:00:00Z', 'FIRST_AID');
    await at('2025-03-20T14:00:00Z', 'NEAR_MISS');
    // April: one injury of 10 days. May: one injury, but no hours entered. Another site's injury never counts.
    await at('2025-04-15T14:00:00Z', 'LOST_TIME', 10);
    await at('2025-05-15T14:00:00Z', 'LOST_TIME', 4);
    await at('2025-03-15T14:00:00Z', 'LOST_TIME', 20, other.id);
    // Hours entered by the officer through the form.
    for (const [month, hours] of [['3', '160000'], ['4', '100000']] as const)
      expect((await create(officer.client, 'SafetyHoursWorked', { location: String(plant.id), year: '2025', month, hours })).body.record?.errors ?? {}).toEqual({});
    await create(officer.client, 'SafetyHoursWorked', { location: String(other.id), year: '2025', month: '3', hours: '50000' });

    type Rates = { rates: { months: { month: number; incidents: number; recordable: number; daysLost: number; hours: number | null; frequencyRate: number | null; severityRate: number | null; byKind: Record<string, number> }[]; total: { recordable: number; daysLost: number; hours: number; frequencyRate: number; severityRate: number; monthsWithoutHours: number[] } } };
    const answer = await consultant.client.json<Rates>(`/admin/api/resources/SafetyIncident/actions/incidentRates?year=2025&site=${plant.id}`);
    expect(answer.status).toBe(200);
    const [march, april, may] = [3, 4, 5].map((m) => answer.body.rates.months[m - 1]!);
    // March: 2 × 1 000 000 / 160 000 = 12.5; (5 + 3) × 1 000 / 160 000 = 0.05.
    expect(march).toMatchObject({ incidents: 4, recordable: 2, daysLost: 8, hours: 160000, frequencyRate: 12.5, severityRate: 0.05 });
    expect(march!.byKind).toMatchObject({ LOST_TIME: 2, FIRST_AID: 1, NEAR_MISS: 1, ENVIRONMENTAL: 0 });
    // April: 1 × 1 000 000 / 100 000 = 10; 10 × 1 000 / 100 000 = 0.1.
    expect(april).toMatchObject({ incidents: 1, recordable: 1, daysLost: 10, hours: 100000, frequencyRate: 10, severityRate: 0.1 });
    // May: no hours, no rate.
    expect(may).toMatchObject({ recordable: 1, daysLost: 4, hours: null, frequencyRate: null, severityRate: null });
    // The year counts months with hours only: 3 × 1 000 000 / 260 000 = 11.538… → 11.54; 18 × 1 000 / 260 000 = 0.0692… → 0.07.
    expect(answer.body.rates.total).toMatchObject({ recordable: 4, daysLost: 22, hours: 260000, frequencyRate: 11.54, severityRate: 0.07 });
    expect(answer.body.rates.total.monthsWithoutHours).toEqual([1, 2, 5, 6, 7, 8, 9, 10, 11, 12]);
    // The whole plant adds the other site: March 3 × 1 000 000 / 210 000 = 14.29.
    const plantWide = await consultant.client.json<Rates>('/admin/api/resources/SafetyIncident/actions/incidentRates?year=2025');
    expect(plantWide.body.rates.months[2]).toMatchObject({ recordable: 3, hours: 210000, frequencyRate: 14.29 });
    // A malformed year is a 400; a technician may not read the figures.
    expect((await consultant.client.json('/admin/api/resources/SafetyIncident/actions/incidentRates?year=abc')).status).toBe(400);
    expect((await technician.client.json('/admin/api/resources/SafetyIncident/actions/incidentRates?year=2025')).status).toBe(403);
  });

  it('an hours figure per site and month is entered once; a month outside 1–12 or hours of zero are refused', async () => {
    const place = await make.aLocation(prisma, { name: 'Subestación' });
    expect((await create(officer.client, 'SafetyHoursWorked', { location: String(place.id), year: '2025', month: '6', hours: '1000' })).body.record?.errors ?? {}).toEqual({});
    for (const fields of [{ month: '6', hours: '2000' }, { month: '13', hours: '1000' }, { month: '7', hours: '0' }]) {
      const refused = await create(officer.client, 'SafetyHoursWorked', { location: String(place.id), year: '2025', ...fields });
      expect(Object.keys(refused.body.record?.errors ?? {})).not.toHaveLength(0);
    }
    expect(await prisma.safetyHoursWorked.count({ where: { locationId: place.id } })).toBe(1);
    expect((await create(supervisor.client, 'SafetyHoursWorked', { location: String(place.id), year: '2025', month: '8', hours: '10' })).status).toBe(403);
  });
});

describe('a corrective action from raised to verified', () => {
  it('raised by the officer, started and done by its owner, verified by the officer; every step recorded', async () => {
    const incidentId = await anIncident();
    const id = await anAction(incidentId);
    expect(await actionOf(id)).toMatchObject({ state: 'OPEN', incidentId, ownerId: technician.userId, raisedById: officer.userId, number: expect.stringMatching(/^CA-\d{4}-\d{4}$/) });

    // The owner sees his action and starts it; a colleague's verify button is not his.
    expect((await technician.client.json(`/admin/api/resources/CorrectiveAction/records/${id}/show`)).status).toBe(200);
    expect((await act(technician.client, 'CorrectiveAction', id, 'action_start')).body.notice).toMatchObject({ message: 'actionMoved_start', type: 'success' });
    expect((await actionOf(id)).state).toBe('IN_PROGRESS');
    // While it is to be done the officer may edit what, who and when, never its state.
    const edited = await act(officer.client, 'CorrectiveAction', id, 'edit', { state: 'VERIFIED' });
    expect(edited.body.record?.errors?.state).toBeDefined();
    expect((await actionOf(id)).state).toBe('IN_PROGRESS');
    // Done needs what was done.
    const noNote = await act(technician.client, 'CorrectiveAction', id, 'action_complete', { note: '   ' });
    expect(noNote.body.record?.errors?.note?.message).toContain('Escriba la nota');
    expect((await actionOf(id)).state).toBe('IN_PROGRESS');
    expect((await act(technician.client, 'CorrectiveAction', id, 'action_complete', { note: 'Extractor comprado e instalado en el taller' })).body.notice).toMatchObject({ message: 'actionMoved_complete' });
    expect(await actionOf(id)).toMatchObject({ state: 'DONE', doneNote: 'Extractor comprado e instalado en el taller' });
    // The owner does not verify his own action; a supervisor has no verify right; the form cannot set the state.
    expect((await act(technician.client, 'CorrectiveAction', id, 'action_verify', { note: 'Yo mismo' })).status).toBe(403);
    expect((await act(supervisor.client, 'CorrectiveAction', id, 'action_verify', { note: 'Visto' })).status).toBe(403);
    expect((await act(officer.client, 'CorrectiveAction', id, 'edit', { description: 'Otra' })).status).toBe(403);
    // Not effective: sent back; done again; verified.
    expect((await act(officer.client, 'CorrectiveAction', id, 'action_reopen', { note: 'El extractor no sirve para motores grandes' })).body.notice).toMatchObject({ message: 'actionMoved_reopen' });
    expect(await actionOf(id)).toMatchObject({ state: 'IN_PROGRESS', doneAt: null });
    await act(technician.client, 'CorrectiveAction', id, 'action_complete', { note: 'Segundo extractor para motores grandes' });
    expect((await act(officer.client, 'CorrectiveAction', id, 'action_verify', { note: 'Inspección del taller: ambos extractores en uso' })).body.notice).toMatchObject({ message: 'actionMoved_verify' });
    expect(await actionOf(id)).toMatchObject({ state: 'VERIFIED', verifiedById: officer.userId, verificationNote: 'Inspección del taller: ambos extractores en uso' });
    // Verified: nothing moves it any more; it is never deleted.
    expect((await act(officer.client, 'CorrectiveAction', id, 'action_cancel', { note: 'x' })).body.record?.errors?.state?.message).toContain('no está en un estado');
    expect((await act(officer.client, 'CorrectiveAction', id, 'delete')).status).toBe(403);
    const entries = await prisma.changeHistory.count({ where: { tableName: 'corrective_actions', recordId: id } });
    expect(entries).toBeGreaterThanOrEqual(6);
  });

  it('an officer who owns an action is told someone else verifies it, and the database agrees', async () => {
    const id = await anAction(await anIncident(), officer.userId);
    await act(officer.client, 'CorrectiveAction', id, 'action_complete', { note: 'Hecho' });
    const own = await act(officer.client, 'CorrectiveAction', id, 'action_verify', { note: 'Yo' });
    expect(own.body.record?.errors?.state?.message).toContain('su eficacia la verifica otra persona');
    expect((await actionOf(id)).state).toBe('DONE');
    await expect(prisma.correctiveAction.update({ where: { id }, data: { state: 'VERIFIED', verifiedById: officer.userId } })).rejects.toThrow();
  });

  it('raising is refused without a description, an active owner or a due date from today on; nothing written', async () => {
    const incidentId = await anIncident();
    const before = await prisma.correctiveAction.count();
    const cases: [Record<string, string>, string][] = [
      [{ description: '', owner: String(technician.userId), dueOn: isoDay(3) }, 'description'],
      [{ description: 'Algo', owner: '', dueOn: isoDay(3) }, 'owner'],
      [{ description: 'Algo', owner: '999999', dueOn: isoDay(3) }, 'owner'],
      [{ description: 'Algo', owner: String(technician.userId), dueOn: '' }, 'dueOn'],
      [{ description: 'Algo', owner: String(technician.userId), dueOn: isoDay(-2) }, 'dueOn'],
    ];
    for (const [fields, field] of cases) {
      const refused = await act(officer.client, 'SafetyIncident', incidentId, 'raiseCorrectiveAction', fields);
      expect(refused.body.record?.errors?.[field]?.message, field).toBeTruthy();
    }
    expect(await prisma.correctiveAction.count()).toBe(before);
    // Nobody creates an action by the list's form: only from its source.
    expect((await create(officer.client, 'CorrectiveAction', { description: 'x', owner: String(technician.userId), dueOn: isoDay(3) })).status).toBe(403);
  });

  it('cancelled with a reason by the officer, not by its owner; a cancelled action is not edited', async () => {
    const id = await anAction(await anIncident());
    expect((await act(technician.client, 'CorrectiveAction', id, 'action_cancel', { note: 'No quiero' })).status).toBe(403);
    expect((await act(officer.client, 'CorrectiveAction', id, 'action_cancel', { note: '' })).body.record?.errors?.note).toBeDefined();
    expect((await act(officer.client, 'CorrectiveAction', id, 'action_cancel', { note: 'Duplicada de otra acción' })).body.notice).toMatchObject({ message: 'actionMoved_cancel' });
    expect(await actionOf(id)).toMatchObject({ state: 'CANCELLED', cancelReason: 'Duplicada de otra acción' });
    expect((await act(officer.client, 'CorrectiveAction', id, 'edit', { description: 'Otra cosa' })).status).toBe(403);
  });

  it('from a work order failure: only on a closed corrective order, by a supervisor', async () => {
    const open = await make.aWorkOrder(prisma);
    const refused = await act(supervisor.client, 'WorkOrder', open.id, 'raiseCorrectiveAction', { description: 'Cambiar el sello por uno de mejor material', owner: String(technician.userId), dueOn: isoDay(10) });
    expect(refused.body.record?.errors?.state?.message).toContain('no es una orden correctiva cerrada');
    const closed = await prisma.workOrder.update({ where: { id: (await make.aWorkOrder(prisma)).id }, data: { kind: 'CORRECTIVE', state: 'CLOSED' } });
    const raised = await act(supervisor.client, 'WorkOrder', closed.id, 'raiseCorrectiveAction', { description: 'Cambiar el sello por uno de mejor material', owner: String(technician.userId), dueOn: isoDay(10) });
    expect(raised.body.notice).toMatchObject({ message: 'actionRaised', type: 'success' });
    expect(await prisma.correctiveAction.count({ where: { workOrderId: closed.id, raisedById: supervisor.userId } })).toBe(1);
    expect((await act(technician.client, 'WorkOrder', closed.id, 'raiseCorrectiveAction', { description: 'x', owner: String(technician.userId), dueOn: isoDay(10) })).status).toBe(403);
  });

  it('two "done" at once: one is done, the other is told the action moved on', async () => {
    const id = await anAction(await anIncident());
    const [a, b] = await Promise.all([1, 2].map((n) => act(technician.client, 'CorrectiveAction', id, 'action_complete', { note: `Hecho ${n}` })));
    const notices = [a!, b!].map((r) => r.body.notice?.type).sort();
    expect(notices).toEqual(['error', 'success']);
    expect((await actionOf(id)).state).toBe('DONE');
  });
});

describe('audits', () => {
  async function anAudit() {
    const checklist = await create(officer.client, 'AuditChecklist', { code: `ISO-${Date.now() % 100000}`, name: `ISO 45001 interna ${Math.random()}`, items: '4.1 Contexto\n6.1 Riesgos\n8.1 Control operacional' });
    expect(checklist.body.record?.errors ?? {}).toEqual({});
    const created = await create(officer.client, 'Audit', {
      title: 'Auditoría interna de seguridad', kind: 'INTERNAL', scope: 'Taller y subestación', location: String(site.id), startsOn: isoDay(-1), endsOn: isoDay(1), auditor: 'Olga Oficial de Seguridad', checklist: checklist.body.record!.params.id!,
    });
    expect(created.body.record?.errors ?? {}).toEqual({});
    return Number(created.body.record!.params.id);
  }

  it('an audit copies its checklist, is numbered, and closes only once every action of its findings is verified', async () => {
    const auditId = await anAudit();
    const audit = await prisma.audit.findUniqueOrThrow({ where: { id: auditId } });
    expect(audit).toMatchObject({ state: 'PLANNED', number: expect.stringMatching(/^AUD-\d{4}-\d{4}$/) });
    expect(audit.checklistItems.split(/\r?\n/)).toEqual(['4.1 Contexto', '6.1 Riesgos', '8.1 Control operacional']);
    expect((await act(officer.client, 'Audit', auditId, 'auditStart')).body.notice).toMatchObject({ message: 'auditMoved_start' });
    const finding = await create(officer.client, 'AuditFinding', { audit: String(auditId), title: 'Guardas de acoplamiento faltantes', severity: 'MAJOR', requirement: 'ISO 45001 8.1.2', description: 'Bomba B-3 sin guarda' });
    const findingId = Number(finding.body.record!.params.id);
    await create(officer.client, 'AuditFinding', { audit: String(auditId), title: 'Señalización descolorida', severity: 'OBSERVATION', requirement: 'ISO 45001 7.4', description: 'Carteles del taller' });
    // A document as evidence of the finding.
    const document = await prisma.document.create({ data: { title: 'Foto de la bomba B-3', kind: 'OTHER' } });
    expect((await create(officer.client, 'AuditEvidence', { finding: String(findingId), document: String(document.id) })).body.record?.errors ?? {}).toEqual({});

    // A nonconformity without an action: refused, named.
    const noAction = await act(officer.client, 'Audit', auditId, 'auditClose');
    expect(noAction.body.record?.errors?.state?.message).toContain('Guardas de acoplamiento faltantes');
    const raised = await act(officer.client, 'AuditFinding', findingId, 'raiseCorrectiveAction', { description: 'Fabricar e instalar guarda', owner: String(technician.userId), dueOn: isoDay(5) });
    const actionId = Number(raised.body.redirectUrl!.match(/CorrectiveAction\/records\/(\d+)/)![1]);
    const number = (await actionOf(actionId)).number;
    // Pending action: refused, the action and its owner named; the audit stays open.
    const pending = await act(officer.client, 'Audit', auditId, 'auditClose');
    expect(pending.body.record?.errors?.state?.message).toContain(`${number} (Tomás Técnico)`);
    expect((await prisma.audit.findUniqueOrThrow({ where: { id: auditId } })).state).toBe('IN_PROGRESS');
    // Done but not verified still counts as pending.
    await act(technician.client, 'CorrectiveAction', actionId, 'action_complete', { note: 'Guarda instalada' });
    expect((await act(officer.client, 'Audit', auditId, 'auditClose')).body.record?.errors?.state?.message).toContain(number);
    await act(officer.client, 'CorrectiveAction', actionId, 'action_verify', { note: 'Guarda verificada en sitio' });
    expect((await act(officer.client, 'Audit', auditId, 'auditClose')).body.notice).toMatchObject({ message: 'auditMoved_close', type: 'success' });
    expect(await prisma.audit.findUniqueOrThrow({ where: { id: auditId } })).toMatchObject({ state: 'CLOSED', closedById: officer.userId });

    // Closed: nothing of it changes, by its forms or by SQL.
    expect((await act(officer.client, 'Audit', auditId, 'edit', { title: 'Otra' })).status).toBe(403);
    const late = await create(officer.client, 'AuditFinding', { audit: String(auditId), title: 'Tarde', severity: 'MINOR', requirement: 'x', description: 'x' });
    expect(late.status === 403 || Object.keys(late.body.record?.errors ?? {}).length > 0, JSON.stringify(late.body)).toBe(true);
    expect(await prisma.auditFinding.count({ where: { auditId } })).toBe(2);
    await expect(prisma.audit.update({ where: { id: auditId }, data: { title: 'SQL' } })).rejects.toThrow();
    await expect(prisma.auditFinding.update({ where: { id: findingId }, data: { title: 'SQL' } })).rejects.toThrow();
    expect((await act(officer.client, 'AuditFinding', findingId, 'raiseCorrectiveAction', { description: 'x', owner: String(technician.userId), dueOn: isoDay(5) })).body.record?.errors?.state?.message).toContain('cerrada');
  });

  it('a supervisor reads audits but neither creates nor closes them; a technician sees none', async () => {
    const auditId = await anAudit();
    expect((await supervisor.client.json(`/admin/api/resources/Audit/records/${auditId}/show`)).status).toBe(200);
    expect((await act(supervisor.client, 'Audit', auditId, 'auditClose')).status).toBe(403);
    expect((await create(supervisor.client, 'Audit', { title: 'x', kind: 'INTERNAL', scope: 'x', startsOn: isoDay(0), endsOn: isoDay(0), auditor: 'x' })).status).toBe(403);
    expect((await technician.client.json(`/admin/api/resources/Audit/records/${auditId}/show`)).status).toBe(403);
  });
});

describe('overdue corrective actions', () => {
  it('tell the owner and his manager once a day, in plant time; done actions tell nobody', async () => {
    const id = await anAction(await anIncident());
    const done = await anAction(await anIncident());
    await act(technician.client, 'CorrectiveAction', done, 'action_complete', { note: 'Hecho' });
    // The due date passes: the job's day is after it.
    const dueOn = (await actionOf(id)).dueOn;
    const tomorrowOfDue = new Date(dueOn.getTime() + 86_400_000);
    const first = await notifyOverdueCorrectiveActions(prisma, tomorrowOfDue);
    expect(first.told).toBeGreaterThanOrEqual(2);
    const told = await prisma.notification.findMany({ where: { kind: 'corrective-action-overdue', recordId: id }, orderBy: { userId: 'asc' } });
    expect(told.map((n) => n.userId).sort()).toEqual([technician.userId, manager.userId].sort());
    expect(told[0]!.values).toMatchObject({ owner: 'Tomás Técnico' });
    expect(await prisma.notification.count({ where: { kind: 'corrective-action-overdue', recordId: done } })).toBe(0);
    // Run again the same day: nobody told twice. The next day: told again.
    await notifyOverdueCorrectiveActions(prisma, tomorrowOfDue);
    expect(await prisma.notification.count({ where: { kind: 'corrective-action-overdue', recordId: id } })).toBe(2);
    await notifyOverdueCorrectiveActions(prisma, new Date(tomorrowOfDue.getTime() + 86_400_000));
    expect(await prisma.notification.count({ where: { kind: 'corrective-action-overdue', recordId: id } })).toBe(4);
    // Not overdue on its due day itself.
    const fresh = await anAction(await anIncident());
    await notifyOverdueCorrectiveActions(prisma, (await actionOf(fresh)).dueOn);
    expect(await prisma.notification.count({ where: { kind: 'corrective-action-overdue', recordId: fresh } })).toBe(0);
  });
});
