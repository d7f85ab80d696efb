// Approving a requisition against its budget line, over HTTP: the approval commits the total on the line;
// beyond what the line has left it is refused with the line and the shortfall named, unless the approver
// holds "aprobar sobregiro"; above his limit it goes up to his direct manager; every step is signed and
// kept; two approvals racing for the last of a line: exactly one wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let requester: Person;
let sara: Person; // supervisor, limit 2 000, no manager
let pablo: Person; // supervisor, limit 1 000, reports to Marta
let marta: Person; // supervisor, limit 10 000, Pablo's manager
let olga: Person; // supervisor with "aprobar sobregiro" (her other group holds the right)
const YEAR = new Date().getUTCFullYear();

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  requester = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Rita Solicitante');
  sara = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Aprobadora');
  marta = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Marta Gerente');
  pablo = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Pablo Jefe de Turno');
  await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canApproveOverdraft: true } });
  olga = await aPerson(prisma, office.url, ['SUPERVISORS', 'CONSULTANTS'], 'Olga Sobregiro');
  const limits: [Person, number, number | null][] = [[sara, 2000, null], [marta, 10000, null], [pablo, 1000, marta.userId], [olga, 10000, null]];
  for (const [person, approvalLimit, directManagerId] of limits)
    await prisma.userProfile.update({ where: { userId: person.userId }, data: { canApproveRequisitions: true, approvalLimit, directManagerId } });
});
afterAll(() => office?.close());

type ActionBody = { notice?: { message: string; type: string; options?: Record<string, string> }; record?: { params: Record<string, string>; errors?: Record<string, { message: string }> } };
const signed = (password: string) => {
  const body = new FormData();
  body.set('password', password);
  return body;
};
/** "Firmar y aprobar": the step is signed with the approver's password. */
const approve = (who: Person, id: number, password = PASSWORD, userAgent = 'Pruebas/1.0 (sala de control)') =>
  who.client.json<ActionBody>(`/admin/api/resources/Requisition/records/${id}/approve`, { method: 'POST', body: signed(password), headers: { 'user-agent': userAgent } });

let lines = 0;
/** A budget of this year with one MATERIALS line of `amount` in January. */
async function aMaterialsLine(amount: number) {
  const code = `APR-${++lines}`;
  const location = await make.aLocation(prisma, { name: `Planta ${code}`, code });
  const budget = await prisma.budget.create({
    data: { code, name: `Planta norte ${code}`, year: YEAR, locationId: location.id, lines: { create: { account: 'MATERIALS' } } },
    include: { lines: true },
  });
  const lineId = budget.lines[0]!.id;
  await prisma.budgetLineMonth.create({ data: { budgetLineId: lineId, month: 1, originalAmount: amount, currentAmount: amount } });
  return { lineId, name: budget.name };
}

async function aSubmittedRequisition(budgetLineId: number, total: number) {
  const requisition = await prisma.requisition.create({
    data: { title: 'Rodamientos', requestedById: requester.userId, budgetLineId, items: { create: { description: 'Rodamiento 6205', quantity: 1, unit: 'u', unitPrice: total } } },
  });
  await prisma.requisition.update({ where: { id: requisition.id }, data: { state: 'SUBMITTED' } });
  return requisition.id;
}

const committedOn = async (lineId: number) => Number((await prisma.budgetSummary.aggregate({ where: { budgetLineId: lineId }, _sum: { committed: true } }))._sum.committed);
const stepsOf = (requisitionId: number) => prisma.requisitionApproval.findMany({ where: { requisitionId }, orderBy: { id: 'asc' } });

