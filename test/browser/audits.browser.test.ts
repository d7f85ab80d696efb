// Incidents, corrective actions and audits (issue 23) in a real Chromium, asserting what each person sees
// in Spanish: the safety officer records a lost-time injury through the form, reads its number, raises a
// corrective action for a technician; the technician, on his phone, starts it and marks it done; the
// officer verifies its effectiveness. Then an audit: closing it is refused while a finding's action is
// pending, the refusal naming the action and its owner; once verified, the audit closes. The monthly
// figures page shows the incident's month with its rates.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';
import { plantDay as inDays } from '../support/plant-days.js';

const started = browserAndBackOffice();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
const clickAction = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true }).or(page.getByRole('link', { name: label, exact: true })).first().click();
const submitForm = (page: Page) => page.locator('form:not([role=search]) button[type=submit]').click();

let officer: Person;
let technician: Person;
let site: { id: number; name: string };

beforeAll(async () => {
  const office = started.office();
  const prisma = office.database.prisma;
  await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canManageSafety: true } });
  officer = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Olga Oficial de Seguridad');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  site = await make.aLocation(prisma, { name: 'Central Norte', code: 'CN' });
});

describe('an incident and its corrective action, in a real browser', () => {
  it('recorded by the officer, raised for the technician, done from his phone, verified by the officer', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const desk = await started.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await desk.newPage();
    await signInThroughForm(page, office.url, officer.email, PASSWORD);

    // The officer records a lost-time injury through the incident form.
    await page.goto(`${office.url}/admin/resources/SafetyIncident/actions/new`);
    await page.locator('textarea[name=description]').waitFor({ timeout: 20_000 });
    const inputBeside = (label: string) => page.getByText(label, { exact: true }).locator('xpath=..').locator('input').first();
    await inputBeside('Tipo').fill('tiempo perdido');
    await page.getByText('Lesión con tiempo perdido', { exact: true }).click();
    await page.locator('#location').fill('Central Norte');
    await page.getByText('Central Norte', { exact: true }).last().click();
    await inputBeside('Ocurrió el').fill(`${inDays(0)} 08:30`);
    await inputBeside('Ocurrió el').press('Tab');
    await page.locator('textarea[name=peopleInvolved]').fill('Luis Ayudante (contratista)');
    await page.locator('textarea[name=description]').fill('Golpe en la mano al retirar la tapa del motor');
    await page.locator('textarea[name=immediateActions]').fill('Primeros auxilios y traslado a la clínica');
    await page.locator('textarea[name=causes]').fill('Herramienta inadecuada para tapas pesadas');
    await page.locator('input[name=daysLost]').fill('3');
    await shot(page, 'audits-officer-records-incident');
    await submitForm(page);
    await expect.poll(() => prisma.safetyIncident.count({ where: { description: 'Golpe en la mano al retirar la tapa del motor' } }), { timeout: 20_000 }).toBe(1);
    const incident = await prisma.safetyIncident.findFirstOrThrow({ where: { description: 'Golpe en la mano al retirar la tapa del motor' } });
    expect(incident).toMatchObject({ kind: 'LOST_TIME', locationId: site.id, daysLost: 3, reportedById: officer.userId });
    // Its page names it by number, kind and place, in Spanish.
    await page.goto(`${office.url}/admin/resources/SafetyIncident/records/${incident.id}/show`);
    await page.getByText(incident.number).first().waitFor({ timeout: 20_000 });
    const shown = await page.locator('body').innerText();
    expect(shown).toContain('Lesión con tiempo perdido');
    expect(shown).toContain('Central Norte');
    expect(shown).toContain('Olga Oficial de Seguridad');

    // He raises a corrective action for the technician; a due date in the past is told beside the field.
    await clickAction(page, 'Registrar acción correctiva');
    const raise = page.getByTestId('permit-action-form');
    await raise.locator('textarea[name=description]').waitFor({ timeout: 20_000 });
    await raise.locator('textarea[name=description]').fill('Dotar al taller de un extractor de tapas');
    await raise.locator('select[name=owner]').selectOption({ label: 'Tomás Técnico' });
    await raise.locator('input[name=dueOn]').fill(inDays(-1));
    await page.getByTestId('submit-permit-action').click();
    await raise.getByText('La fecha límite no puede ser anterior a hoy.').waitFor({ timeout: 20_000 });
    expect(await prisma.correctiveAction.count({ where: { incidentId: incident.id } })).toBe(0);
    await raise.locator('input[name=dueOn]').fill(inDays(7));
    await page.getByTestId('submit-permit-action').click();
    await page.getByText('Acción correctiva registrada.').waitFor({ timeout: 20_000 });
    const action = await prisma.correctiveAction.findFirstOrThrow({ where: { incidentId: incident.id } });
    expect(action).toMatchObject({ state: 'OPEN', ownerId: technician.userId, raisedById: officer.userId });
    await page.getByText(action.number).first().waitFor({ timeout: 20_000 });
    expect(await page.locator('body').innerText()).toContain('Abierta');
    await shot(page, 'audits-action-raised');

    // The technician, on his phone: starts it, then marks it done saying what he did.
    const phone = await started.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const tech = await phone.newPage();
    await signInThroughForm(tech, office.url, technician.email, PASSWORD);
    const actionUrl = `${office.url}/admin/resources/CorrectiveAction/records/${action.id}/show`;
    await tech.goto(actionUrl);
    await tech.getByText('Dotar al taller de un extractor de tapas').first().waitFor({ timeout: 20_000 });
    // Verifying is not his: he is not offered the button.
    expect(await tech.getByRole('button', { name: 'Verificar eficacia' }).count()).toBe(0);
    await clickAction(tech, 'Iniciar acción');
    await tech.getByRole('button', { name: 'Confirmar' }).click();
    await tech.getByText('Acción iniciada.').waitFor({ timeout: 20_000 });
    await clickAction(tech, 'Marcar como hecha');
    const done = tech.getByTestId('permit-action-form');
    await done.locator('textarea[name=note]').waitFor({ timeout: 20_000 });
    await done.locator('textarea[name=note]').fill('Extractor comprado e instalado junto al banco de motores');
    await tech.getByTestId('submit-permit-action').click();
    await tech.getByText('Acción marcada como hecha: queda por verificar su eficacia.').waitFor({ timeout: 20_000 });
    expect(await tech.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(tech, 'audits-technician-marks-done');
    await phone.close();

    // The officer verifies its effectiveness; the page shows it verified, by him.
    await page.goto(actionUrl);
    await clickAction(page, 'Verificar eficacia');
    const verify = page.getByTestId('permit-action-form');
    await verify.locator('textarea[name=note]').waitFor({ timeout: 20_000 });
    await verify.locator('textarea[name=note]').fill('Inspección del taller: el extractor se usa en cada cambio de tapa');
    await page.getByTestId('submit-permit-action').click();
    await page.getByText('Eficacia verificada.').waitFor({ timeout: 20_000 });
    await page.goto(actionUrl);
    await page.getByText('Inspección del taller: el extractor se usa en cada cambio de tapa').waitFor({ timeout: 20_000 });
    const verified = await page.locator('body').innerText();
    expect(verified).toContain('Verificada');
    expect(verified).toContain('Extractor comprado e instalado junto al banco de motores');
    await shot(page, 'audits-action-verified');
    expect(await prisma.correctiveAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ state: 'VERIFIED', verifiedById: officer.userId });

    // The monthly figures: this month's injury with its days, rated against the hours entered.
    const [year, month] = inDays(0).split('-').map(Number) as [number, number]; // the plant's month, in which the injury happened
    await prisma.safetyHoursWorked.create({ data: { locationId: site.id, year, month, hours: 120000 } });
    await page.goto(`${office.url}/admin/resources/SafetyIncident/actions/incidentRates?year=${year}&site=${site.id}`);
    const monthRow = page.getByTestId(`rates-month-${month}`);
    await monthRow.waitFor({ timeout: 20_000 });
    // 1 × 1 000 000 / 120 000 = 8,33; 3 × 1 000 / 120 000 = 0,03 (written the Spanish way).
    expect(await page.getByTestId(`rates-month-${month}-frequency`).innerText()).toBe('8,33');
    expect(await page.getByTestId(`rates-month-${month}-severity`).innerText()).toBe('0,03');
    expect(await page.locator('body').innerText()).toContain('Índice de frecuencia = lesiones con tiempo perdido × 1 000 000 / horas trabajadas');
    await shot(page, 'audits-monthly-figures');
    await desk.close();
  }, 360_000);
});

