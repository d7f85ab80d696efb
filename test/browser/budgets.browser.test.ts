// The budgets journey in a real Chromium, asserting what each person sees in Spanish: a supervisor asks for
// parts charged to a budget line and, before sending the requisition, is warned that it exceeds what the
// line has left; an approver without the overdraft right signs with a wrong password (refused beside the
// field), then with hers, and is told the line falls short and by how much; one with "aprobar sobregiro"
// is told she may approve it as an overdraft and signs it; the budget's page shows the commitment and
// says the line is overspent, in words; its bar of this month opens the requisition behind it. Then the
// storeroom clerk receives part of it (issue 20): more than was ordered is refused beside the line, one
// bearing of two is received, and the budget's page shows it spent and no longer committed.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const started = browserAndBackOffice();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
const clickAction = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true }).or(page.getByRole('link', { name: label, exact: true })).first().click();
const YEAR = new Date().getUTCFullYear();

let rita: Person; // asks for the parts
let sara: Person; // approves up to 5 000, no overdraft right
let olga: Person; // approves up to 5 000, her other group holds "aprobar sobregiro"
let berta: Person; // storeroom clerk: her group holds "gestionar almacén" (and reads the budgets)
let budgetId: number;

beforeAll(async () => {
  const office = started.office();
  const prisma = office.database.prisma;
  rita = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Rita Planificadora');
  sara = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Aprobadora');
  await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canApproveOverdraft: true } });
  olga = await aPerson(prisma, office.url, ['SUPERVISORS', 'CONSULTANTS'], 'Olga Controladora');
  await prisma.group.update({ where: { code: 'OPERATORS' }, data: { canManageStore: true } });
  berta = await aPerson(prisma, office.url, ['OPERATORS', 'CONSULTANTS'], 'Berta Bodeguera');
  for (const person of [sara, olga]) await prisma.userProfile.update({ where: { userId: person.userId }, data: { canApproveRequisitions: true, approvalLimit: 5000 } });
  const plant = await make.aLocation(prisma, { name: 'Planta Norte', code: 'PN' });
  const budget = await prisma.budget.create({
    data: { code: `PN-${YEAR}`, name: `Planta Norte ${YEAR}`, year: YEAR, locationId: plant.id, lines: { create: { account: 'MATERIALS', description: 'Repuestos mecánicos' } } },
    include: { lines: true },
  });
  budgetId = budget.id;
  await prisma.budgetLineMonth.create({ data: { budgetLineId: budget.lines[0]!.id, month: 1, originalAmount: 1000, currentAmount: 1000 } });
});