describe('approving against the budget line', () => {
  it('an approval within what the line has left commits the total there, in a signed step', async () => {
    const line = await aMaterialsLine(5000);
    const id = await aSubmittedRequisition(line.lineId, 1200);
    const approved = await approve(sara, id);
    expect(approved.body.notice).toMatchObject({ message: 'requisitionDecided_approve', type: 'success' });
    expect(await prisma.requisition.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'APPROVED', approvedById: sara.userId });
    expect(await committedOn(line.lineId)).toBe(1200);
    const [step, ...more] = await stepsOf(id);
    expect(more).toEqual([]);
    expect(step).toMatchObject({ approverId: sara.userId, decision: 'APPROVED', overdraft: false });
    expect([Number(step!.total), Number(step!.availableBefore)]).toEqual([1200, 5000]);
    expect(step!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('beyond what is left it is refused, naming the line and the shortfall in Spanish, and nothing is written', async () => {
    const line = await aMaterialsLine(1000);
    const first = await aSubmittedRequisition(line.lineId, 700);
    expect((await approve(sara, first)).body.notice?.message).toBe('requisitionDecided_approve');
    const second = await aSubmittedRequisition(line.lineId, 1250);
    const refused = await approve(sara, second);
    expect(refused.body.notice).toMatchObject({ message: 'requisitionRefused_overBudget', type: 'error' });
    expect(refused.body.record?.errors?.state?.message).toBe(
      `La línea ${line.name} · Materiales no alcanza: dispone de 300,00 y la requisición suma 1.250,00; faltan 950,00. ` +
        'Pida a quien tenga el derecho «aprobar sobregiro» que la apruebe, o ajuste el presupuesto.',
    );
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: second } })).state).toBe('SUBMITTED');
    expect(await stepsOf(second)).toEqual([]);
    expect(await committedOn(line.lineId)).toBe(700);
  });

  it('one who holds "aprobar sobregiro" approves it anyway; the step says it was an overdraft', async () => {
    const line = await aMaterialsLine(1000);
    const id = await aSubmittedRequisition(line.lineId, 1800);
    expect((await approve(sara, id)).body.notice?.message).toBe('requisitionRefused_overBudget');
    expect((await approve(olga, id)).body.notice?.message).toBe('requisitionDecided_approve');
    expect(await committedOn(line.lineId)).toBe(1800);
    const [step] = await stepsOf(id);
    expect(step).toMatchObject({ approverId: olga.userId, decision: 'APPROVED', overdraft: true });
    expect(Number(step!.availableBefore)).toBe(1000);
  });

  it('two approvals racing for the last of a line: exactly one wins, the other is told the line falls short', async () => {
    const line = await aMaterialsLine(1000);
    const [a, b] = [await aSubmittedRequisition(line.lineId, 600), await aSubmittedRequisition(line.lineId, 600)];
    const answers = await Promise.all([approve(sara, a), approve(marta, b)]);
    expect(answers.map((answer) => answer.body.notice?.message).sort()).toEqual(['requisitionDecided_approve', 'requisitionRefused_overBudget']);
    const states = await prisma.requisition.findMany({ where: { id: { in: [a, b] } }, select: { state: true } });
    expect(states.map((s) => s.state).sort()).toEqual(['APPROVED', 'SUBMITTED']);
    expect(await committedOn(line.lineId)).toBe(600);
    expect(await prisma.requisitionApproval.count({ where: { requisitionId: { in: [a, b] } } })).toBe(1);
  });
});

describe('escalation above the approver\'s limit', () => {
  it('goes up to his direct manager, who decides it; each step signed', async () => {
    const line = await aMaterialsLine(10000);
    const id = await aSubmittedRequisition(line.lineId, 3000);
    const escalated = await approve(pablo, id);
    expect(escalated.body.notice).toMatchObject({ message: 'requisitionEscalated', type: 'success', options: { approver: 'Marta Gerente' } });
    expect(await prisma.requisition.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'SUBMITTED', awaitingApproverId: marta.userId });
    expect(await committedOn(line.lineId)).toBe(0);

    // Now it is Marta's: neither Pablo again nor Sara (whose limit would cover it) decides it.
    for (const other of [pablo, sara]) {
      const answer = await approve(other, id);
      expect(answer.body.notice?.type ?? String(answer.status)).not.toBe('success');
    }
    expect((await approve(marta, id)).body.notice?.message).toBe('requisitionDecided_approve');
    expect(await prisma.requisition.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'APPROVED', approvedById: marta.userId, awaitingApproverId: null });
    expect(await committedOn(line.lineId)).toBe(3000);
    const steps = await stepsOf(id);
    expect(steps.map((s) => [s.approverId, s.decision, s.escalatedToId])).toEqual([
      [pablo.userId, 'ESCALATED', marta.userId],
      [marta.userId, 'APPROVED', null],
    ]);
    expect(steps[0]!.sha256).not.toBe(steps[1]!.sha256);
  });

  it('the page shows whose approval it awaits, by name', async () => {
    const line = await aMaterialsLine(10000);
    const id = await aSubmittedRequisition(line.lineId, 2500);
    await approve(pablo, id);
    const shown = await marta.client.json<{ record: { populated: Record<string, { title: string } | null> } }>(`/admin/api/resources/Requisition/records/${id}/show`);
    expect(shown.body.record.populated.awaitingApprover?.title).toBe('Marta Gerente');
  });

  it('a signed step cannot be changed nor removed, even through SQL', async () => {
    const [step] = await prisma.requisitionApproval.findMany({ take: 1 });
    await expect(prisma.$executeRawUnsafe('UPDATE requisition_approvals SET total = 1 WHERE id = $1', step!.id)).rejects.toThrow(/immutable/);
    await expect(prisma.$executeRawUnsafe('DELETE FROM requisition_approvals WHERE id = $1', step!.id)).rejects.toThrow(/immutable/);
  });
});

