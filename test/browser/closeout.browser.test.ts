// Preventive work end to end in a real browser: the technician starts his order, records the step values
// and completes it; the supervisor closes it through the closeout form (after a refusal he can read),
// and finds the plant's KPIs charted on his dashboard.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeKpiSnapshots } from '../../domain/services/kpis.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const started = browserAndBackOffice();
let technician: Person;
let supervisor: Person;
let orderId: number;

beforeAll(async () => {
  const office = started.office();
  const prisma = office.database.prisma;
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  const routine = await make.aRoutine(prisma);
  await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 1, instruction: 'Medir temperatura del rodamiento', valueType: 'NUMBER', unit: '°C', minValue: 20, maxValue: 80 } });
  await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 2, instruction: '¿Sin fugas?', valueType: 'BOOLEAN' } });
  const asset = await make.anAsset(prisma, { description: 'Bomba de alimentación' });
  const schedule = await prisma.maintenanceSchedule.create({ data: { routineId: routine.id, assetId: asset.id, startsOn: new Date('2026-01-01') } });
  const order = await prisma.workOrder.create({
    data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: asset.id, technicianId: technician.technicianId, state: 'ASSIGNED', plannedOn: new Date('2026-11-23'), description: 'Lubricación de rodamientos' },
  });
  orderId = order.id;
});

const clickAction = (page: Page, label: string) => page.getByRole('button', { name: label }).or(page.getByRole('link', { name: label })).first().click();

describe('closing a preventive order in a real browser', () => {
  it('the technician works it, the supervisor closes it through the closeout form', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const showUrl = `${office.url}/admin/resources/WorkOrder/records/${orderId}/show`;

    const asTechnician = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const page = await asTechnician.newPage();
    await signInThroughForm(page, office.url, technician.email, PASSWORD);
    await page.goto(showUrl);
    await clickAction(page, 'Iniciar');
    await page.getByText('Orden iniciada.').waitFor({ timeout: 15_000 });

    await clickAction(page, 'Registrar pasos');
    const steps = page.getByTestId('work-order-recordSteps');
    await steps.getByText('Medir temperatura del rodamiento').waitFor({ timeout: 15_000 });
    await steps.locator('input[name=step-1]').fill('62,5');
    await steps.locator('select[name=step-2]').selectOption('true');
    await page.getByTestId('submit-work-order-form').click();
    await page.getByText('Valores de los pasos guardados.').waitFor({ timeout: 15_000 });
    // Completing asks for his report: the hours he worked (a preventive order asks no failure).
    await clickAction(page, 'Completar');
    const completion = page.getByTestId('work-order-complete');
    await completion.locator('input[name=laborHours]').fill('1,5');
    await page.getByTestId('submit-work-order-form').click();
    await page.getByText('Orden completada.').waitFor({ timeout: 15_000 });
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: orderId } })).state).toBe('COMPLETED');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'technician-completed-order.png'), fullPage: true });
    await asTechnician.close();

    const asSupervisor = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const boss = await asSupervisor.newPage();
    await signInThroughForm(boss, office.url, supervisor.email, PASSWORD);
    await boss.goto(showUrl);
    await clickAction(boss, 'Cerrar orden');
    const closeout = boss.getByTestId('work-order-close');
    await closeout.locator('input[name=step-1]').waitFor({ timeout: 15_000 });
    expect(await closeout.locator('input[name=step-1]').inputValue()).toBe('62.5'); // the technician's value, shown

    // The technician's hours come pre-filled; emptied and submitted: refused beside the field, in Spanish; nothing written.
    expect(await closeout.locator('input[name=laborHours]').inputValue()).toBe('1.5');
    await closeout.locator('input[name=laborHours]').fill('');
    await boss.getByTestId('submit-work-order-form').click();
    await closeout.getByTestId('error-laborHours').waitFor({ timeout: 15_000 });
    expect(await closeout.getByTestId('error-laborHours').innerText()).toBe('Horas de mano de obra: indique un número mayor que cero (recibido: «»).');
    expect(await prisma.workOrderClosure.count({ where: { workOrderId: orderId } })).toBe(0);

    await closeout.locator('input[name=laborHours]').fill('1,5');
    await closeout.locator('textarea[name=observations]').fill('Rodamientos lubricados, sin ruido.');
    await boss.getByTestId('add-material').click();
    await closeout.locator('input[name=material-0-description]').fill('Grasa de litio');
    await closeout.locator('input[name=material-0-quantity]').fill('0,25');
    await closeout.locator('input[name=material-0-unit]').fill('kg');
    await boss.screenshot({ path: path.join(ARTIFACTS_DIR, 'supervisor-closeout-form.png'), fullPage: true });
    await boss.getByTestId('submit-work-order-form').click();
    await boss.getByText('Orden cerrada.').waitFor({ timeout: 15_000 });
    await boss.getByText('Cerrada').first().waitFor({ timeout: 15_000 });

    const closure = await prisma.workOrderClosure.findUniqueOrThrow({ where: { workOrderId: orderId }, include: { workOrder: { include: { materials: true, stepValues: true } } } });
    expect([Number(closure.laborHours), closure.closedById, closure.workOrder.state]).toEqual([1.5, supervisor.userId, 'CLOSED']);
    expect(closure.workOrder.materials.map((m) => [m.description, Number(m.quantity), m.unit])).toEqual([['Grasa de litio', 0.25, 'kg']]);
    expect(closure.workOrder.stepValues.map((v) => v.recordedById)).toEqual([technician.userId, technician.userId]);
    await boss.screenshot({ path: path.join(ARTIFACTS_DIR, 'supervisor-closed-order.png'), fullPage: true });

    // His dashboard charts the plant's KPIs.
    await computeKpiSnapshots(prisma, { timeZone: office.config.timeZone });
    await boss.goto(`${office.url}/admin`);
    await boss.getByTestId('chart-trend').waitFor({ timeout: 15_000 });
    expect(await boss.getByTestId('chart-backlog-by-site').locator('rect').count()).toBeGreaterThan(0);
    expect(await boss.getByTestId('kpi-BACKLOG').innerText()).toContain('Órdenes pendientes');
    await boss.screenshot({ path: path.join(ARTIFACTS_DIR, 'supervisor-dashboard-kpis.png'), fullPage: true });
    // His area: what is overdue and due this week, open orders by craft, requests waiting, in Spanish.
    const area = boss.getByTestId('supervisor-board');
    expect(await area.innerText()).toMatch(/Mi área[\s\S]*Órdenes atrasadas[\s\S]*Vencen esta semana[\s\S]*Avisos por atender[\s\S]*Órdenes abiertas por oficio/);
    await area.screenshot({ path: path.join(ARTIFACTS_DIR, 'supervisor-dashboard-area.png') });
    await asSupervisor.close();
  });
});
