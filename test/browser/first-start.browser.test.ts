// The administrator's first start in a real browser, on a fresh database: the dashboard lists what the
// plant still has to set up, each step links to where it is done, a step done is ticked, and the list
// folds into one line once everything is done.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN } from '../support/back-office.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson } from '../support/people.js';

const started = browserAndBackOffice({ env: { APP_TIMEZONE: 'America/Tegucigalpa' } });

describe('an administrator on a fresh install', () => {
  it('follows the checklist from the dashboard until the plant is set up', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const page = await started.browser().newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughForm(page, office.url, TEST_ADMIN.email, TEST_ADMIN.password);

    const checklist = page.getByTestId('first-start-checklist');
    await checklist.waitFor({ timeout: 15_000 });
    const text = await checklist.innerText();
    for (const seen of ['Puesta en marcha de la planta', '1 de 8 pasos hechos', 'Zona horaria de la planta', 'En uso: America/Tegucigalpa', 'Horario de trabajo',
      'Grupos con miembros', 'Primeros usuarios', 'Técnicos', 'Ubicaciones importadas', 'Activos importados', 'Planes preventivos'])
      expect(text).toContain(seen);
    expect(await checklist.getByTestId('checklist-plantTimeZone').getAttribute('data-done')).toBe('true');
    expect(await checklist.getByTestId('checklist-workCalendar').getAttribute('data-done')).toBe('false');
    // Each pending step says where it is done; the imports open the import page of their list.
    expect(await checklist.getByTestId('checklist-go-assets').getAttribute('href')).toBe('/admin/resources/Asset/actions/importXlsx');
    expect(await checklist.getByTestId('checklist-go-locations').getAttribute('href')).toBe('/admin/resources/Location/actions/importXlsx');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'first-start-checklist-empty.png'), fullPage: true });

    // The work calendar: from the checklist to its form, saved, and back on the dashboard it is ticked.
    await checklist.getByTestId('checklist-go-workCalendar').click();
    await page.locator('input[name=code]').waitFor({ timeout: 15_000 });
    await page.locator('input[name=code]').fill('L-V');
    await page.locator('input[name=name]').fill('Lunes a viernes, 07:00 a 16:00');
    await page.locator('input[name=dayStart]').fill('07:00');
    await page.locator('input[name=dayEnd]').fill('16:00');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/resources/WorkCalendar', { timeout: 15_000 });
    await page.getByText('Lunes a viernes, 07:00 a 16:00').waitFor({ timeout: 15_000 });
    expect(await prisma.workCalendar.count()).toBe(1);
    await page.goto(`${office.url}/admin`);
    await page.getByTestId('checklist-workCalendar').and(page.locator('[data-done=true]')).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('first-start-checklist').innerText()).toContain('2 de 8 pasos hechos');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'first-start-checklist-calendar-done.png'), fullPage: true });

    // The rest as a go-live does it (accounts, a technician, imported locations and assets, a plan).
    await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
    await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
    await make.aSchedule(prisma, (await make.anAsset(prisma)).id);
    await page.reload();
    const folded = page.getByTestId('first-start-checklist').and(page.locator('[data-complete=true]'));
    await folded.waitFor({ timeout: 15_000 });
    expect(await folded.innerText()).toContain('Puesta en marcha completa: los 8 pasos están hechos.');
    // With no open orders, the board's backlog says so in words rather than drawing an empty chart.
    expect(await page.getByTestId('board-no-backlog').innerText()).toContain('Sin pendientes: no hay órdenes abiertas en su área.');
    expect(await page.getByTestId('board-backlog-by-craft').locator('svg').count()).toBe(0);
    // Folded: the steps are hidden until asked for.
    expect(await page.getByTestId('checklist-assets').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'first-start-checklist-complete.png'), fullPage: true });
    await page.getByTestId('checklist-toggle').click();
    await page.getByTestId('checklist-assets').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid^=checklist-][data-done=false]').count()).toBe(0);

    // An open order: the backlog is a chart again.
    await make.aWorkOrder(prisma);
    await page.reload();
    await page.getByTestId('board-backlog-by-craft').locator('svg').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('board-no-backlog').count()).toBe(0);
    await page.close();
  }, 180_000); // a browser journey on a shared two-core machine
});