describe('closing an audit, in a real browser', () => {
  it('refused while a finding has an action not verified, naming it and its owner; closed once it is verified', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const audit = await prisma.audit.create({ data: { title: 'Auditoría interna ISO 45001', kind: 'INTERNAL', scope: 'Taller de motores', locationId: site.id, startsOn: new Date(`${inDays(-2)}T00:00:00Z`), endsOn: new Date(`${inDays(-1)}T00:00:00Z`), auditor: 'Olga Oficial de Seguridad', state: 'IN_PROGRESS' } });
    const finding = await prisma.auditFinding.create({ data: { auditId: audit.id, title: 'Guarda de acoplamiento faltante', severity: 'MAJOR', requirement: 'ISO 45001 8.1.2', description: 'Bomba B-3 sin guarda' } });
    const action = await prisma.correctiveAction.create({ data: { description: 'Fabricar e instalar la guarda de la bomba B-3', findingId: finding.id, ownerId: technician.userId, raisedById: officer.userId, dueOn: new Date(`${inDays(5)}T00:00:00Z`), state: 'DONE', doneNote: 'Guarda instalada', doneAt: new Date() } });

    const desk = await started.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await desk.newPage();
    await signInThroughForm(page, office.url, officer.email, PASSWORD);
    const auditUrl = `${office.url}/admin/resources/Audit/records/${audit.id}/show`;
    await page.goto(auditUrl);
    await page.getByText('Guarda de acoplamiento faltante').first().waitFor({ timeout: 20_000 });
    await clickAction(page, 'Cerrar auditoría');
    await page.getByRole('button', { name: 'Confirmar' }).click();
    const refusal = `La auditoría no puede cerrarse: 1 acción(es) de sus hallazgos sin verificar: ${action.number} (Tomás Técnico).`;
    await page.getByText(refusal, { exact: false }).first().waitFor({ timeout: 20_000 });
    await shot(page, 'audits-close-refused');
    expect((await prisma.audit.findUniqueOrThrow({ where: { id: audit.id } })).state).toBe('IN_PROGRESS');

    // The officer verifies the action, then the audit closes.
    await page.goto(`${office.url}/admin/resources/CorrectiveAction/records/${action.id}/show`);
    await clickAction(page, 'Verificar eficacia');
    const verify = page.getByTestId('permit-action-form');
    await verify.locator('textarea[name=note]').waitFor({ timeout: 20_000 });
    await verify.locator('textarea[name=note]').fill('Guarda revisada en sitio, fijada y señalizada');
    await page.getByTestId('submit-permit-action').click();
    await page.getByText('Eficacia verificada.').waitFor({ timeout: 20_000 });
    await page.goto(auditUrl);
    await clickAction(page, 'Cerrar auditoría');
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByText('Auditoría cerrada.').waitFor({ timeout: 20_000 });
    await page.goto(auditUrl);
    await page.getByText('Cerrada', { exact: true }).first().waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Cerrar auditoría' }).count()).toBe(0);
    await shot(page, 'audits-closed');
    expect(await prisma.audit.findUniqueOrThrow({ where: { id: audit.id } })).toMatchObject({ state: 'CLOSED', closedById: officer.userId });
    await desk.close();
  }, 240_000);
});
