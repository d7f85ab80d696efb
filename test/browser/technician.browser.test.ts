import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../domain/dates.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import { A_PNG } from '../support/documents.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const started = browserAndBackOffice();
let technician: Person;
beforeAll(async () => {
  const prisma = started.office().database.prisma;
  const office = started.office();
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  const colleague = await prisma.technician.create({ data: { userId: (await make.aUser(prisma, 'Colega')).id, craft: 'Electricista' } });
  const asset = await make.anAsset(prisma, { description: 'Bomba de condensado' });
  const order = (technicianId: number, description: string) =>
    prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId, state: 'ASSIGNED', plannedOn: new Date('2026-11-23'), description } });
  await order(technician.technicianId!, 'Cambiar rodamiento de la bomba');
  await order(colleague.id, 'Revisar tablero del colega');
});

describe('a technician in a real browser', () => {
  it('sees only the navigation his group allows and only his own orders', async () => {
    const office = started.office();
    const browser = started.browser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signInThroughForm(page, office.url, technician.email, PASSWORD);

    const navigation = await page.locator('section[data-css="sidebar"], nav').first().innerText();
    expect(navigation).toContain('Mantenimiento');
    expect(navigation).not.toContain('Administración');

    await page.goto(`${office.url}/admin/resources/WorkOrder`);
    await page.getByText('Cambiar rodamiento de la bomba').waitFor({ timeout: 15_000 });
    expect(await page.locator('body').innerText()).not.toContain('Revisar tablero del colega');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'technician-work-orders.png'), fullPage: true });

    // He starts his order from its page, and the page shows it in progress.
    const mine = await office.database.prisma.workOrder.findFirstOrThrow({ where: { technicianId: technician.technicianId } });
    await page.goto(`${office.url}/admin/resources/WorkOrder/records/${mine.id}/show`);
    await page.getByRole('button', { name: 'Iniciar' }).or(page.getByRole('link', { name: 'Iniciar' })).first().click();
    await page.getByText('Orden iniciada.').waitFor({ timeout: 15_000 });
    await page.getByText('En ejecución').first().waitFor({ timeout: 15_000 });
    expect((await office.database.prisma.workOrder.findUniqueOrThrow({ where: { id: mine.id } })).state).toBe('IN_PROGRESS');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'technician-started-order.png'), fullPage: true });

    // Typing the address of a forbidden list does not show it either.
    const users = await page.request.get(`${office.url}/admin/api/resources/User/actions/list`);
    expect(users.status()).toBe(403);
    await page.close();
  });
});

