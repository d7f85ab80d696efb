import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
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