describe('each step signed with the password', () => {
  it('the step keeps where it was signed from: the address and the browser', async () => {
    const line = await aMaterialsLine(5000);
    const id = await aSubmittedRequisition(line.lineId, 300);
    expect((await approve(sara, id, PASSWORD, 'Mozilla/5.0 (Tableta de planta)')).body.notice?.message).toBe('requisitionDecided_approve');
    const [step] = await stepsOf(id);
    expect(step).toMatchObject({ userAgent: 'Mozilla/5.0 (Tableta de planta)', ip: expect.stringMatching(/127\.0\.0\.1/) });
  });

  it('a wrong or missing password is refused beside the field, in Spanish, and nothing is signed nor approved', async () => {
    const line = await aMaterialsLine(5000);
    const id = await aSubmittedRequisition(line.lineId, 400);
    for (const password of ['no-es-mi-clave', '']) {
      const refused = await approve(marta, id, password);
      expect(refused.body.notice).toMatchObject({ message: 'requisitionRefused_wrongPassword', type: 'error' });
      expect(refused.body.record?.errors?.password?.message).toBe('Contraseña incorrecta. No se registró ningún paso: escriba la contraseña con la que inicia sesión.');
    }
    expect(await prisma.requisition.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'SUBMITTED', approvedById: null });
    expect(await stepsOf(id)).toEqual([]);
    expect(await committedOn(line.lineId)).toBe(0);
    // The right password signs it.
    expect((await approve(marta, id)).body.notice?.message).toBe('requisitionDecided_approve');
  });

  it('rejecting is signed too', async () => {
    const line = await aMaterialsLine(5000);
    const id = await aSubmittedRequisition(line.lineId, 500);
    const reject = (password: string) =>
      sara.client.json<ActionBody>(`/admin/api/resources/Requisition/records/${id}/reject`, { method: 'POST', body: signed(password) });
    expect((await reject('otra-clave')).body.notice?.message).toBe('requisitionRefused_wrongPassword');
    expect((await reject(PASSWORD)).body.notice?.message).toBe('requisitionDecided_reject');
    expect((await stepsOf(id)).map((s) => s.decision)).toEqual(['REJECTED']);
  });
});