describe('a technician works his day on a phone (390×844)', () => {
  it('lands on "Mis órdenes de hoy", starts an order and completes it with hours, the failure and a material', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const today = todayIn(office.config.timeZone);
    const location = await make.aLocation(prisma, { name: 'Casa de máquinas 2' });
    const asset = await make.anAsset(prisma, { locationId: location.id, description: 'Compresor de refrigeración', code: 'CMP-201' });
    const order = await prisma.workOrder.create({
      data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId: technician.technicianId, state: 'ASSIGNED', priority: 'URGENT', plannedOn: today, description: 'Reparar fuga de aceite del compresor' },
    });
    const leak = await prisma.failureCode.create({ data: { code: 'FUGA-ACE', name: 'Fuga de aceite', kind: 'PROBLEM' } });
    const seal = await prisma.failureCode.create({ data: { code: 'RETEN', name: 'Retén gastado', kind: 'CAUSE', parentId: leak.id } });
    await prisma.failureCode.create({ data: { code: 'CAMBIO-RETEN', name: 'Cambio de retén', kind: 'REMEDY', parentId: seal.id } });

    const phone = await started.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await signInThroughForm(page, office.url, technician.email, PASSWORD);

    // His day: cards with the number, what to do, the asset and where it is, by name; Spanish values and dates.
    await page.getByText('Mis órdenes de hoy').waitFor({ timeout: 15_000 });
    const card = page.getByTestId('my-day-card').filter({ hasText: 'Reparar fuga de aceite del compresor' });
    await card.waitFor({ timeout: 15_000 });
    const text = await card.innerText();
    const plannedOn = today.toLocaleDateString('es', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    for (const seen of [order.number, 'CMP-201 · Compresor de refrigeración', 'Casa de máquinas 2', 'Urgente', 'Asignada', `Planificada: ${plannedOn}`, 'Correctiva'])
      expect(text).toContain(seen);
    expect(text).not.toMatch(/\b(URGENT|ASSIGNED|CORRECTIVE)\b/);
    const day = await page.getByTestId('my-day').innerText();
    expect(day).not.toContain('Revisar tablero del colega');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'technician-phone-my-day.png'), fullPage: true });

    // He starts it from its card: the card now says it is in progress and offers to complete it.
    await card.getByRole('button', { name: 'Iniciar' }).click();
    await card.getByText('En ejecución').waitFor({ timeout: 15_000 });
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('IN_PROGRESS');
    await page.getByText('Orden iniciada.').waitFor({ timeout: 15_000 });
    // With the notice shown, the page still fits the phone's width (no sideways scrolling).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'technician-phone-started.png'), fullPage: true });

    // Completing asks for his report; without the failure it is refused beside the field.
    await card.getByRole('button', { name: 'Completar' }).click();
    const form = page.getByTestId('work-order-complete');
    await form.locator('input[name=laborHours]').waitFor({ timeout: 15_000 });
    await form.locator('input[name=laborHours]').fill('1,5');
    await page.getByTestId('submit-work-order-form').click();
    await form.getByTestId('error-problemId').waitFor({ timeout: 15_000 });
    expect(await form.getByTestId('error-problemId').innerText()).toMatch(/^Problema: /);
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('IN_PROGRESS');

    await form.locator('select[name=problemId]').selectOption({ label: 'FUGA-ACE · Fuga de aceite' });
    await form.locator('select[name=causeId]').selectOption({ label: 'RETEN · Retén gastado' });
    await form.locator('select[name=remedyId]').selectOption({ label: 'CAMBIO-RETEN · Cambio de retén' });
    await page.getByTestId('add-material').click();
    await form.locator('input[name=material-0-description]').fill('Retén 40×62');
    await form.locator('input[name=material-0-quantity]').fill('1');
    await form.locator('input[name=material-0-unit]').fill('pza');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'technician-phone-complete-form.png'), fullPage: true });
    await page.getByTestId('submit-work-order-form').click();
    await page.getByText('Orden completada.').waitFor({ timeout: 15_000 });
    await page.getByText('Completada').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'technician-phone-completed.png'), fullPage: true });

    const completion = await prisma.workOrderCompletion.findUniqueOrThrow({ where: { workOrderId: order.id } });
    expect([Number(completion.laborHours), completion.problemId, completion.materials]).toEqual([1.5, leak.id, [{ description: 'Retén 40×62', quantity: 1, unit: 'pza' }]]);

    // Back on his day, the completed order is gone from the list.
    await page.goto(`${office.url}/admin`);
    await page.getByText('Mis órdenes de hoy').waitFor({ timeout: 15_000 });
    await page.getByTestId('dashboard').getByText('Bienvenido').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('my-day').innerText()).not.toContain('Reparar fuga de aceite del compresor');
    await phone.close();
  });
});