describe('a requisition against its budget, in a real browser', () => {
  it('is sent, refused over budget, approved with the overdraft right, and committed on the budget page', async () => {
    const office = started.office();
    const prisma = office.database.prisma;

    // Rita asks for two bearings charged to the spare-parts line, and sends the requisition.
    const asRita = await started.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await asRita.newPage();
    await signInThroughForm(page, office.url, rita.email, PASSWORD);
    await page.goto(`${office.url}/admin/resources/Requisition/actions/new`);
    await page.locator('input[name=title]').waitFor({ timeout: 20_000 });
    await page.locator('input[name=title]').fill('Rodamientos para la bomba de alimentación');
    await page.locator('#budgetLine').fill('materiales norte');
    await page.getByText(`PN-${YEAR} · Repuestos mecánicos`).click();
    await page.locator('form:not([role=search]) button[type=submit]').click();
    await expect.poll(() => prisma.requisition.count({ where: { title: 'Rodamientos para la bomba de alimentación' } }), { timeout: 20_000 }).toBe(1);
    const requisition = await prisma.requisition.findFirstOrThrow({ where: { title: 'Rodamientos para la bomba de alimentación' } });
    expect(requisition).toMatchObject({ requestedById: rita.userId, budgetLineId: expect.any(Number), state: 'DRAFT' });

    await page.goto(`${office.url}/admin/resources/RequisitionItem/actions/new`);
    await page.locator('#requisition').waitFor({ timeout: 20_000 });
    await page.locator('#requisition').fill('rodamientos bomba');
    await page.getByText(`${requisition.number} · Rodamientos para la bomba de alimentación`).click();
    await page.locator('input[name=description]').fill('Rodamiento SKF 6310');
    await page.locator('input[name=quantity]').fill('2');
    await page.locator('input[name=unit]').fill('u');
    await page.locator('input[name=unitPrice]').fill('750');
    await page.locator('form:not([role=search]) button[type=submit]').click();
    await expect.poll(async () => Number((await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).total), { timeout: 20_000 }).toBe(1500);

    await page.goto(`${office.url}/admin/resources/Requisition/records/${requisition.id}/show`);
    await clickAction(page, 'Enviar');
    // Before sending: the line's figures and a warning in words (no password: sending is no approval).
    const warning = page.getByTestId('requisition-budget-warning');
    await warning.waitFor({ timeout: 20_000 });
    expect(await warning.innerText()).toContain('Atención: la requisición excede lo disponible en 500,00, más de lo que tolera el presupuesto (0,00).');
    const lineFigures = (await page.getByTestId('requisition-line-figures').innerText()).split(/\t|\n/).map((cell) => cell.trim()).filter(Boolean);
    expect(lineFigures).toEqual(['Línea de presupuesto', `Planta Norte ${YEAR} · Repuestos mecánicos`, 'Disponible', '1.000,00', 'Solicitado', '1.500,00', 'Quedaría', '-500,00']);
    expect(await page.locator('#requisition-password').count()).toBe(0);
    await shot(page, 'budgets-requisition-overspend-warning');
    await page.getByTestId('submit-requisition-decision').click();
    await page.getByText('Requisición enviada para aprobación.').waitFor({ timeout: 20_000 });
    await shot(page, 'budgets-requisition-sent');
    await asRita.close();

    // Sara may approve 1 500, but the line has 1 000 left: she is told which line and what is missing.
    const asSara = await started.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const saraPage = await asSara.newPage();
    await signInThroughForm(saraPage, office.url, sara.email, PASSWORD);
    await saraPage.goto(`${office.url}/admin/resources/Requisition/records/${requisition.id}/show`);
    await clickAction(saraPage, 'Aprobar');
    await saraPage.getByTestId('requisition-budget-warning').waitFor({ timeout: 20_000 });
    // The step is signed with her password: a wrong one is refused beside the field, nothing recorded.
    await saraPage.locator('#requisition-password').fill('no-es-mi-clave');
    await saraPage.getByTestId('submit-requisition-decision').click();
    await saraPage.getByTestId('error-password').getByText('Contraseña incorrecta. No se registró ningún paso: escriba la contraseña con la que inicia sesión.').waitFor({ timeout: 20_000 });
    expect(await prisma.requisitionApproval.count({ where: { requisitionId: requisition.id } })).toBe(0);
    await saraPage.locator('#requisition-password').fill(PASSWORD);
    await saraPage.getByTestId('submit-requisition-decision').click();
    const refusal =
      `La línea Planta Norte ${YEAR} · Repuestos mecánicos no alcanza: dispone de 1.000,00 y la requisición suma 1.500,00; faltan 500,00. ` +
      'Pida a quien tenga el derecho «aprobar sobregiro» que la apruebe, o ajuste el presupuesto.';
    await saraPage.getByText(refusal).first().waitFor({ timeout: 20_000 });
    await shot(saraPage, 'budgets-approval-refused-over-budget');
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).state).toBe('SUBMITTED');
    await asSara.close();

    // Olga holds "aprobar sobregiro": she approves it, and the page keeps her signed step.
    const asOlga = await started.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const olgaPage = await asOlga.newPage();
    await signInThroughForm(olgaPage, office.url, olga.email, PASSWORD);
    await olgaPage.goto(`${office.url}/admin/resources/Requisition/records/${requisition.id}/show`);
    await clickAction(olgaPage, 'Aprobar');
    const held = olgaPage.getByTestId('requisition-budget-warning');
    await held.waitFor({ timeout: 20_000 });
    expect(await held.innerText()).toContain('Usted tiene el derecho «aprobar sobregiro»: si la aprueba, queda registrada como sobregiro.');
    await olgaPage.locator('#requisition-password').fill(PASSWORD);
    await shot(olgaPage, 'budgets-approval-signed-with-password');
    await olgaPage.getByRole('button', { name: 'Firmar y aprobar' }).click();
    await olgaPage.getByText('Requisición aprobada.').waitFor({ timeout: 20_000 });
    expect(await prisma.requisitionApproval.findFirstOrThrow({ where: { requisitionId: requisition.id } })).toMatchObject({ approverId: olga.userId, overdraft: true, userAgent: expect.stringContaining('Chrome') });
    await olgaPage.reload();
    await olgaPage.getByText('Pasos de aprobación firmados').first().waitFor({ timeout: 20_000 });
    const shown = await olgaPage.locator('body').innerText();
    expect(shown).toContain('Aprobada');
    expect(shown).toContain('Olga Controladora');
    await shot(olgaPage, 'budgets-requisition-approved-with-overdraft');

    // The budget's page: 1 500 committed on the line, 500 overspent, said in words.
    await olgaPage.goto(`${office.url}/admin/resources/Budget/records/${budgetId}/show`);
    const figures = olgaPage.getByTestId('budget-line-MATERIALS');
    await figures.waitFor({ timeout: 20_000 });
    const text = await figures.innerText();
    expect(text).toContain('Materiales · Repuestos mecánicos — Sobregiro de 500,00');
    const year = await figures.locator('tr', { hasText: 'Total del año' }).innerText();
    expect(year.split(/\t|\n/).map((cell) => cell.trim()).filter(Boolean)).toEqual(['Total del año', '1.000,00', '1.500,00', '0,00', '-500,00', '150,0 %', 'Sobregiro de 500,00']);
    await olgaPage.getByText(`Ejecución del presupuesto ${YEAR}`).waitFor();
    // The year reads as a year on the page, never as an amount ("2.026").
    expect(await olgaPage.locator('section, main, body').first().innerText()).not.toContain(String(YEAR).replace(/^(\d)/, '$1.'));
    await shot(olgaPage, 'budgets-budget-page-commitment');
    // The monthly bars: this month's bar opens what lies behind it, the requisition committed in it.
    const thisMonth = new Date().getUTCMonth() + 1;
    const bar = olgaPage.getByTestId(`budget-chart-month-${thisMonth}`);
    expect(await bar.getAttribute('aria-label')).toContain('comprometido 1.500,00');
    await bar.click();
    const entries = olgaPage.getByTestId('budget-month-requisitions');
    await entries.waitFor({ timeout: 20_000 });
    expect(await entries.innerText()).toContain(`${requisition.number} · Rodamientos para la bomba de alimentación`);
    await shot(olgaPage, 'budgets-budget-month-drill-down');
    await entries.getByRole('link', { name: `${requisition.number} · Rodamientos para la bomba de alimentación` }).click();
    await olgaPage.waitForURL(`**/admin/resources/Requisition/records/${requisition.id}/show`, { timeout: 20_000 });
    await asOlga.close();

    // Berta, of the storeroom, receives what came: first more than was ordered (refused beside the line),
    // then one bearing of the two, with the vendor's delivery note.
    const asBerta = await started.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const bertaPage = await asBerta.newPage();
    await signInThroughForm(bertaPage, office.url, berta.email, PASSWORD);
    await bertaPage.goto(`${office.url}/admin/resources/Requisition/records/${requisition.id}/show`);
    await clickAction(bertaPage, 'Recibir');
    const firstLine = bertaPage.getByTestId('receipt-line-1');
    await firstLine.waitFor({ timeout: 20_000 });
    const cells = (await firstLine.innerText()).split(/\t|\n/).map((cell) => cell.trim()).filter(Boolean);
    expect(cells).toEqual(['1', 'Rodamiento SKF 6310', '2 u', '0 u', '2 u', 'Cargo directo al presupuesto']);
    expect(await bertaPage.getByTestId('requisition-receipt-form').innerText()).toContain(`Las compras directas se cargan al presupuesto al recibirlas, en la línea Planta Norte ${YEAR} · Repuestos mecánicos`);
    const item = await prisma.requisitionItem.findFirstOrThrow({ where: { requisitionId: requisition.id } });
    await bertaPage.locator('#receipt-quantity-1').fill('3');
    await bertaPage.getByTestId('submit-receipt').click();
    await bertaPage.getByTestId(`error-quantity_${item.id}`).getByText('Línea 1, Rodamiento SKF 6310: se pidieron 2 u y ya se recibieron 0; puede recibir como mucho 2 u más, no 3.').waitFor({ timeout: 20_000 });
    expect(await prisma.goodsReceipt.count({ where: { requisitionId: requisition.id } })).toBe(0);
    await shot(bertaPage, 'budgets-receipt-refused-over-ordered');
    await bertaPage.locator('#receipt-quantity-1').fill('1');
    await bertaPage.locator('#receipt-deliveryNote').fill('NE-4471');
    await bertaPage.getByTestId('submit-receipt').click();
    await bertaPage.getByText('Recepción registrada: la requisición queda recibida parcialmente.').waitFor({ timeout: 20_000 });
    await bertaPage.reload();
    // The receipts' list loads after the page: the delivery note appears in it.
    await bertaPage.getByText('NE-4471').first().waitFor({ timeout: 20_000 });
    const received = await bertaPage.locator('body').innerText();
    expect(received).toContain('Recibida parcialmente');
    expect(received).toContain('NE-4471');
    expect(received).toContain('Berta Bodeguera');
    await shot(bertaPage, 'budgets-requisition-partially-received');

    // The budget's page: 750 spent (the bearing received), 750 still committed (the one to come).
    await bertaPage.goto(`${office.url}/admin/resources/Budget/records/${budgetId}/show`);
    const afterReceipt = bertaPage.getByTestId('budget-line-MATERIALS');
    await afterReceipt.waitFor({ timeout: 20_000 });
    const yearAfter = await afterReceipt.locator('tr', { hasText: 'Total del año' }).innerText();
    expect(yearAfter.split(/\t|\n/).map((cell) => cell.trim()).filter(Boolean)).toEqual(['Total del año', '1.000,00', '750,00', '750,00', '-500,00', '150,0 %', 'Sobregiro de 500,00']);
    expect(await bertaPage.getByTestId(`budget-chart-month-${thisMonth}`).getAttribute('aria-label')).toContain('comprometido 750,00, real 750,00');
    await shot(bertaPage, 'budgets-budget-page-actual-after-receipt');
    await asBerta.close();
  }, 360_000); // a browser journey of four people on a shared two-core machine
});
