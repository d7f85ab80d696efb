// Projects and service contracts in a real Chromium, asserting what each person sees in Spanish: a supervisor
// creates a project and its tasks through the forms, makes one task wait for the other, and reads the Gantt
// and the figures on the project's page; a planner hands an order to a contractor under the contract covering
// its asset and sees its SLA clocks, then the vendor's compliance.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../domain/dates.js';
import { plantDateTime } from '../../domain/notifications/triggers/plant-text.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const PLANT = 'America/Tegucigalpa';
const started = browserAndBackOffice({ env: { APP_TIMEZONE: PLANT } });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
const DAY = 86_400_000;
const today = todayIn(PLANT);
/** A plant day `days` from today, as the date picker takes it (YYYY/MM/DD). */
const typed = (days: number) => new Date(today.getTime() + days * DAY).toISOString().slice(0, 10).replaceAll('-', '/');

let sonia: Person; // supervisor, runs the project
let pablo: Person; // planner (a supervisor), hands orders to contractors

beforeAll(async () => {
  const office = started.office();
  const prisma = office.database.prisma;
  sonia = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sonia Supervisora');
  pablo = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Pablo Planificador');
});

async function pick(page: Page, field: string, typedText: string, option: string) {
  await page.locator(`#${field}`).fill(typedText);
  // The picker's option, not the same name elsewhere on the page (the top bar names the signed-in person).
  await page.locator('[id^="react-select"][id*="-option-"]', { hasText: option }).first().click();
}
async function date(page: Page, field: string, value: string) {
  const input = page.locator(`[data-testid="property-edit-${field}"] input`);
  await input.click();
  await input.fill(value);
  await input.press('Escape');
}
const submit = (page: Page) => page.locator('form:not([role=search]) button[type=submit]').click();

describe('a supervisor plans a project', () => {
  it('creates it with two tasks, one waiting for the other, and reads the Gantt and its figures', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const context = await started.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signInThroughForm(page, office.url, sonia.email, PASSWORD);

    await page.goto(`${office.url}/admin/resources/Project/actions/new`);
    await page.locator('input[name=code]').waitFor({ timeout: 20_000 });
    await page.locator('input[name=code]').fill('PRY-T2');
    await page.locator('input[name=name]').fill('Cambio del transformador T2');
    await pick(page, 'manager', 'Sonia', 'Sonia Supervisora');
    await date(page, 'startsOn', typed(-14));
    await date(page, 'endsOn', typed(18));
    await submit(page);
    await expect.poll(() => prisma.project.count({ where: { code: 'PRY-T2' } }), { timeout: 20_000 }).toBe(1);
    const project = await prisma.project.findUniqueOrThrow({ where: { code: 'PRY-T2' } });
    expect(project).toMatchObject({ managerId: sonia.userId, state: 'PLANNED', startsOn: new Date(today.getTime() - 14 * DAY) });

    // Two tasks of twelve days each: the civil works done, the installation a quarter of the way.
    for (const [name, from, to, progress] of [['Obra civil de la base', -14, -3, 100], ['Montaje del transformador', -2, 9, 25]] as const) {
      await page.goto(`${office.url}/admin/resources/ProjectTask/actions/new`);
      await page.locator('input[name=name]').waitFor({ timeout: 20_000 });
      await pick(page, 'project', 'PRY-T2', 'PRY-T2 · Cambio del transformador T2');
      await page.locator('input[name=name]').fill(name);
      await date(page, 'startsOn', typed(from));
      await date(page, 'endsOn', typed(to));
      await page.locator('input[name=progress]').fill(String(progress));
      await submit(page);
      await expect.poll(() => prisma.projectTask.count({ where: { projectId: project.id, name } }), { timeout: 20_000 }).toBe(1);
    }
    const [civil, install] = await prisma.projectTask.findMany({ where: { projectId: project.id }, orderBy: { startsOn: 'asc' } });

    // The installation waits for the civil works: added on the task's page.
    await page.goto(`${office.url}/admin/resources/ProjectTask/records/${install!.id}/show`);
    const dependencies = page.getByTestId('related-dependencies');
    await dependencies.getByRole('combobox').waitFor({ timeout: 20_000 });
    await dependencies.getByRole('combobox').selectOption({ label: 'Obra civil de la base' });
    await dependencies.getByTestId('related-add').locator('button[type=submit]').click();
    await expect.poll(() => prisma.projectTaskDependency.count({ where: { taskId: install!.id, dependsOnId: civil!.id } }), { timeout: 20_000 }).toBe(1);
    await dependencies.getByText('Obra civil de la base').waitFor({ timeout: 20_000 });

    // Orders of the project: one closed (3 h at 12,00 an hour), one waiting.
    const crew = await make.aTechnician(prisma);
    const asset = await make.anAsset(prisma, { description: 'Transformador T2' });
    const closed = await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, plannedOn: today, description: 'Retirar el transformador viejo', state: 'CLOSED', technicianId: crew.id, projectId: project.id } });
    await prisma.workOrderClosure.create({ data: { workOrderId: closed.id, laborHours: 3, closedById: sonia.userId } });
    await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, plannedOn: today, description: 'Conectar el transformador nuevo', projectId: project.id } });

    await page.goto(`${office.url}/admin/resources/Project/records/${project.id}/show`);
    const gantt = page.getByTestId('project-gantt');
    await gantt.waitFor({ timeout: 20_000 });
    expect(await gantt.getByTestId('gantt-task').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-task')))).toEqual(['Obra civil de la base', 'Montaje del transformador']);
    expect(await gantt.getByTestId('gantt-dependency').count()).toBe(1);
    await gantt.getByTestId('gantt-today').waitFor();
    expect(await gantt.getByTestId('gantt-today').textContent()).toBe('Hoy');
    // (100 × 12 + 25 × 12) / 24 days = 62,5 %.
    expect(await page.getByTestId('project-progress').innerText()).toBe('Avance (ponderado por duración): 62,5 %');
    expect(await page.getByTestId('project-orders').innerText()).toBe('Órdenes: 1 abiertas, 1 terminadas, 0 canceladas');
    expect(await page.getByTestId('project-cost').innerText()).toBe('Costo a la fecha: 36,00 (mano de obra 36,00, materiales 0,00, requisiciones 0,00)');
    const orders = await page.getByTestId('related-workOrders').innerText();
    expect(orders).toContain('Retirar el transformador viejo');
    expect(orders).toContain('Conectar el transformador nuevo');
    await shot(page, 'projects-gantt-and-figures');
    // The page scrolls inside AdminJS's layout: the Gantt and its figures on their own.
    await page.getByTestId('project-overview').screenshot({ path: path.join(ARTIFACTS_DIR, 'projects-gantt.png') });

    // Started with its button: the state reads in words.
    await page.getByRole('button', { name: 'Iniciar proyecto', exact: true }).or(page.getByRole('link', { name: 'Iniciar proyecto', exact: true })).first().click();
    await page.getByText('Proyecto iniciado.').waitFor({ timeout: 20_000 });
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).state).toBe('IN_PROGRESS');
    await page.reload();
    await page.getByTestId('property-show-state').getByText('En curso').waitFor({ timeout: 20_000 });
    await context.close();
  }, 240_000);
});