describe('the overdraft tolerance and the warning before deciding', () => {
  type FormBody = { form: { decision: string; signed: boolean; check: { verdict: string; mayOverdraw: boolean; figures: Record<string, string> | null } } };
  const formOf = (who: Person, id: number, action = 'approve') => who.client.json<FormBody>(`/admin/api/resources/Requisition/records/${id}/${action}`);
  const setTolerance = async (percent: string) => {
    const admin = new HttpClient(office.url);
    await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const body = new FormData();
    body.set('overdraftTolerancePercent', percent);
    return admin.json<ActionBody>('/admin/api/resources/BudgetSetting/records/1/edit', { method: 'POST', body });
  };

  it('the forms show what the line has left, what is asked and what would be left, and warn in words', async () => {
    const line = await aMaterialsLine(1000);
    const fits = await aSubmittedRequisition(line.lineId, 400);
    const over = await aSubmittedRequisition(line.lineId, 1250);
    const shown = await formOf(sara, fits);
    expect(shown.body.form).toEqual({
      decision: 'approve',
      signed: true,
      check: { number: expect.stringMatching(/^REQ-/), title: 'Rodamientos', verdict: 'fits', mayOverdraw: false, figures: expect.objectContaining({ line: `${line.name} · Materiales`, available: '1.000,00', requested: '400,00', after: '600,00' }) },
    });
    expect((await formOf(sara, over)).body.form.check).toMatchObject({ verdict: 'needsRight', mayOverdraw: false, figures: { available: '1.000,00', requested: '1.250,00', after: '-250,00', shortfall: '250,00', tolerance: '0,00', tolerated: '0,00' } });
    expect((await formOf(olga, over)).body.form.check).toMatchObject({ verdict: 'needsRight', mayOverdraw: true });
    // Reading the form decides nothing; a POST without the CSRF token is refused, with the right password.
    const noToken = await sara.client.request(`/admin/api/resources/Requisition/records/${fits}/approve`, { method: 'POST', body: signed(PASSWORD), csrf: false });
    expect(noToken.status).toBe(403);
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: fits } })).state).toBe('SUBMITTED');
    expect(await stepsOf(fits)).toEqual([]);
    // Before submitting, the requester sees the same figures (no password asked).
    const draft = await prisma.requisition.create({ data: { title: 'Sellos', requestedById: requester.userId, budgetLineId: line.lineId, items: { create: { description: 'Sello', quantity: 1, unit: 'u', unitPrice: 1100 } } } });
    expect((await formOf(requester, draft.id, 'submit')).body.form).toMatchObject({ decision: 'submit', signed: false, check: { verdict: 'needsRight', figures: { after: '-100,00' } } });
  });

  it('an administrator sets a tolerance: within it anyone approves (the step says overdraft), beyond it the right is needed', async () => {
    expect((await setTolerance('10')).body.notice?.type).toBe('success');
    try {
      const line = await aMaterialsLine(1000);
      // 1 080 of 1 000: 80 over, within 10 % of the line's budget (100).
      const within = await aSubmittedRequisition(line.lineId, 1080);
      expect((await formOf(sara, within)).body.form.check).toMatchObject({ verdict: 'tolerated', figures: { shortfall: '80,00', tolerance: '10,00', tolerated: '100,00' } });
      expect((await approve(sara, within)).body.notice?.message).toBe('requisitionDecided_approve');
      expect((await stepsOf(within))[0]).toMatchObject({ decision: 'APPROVED', overdraft: true });
      // The line is now 80 over: another 50 would leave it 130 over, beyond the 100 tolerated.
      const beyond = await aSubmittedRequisition(line.lineId, 50);
      const refused = await approve(sara, beyond);
      expect(refused.body.notice?.message).toBe('requisitionRefused_overTolerance');
      expect(refused.body.record?.errors?.state?.message).toBe(
        `La línea ${line.name} · Materiales no alcanza: dispone de -80,00 y la requisición suma 50,00; faltan 50,00, más que la tolerancia de sobregiro (10,00 % del presupuesto: 100,00). ` +
          'Pida a quien tenga el derecho «aprobar sobregiro» que la apruebe, o ajuste el presupuesto.',
      );
      expect((await prisma.requisition.findUniqueOrThrow({ where: { id: beyond } })).state).toBe('SUBMITTED');
      expect((await approve(olga, beyond)).body.notice?.message).toBe('requisitionDecided_approve');
    } finally {
      expect((await setTolerance('0')).body.notice?.type).toBe('success');
    }
  });

  it('only administrators change the tolerance; supervisors read it; a value outside 0 to 100 is refused and changes nothing', async () => {
    const body = new FormData();
    body.set('overdraftTolerancePercent', '50');
    expect((await sara.client.request('/admin/api/resources/BudgetSetting/records/1/edit', { method: 'POST', body })).status).toBe(403);
    expect((await sara.client.request('/admin/api/resources/BudgetSetting/records/1/show')).status).toBe(200);
    const refused = await setTolerance('150');
    expect(refused.body.notice?.type).toBe('error');
    expect(refused.body.record?.errors?.overdraftTolerancePercent?.message).toBe('La tolerancia de sobregiro es un porcentaje entre 0 y 100.');
    expect(Number((await prisma.budgetSetting.findUniqueOrThrow({ where: { id: 1 } })).overdraftTolerancePercent)).toBe(0);
    // The change of the tolerance is in the history.
    expect(await prisma.changeHistory.count({ where: { tableName: 'budget_settings' } })).toBeGreaterThanOrEqual(2);
  });
});
