// Notifications in a real browser (issue 18): a technician's bell counts an order the supervisor assigns
// him without a reload; the centre names the order and opens it; marking all read empties the bell; and
// the order's page tells him when someone else changed it.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const started = browserAndBackOffice();
let technician: Person;
let supervisor: Person;
beforeAll(async () => {
  const office = started.office();
  const prisma = office.database.prisma;
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
});

describe('a technician and his bell', () => {
  it('sees the bell count an assignment at once, opens the order from the centre by its name, and marks all read', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const page = await started.browser().newPage({ viewport: { width: 1400, height: 900 } });
    await signInThroughForm(page, office.url, technician.email, PASSWORD);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('notification-count').count()).toBe(0);

    // The supervisor assigns him an order from her own session; his page is not reloaded.
    const asset = await make.anAsset(prisma, { description: 'Bomba de condensado' });
    const order = await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, plannedOn: new Date(), description: 'Cambiar sello mecánico' } });
    const body = new FormData();
    body.set('technicianId', String(technician.technicianId));
    expect((await supervisor.client.request(`/admin/api/resources/WorkOrder/records/${order.id}/assign`, { method: 'POST', body })).status).toBe(200);
    await page.getByTestId('notification-count').filter({ hasText: '1' }).waitFor({ timeout: 5_000 });
    expect(await bell.getAttribute('aria-label')).toBe('Notificaciones sin leer: 1');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'notifications-bell.png') });

    await bell.click();
    const line = page.getByTestId('notification-line').first();
    await line.waitFor({ timeout: 15_000 });
    expect(await line.innerText()).toContain(`Se le asignó la orden ${order.number} · Cambiar sello mecánico`);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'notifications-centre.png'), fullPage: true });

    // The order's name is the link: it opens the order and marks the line read.
    await line.getByRole('link', { name: `${order.number} · Cambiar sello mecánico` }).click();
    await page.waitForURL(`**/admin/resources/WorkOrder/records/${order.id}/show`, { timeout: 15_000 });
    await page.getByText('Cambiar sello mecánico').first().waitFor({ timeout: 15_000 });
    await expect.poll(async () => prisma.notification.count({ where: { userId: technician.userId, readAt: null } }), { timeout: 5_000 }).toBe(0);

    // Someone else changes the order he is looking at: the page says so and offers a reload.
    await prisma.workOrder.update({ where: { id: order.id }, data: { priority: 'URGENT' } });
    await page.getByTestId('live-changed').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('live-changed').innerText()).toContain('Otra persona cambió esta página.');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'notifications-page-changed.png') });
    await page.getByRole('button', { name: 'Recargar' }).click();
    await page.getByText('Urgente').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('live-changed').count()).toBe(0);

    // A second notification, then "Marcar todas como leídas" from the centre: the bell is empty again.
    const other = await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, plannedOn: new Date(), description: 'Revisar acople' } });
    const second = new FormData();
    second.set('technicianId', String(technician.technicianId));
    expect((await supervisor.client.request(`/admin/api/resources/WorkOrder/records/${other.id}/assign`, { method: 'POST', body: second })).status).toBe(200);
    await page.getByTestId('notification-count').filter({ hasText: '1' }).waitFor({ timeout: 5_000 });
    await bell.click();
    await page.getByTestId('mark-all-read').click();
    await page.getByTestId('notification-count').waitFor({ state: 'detached', timeout: 5_000 });
    expect(await prisma.notification.count({ where: { userId: technician.userId, readAt: null } })).toBe(0);
    await page.close();
  });

  it('chooses his channels on the preferences page, where unconfigured channels say so', async () => {
    const office = started.office();
    const page = await started.browser().newPage({ viewport: { width: 1400, height: 900 } });
    await signInThroughForm(page, office.url, technician.email, PASSWORD);
    await page.goto(`${office.url}/admin/pages/notificationPreferences`);
    await page.getByTestId('notification-preferences').waitFor({ timeout: 15_000 });
    // The test office configures no outside channel: each says so and cannot be ticked.
    expect(await page.getByText('No configurado en el servidor: pida al administrador que lo active.').count()).toBe(3);
    const email = page.getByRole('checkbox', { name: 'Una orden asignada a mí: Correo' });
    expect(await email.isDisabled()).toBe(true);
    await page.locator('#telegramChatId').fill('5150');
    await page.getByTestId('save-preferences').click();
    await page.getByText('Preferencias guardadas.').waitFor({ timeout: 5_000 });
    const contact = await office.database.prisma.notificationContact.findUniqueOrThrow({ where: { userId: technician.userId } });
    expect(contact.telegramChatId).toBe('5150');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'notifications-preferences.png'), fullPage: true });
    await page.close();
  });
});