describe('a technician records steps and adds a note and a photo from his phone card (390×844)', () => {
  it('sees a value outside its limits in red and in words, on the form and on the card, and adds a note and a photo in place', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const schedule = await make.aSchedule(prisma, (await make.anAsset(prisma, { code: 'MOT-310', description: 'Motor del ventilador de tiro' })).id);
    const routine = await prisma.routine.findUniqueOrThrow({ where: { id: schedule.routineId } });
    await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 1, instruction: 'Temperatura del cojinete', valueType: 'NUMBER', unit: '°C', minValue: 40, maxValue: 80 } });
    await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 2, instruction: 'Guarda instalada', valueType: 'BOOLEAN' } });
    const order = await prisma.workOrder.create({
      data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: schedule.assetId, technicianId: technician.technicianId, state: 'IN_PROGRESS', plannedOn: todayIn(office.config.timeZone), description: 'Inspección mensual del motor' },
    });

    const phone = await started.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await signInThroughForm(page, office.url, technician.email, PASSWORD);
    const card = () => page.getByTestId('my-day-card').filter({ hasText: 'Inspección mensual del motor' });
    await card().waitFor({ timeout: 15_000 });

    // Recording the steps: a temperature above its limits is marked as typed, in red and in words.
    await card().getByRole('button', { name: 'Registrar pasos' }).click();
    const form = page.getByTestId('work-order-recordSteps');
    await form.locator('input[name=step-1]').waitFor({ timeout: 15_000 });
    await form.locator('input[name=step-1]').fill('95,5');
    await form.locator('select[name=step-2]').selectOption('true');
    const warning = form.getByTestId('out-of-limits-1');
    await warning.waitFor({ timeout: 15_000 });
    expect(await warning.innerText()).toBe('⚠ Fuera de límites (40 … 80 °C)');
    expect(await form.locator('input[name=step-1]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'technician-phone-step-out-of-limits.png'), fullPage: true });
    // Back inside the limits, the warning goes.
    await form.locator('input[name=step-1]').fill('62');
    expect(await form.getByTestId('out-of-limits-1').count()).toBe(0);
    await form.locator('input[name=step-1]').fill('95,5');
    await page.getByTestId('submit-work-order-form').click();
    await page.waitForURL(/WorkOrder\/records\/\d+\/show/, { timeout: 15_000 });
    expect((await prisma.workOrderStepValue.findFirstOrThrow({ where: { workOrderId: order.id, procedureStep: { position: 1 } } })).passed).toBe(false);

    // On his day, the card says which value is outside which limits (not by colour alone).
    await page.goto(`${office.url}/admin`);
    const outside = card().getByTestId('my-day-out-of-limits');
    await outside.waitFor({ timeout: 15_000 });
    expect(await outside.innerText()).toBe('⚠ Fuera de límites\nPaso 1 · Temperatura del cojinete: 95,5 °C (límites 40 … 80)');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'technician-phone-card-out-of-limits.png'), fullPage: true });

    // A note from the card: blank is refused beside the field; written, it is saved as his.
    await card().getByTestId('my-day-add-note').click();
    const noteForm = card().getByTestId('my-day-note-form');
    await noteForm.getByRole('button', { name: 'Guardar nota' }).click();
    await noteForm.getByTestId('my-day-note-error').waitFor({ timeout: 15_000 });
    expect(await noteForm.getByTestId('my-day-note-error').innerText()).toBe('Este campo es obligatorio.');
    await noteForm.locator('textarea[name=text]').fill('Cojinete caliente: se pide análisis de vibraciones.');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'technician-phone-card-note.png'), fullPage: true });
    await noteForm.getByRole('button', { name: 'Guardar nota' }).click();
    await page.getByText('Nota guardada en la orden.').waitFor({ timeout: 15_000 });
    expect(await prisma.workOrderNote.findMany({ where: { workOrderId: order.id }, select: { text: true, authorId: true } })).toEqual([
      { text: 'Cojinete caliente: se pide análisis de vibraciones.', authorId: technician.userId },
    ]);

    // A photo from the card: the phone's file picker (camera), uploaded through the attachment route.
    await card().getByTestId('my-day-add-photo').click();
    const photoForm = card().getByTestId('my-day-photo-form');
    expect(await photoForm.locator('input[type=file]').getAttribute('capture')).toBe('environment');
    await photoForm.locator('input[type=file]').setInputFiles({ name: 'cojinete.png', mimeType: 'image/png', buffer: A_PNG });
    await photoForm.getByRole('button', { name: 'Subir foto' }).click();
    await photoForm.getByTestId('my-day-photo-outcome').waitFor({ timeout: 15_000 });
    expect(await photoForm.getByTestId('my-day-photo-outcome').innerText()).toMatch(/^Archivo adjuntado como DOC-\d{4}-\d{4}\.$/);
    expect(await prisma.document.findMany({ where: { workOrderId: order.id }, select: { kind: true, title: true } })).toEqual([{ kind: 'PHOTO', title: 'cojinete.png' }]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'technician-phone-card-photo.png'), fullPage: true });
    await phone.close();
  }, 180_000); // a browser journey on a shared two-core machine
});