describe('a planner hands an order to a contractor', () => {
  it('links it to the contract covering its asset and sees its SLA clocks, then the vendor\'s compliance', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const room = await make.aLocation(prisma, { name: 'Sala de compresores' });
    const compressor = await make.anAsset(prisma, { locationId: room.id, code: 'CMP-02', description: 'Compresor de aire 2' });
    const vendor = await make.aVendor(prisma, 'Aire Comprimido del Norte S.A.');
    await make.aServiceContract(prisma, { code: 'CS-AIRE', vendorId: vendor.id, locationIds: [room.id], responseHours: 4, resolutionHours: 24 });
    const order = await make.aWorkOrder(prisma, { assetId: compressor.id, description: 'Fuga de aceite en el compresor' });

    const context = await started.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signInThroughForm(page, office.url, pablo.email, PASSWORD);
    await page.goto(`${office.url}/admin/resources/WorkOrder/records/${order.id}/show`);
    const level = page.getByTestId('service-level');
    await level.waitFor({ timeout: 20_000 });
    expect(await level.getByTestId('sla-offer').innerText()).toMatch(/^CS-AIRE · Aire Comprimido del Norte S\.A\. \(vence el \d{2}\/\d{2}\/\d{4}; responder en 4 h, resolver en 24 h\)$/);
    await shot(page, 'services-order-offers-contract');

    await level.getByTestId('sla-hand-over').click();
    const linkForm = page.getByTestId('link-contract-form');
    await linkForm.waitFor({ timeout: 20_000 });
    // The only contract covering the asset is chosen already.
    expect(await linkForm.locator('select').inputValue()).not.toBe('');
    await linkForm.getByTestId('submit-link-contract').click();
    await page.getByText('Orden entregada al contratista: los plazos del SLA cuentan desde ahora.').waitFor({ timeout: 20_000 });
    const handedOver = (await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).contractAssignedAt!;
    const due = plantDateTime(new Date(handedOver.getTime() + 4 * 3600_000), PLANT);

    await page.goto(`${office.url}/admin/resources/WorkOrder/records/${order.id}/show`);
    await level.getByTestId('sla-response').waitFor({ timeout: 20_000 });
    expect(await level.innerText()).toContain(`CS-AIRE · Aire Comprimido del Norte S.A. · entregada al contratista el ${plantDateTime(handedOver, PLANT)}`);
    expect(await level.getByTestId('sla-response').innerText()).toBe(`Respuesta (primer inicio): en curso, vence el ${due} (0 h de 4 h)`);
    expect(await level.getByTestId('sla-resolution').innerText()).toMatch(/^Resolución \(orden completada\): en curso, vence el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(0 h de 24 h\)$/);
    await shot(page, 'services-order-sla-running');

    // The contractor starts an hour later: the response clock is met, in words, with the moment in plant time.
    const started1h = new Date(handedOver.getTime() + 3600_000);
    await prisma.workOrder.update({ where: { id: order.id }, data: { state: 'IN_PROGRESS', startedAt: started1h } });
    await page.reload();
    await level.getByTestId('sla-response').waitFor({ timeout: 20_000 });
    expect(await level.getByTestId('sla-response').innerText()).toBe(`Respuesta (primer inicio): cumplida el ${plantDateTime(started1h, PLANT)} (1 h de 4 h)`);

    await page.goto(`${office.url}/admin/resources/ServiceContract/actions/slaCompliance`);
    const row = page.getByTestId('sla-vendor').filter({ hasText: 'Aire Comprimido del Norte S.A.' });
    await row.waitFor({ timeout: 20_000 });
    expect((await row.innerText()).split(/\t|\n/).map((cell) => cell.trim()).filter(Boolean)).toEqual([
      'Aire Comprimido del Norte S.A.', '1', '100 % (1 de 1)', 'aún sin plazos vencidos',
    ]);
    await shot(page, 'services-sla-compliance');
    await context.close();
  }, 240_000);
});
