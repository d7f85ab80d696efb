import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN } from '../support/back-office.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';

const started = browserAndBackOffice();

describe('an administrator in a real browser', () => {
  it('signs in, sees the Spanish dashboard, and signs out', async () => {
    const office = started.office();
    const browser = started.browser();
    const page = await browser.newPage({ locale: 'es-HN' });
    await page.goto(`${office.url}/admin`);
    await expect(page.getByText('Iniciar sesión')).toBeTruthy();
    await page.locator('input[name=email]').fill(TEST_ADMIN.email);
    await page.locator('input[name=password]').fill(TEST_ADMIN.password);
    await page.locator('button[type=submit]').click();

    const dashboard = page.getByTestId('dashboard');
    await dashboard.waitFor({ timeout: 30_000 });
    await page.getByText('Usuarios activos').waitFor();
    expect(await dashboard.innerText()).toContain('Bienvenido, Administrador');
    expect(await dashboard.innerText()).toContain('Sus grupos: Administradores');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'dashboard-es.png'), fullPage: true });
    expect(await page.locator('body').innerText()).toContain('Administración');

    // The session cookie is out of the page's reach; the CSRF mirror is readable by design.
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'cmms.sid')?.httpOnly).toBe(true);
    expect(cookies.find((c) => c.name === 'XSRF-TOKEN')?.httpOnly).toBe(false);

    await page.goto(`${office.url}/admin/logout`);
    await page.locator('input[name=password]').waitFor();
    expect(page.url()).toBe(`${office.url}/admin/login`);
    await page.goto(`${office.url}/admin`);
    expect(page.url()).toBe(`${office.url}/admin/login`);
    await page.close();
  });

  it('creates a user through the AdminJS form, which sends the CSRF token by itself', async () => {
    const office = started.office();
    const browser = started.browser();
    const page = await browser.newPage();
    await signInThroughForm(page, office.url, TEST_ADMIN.email, TEST_ADMIN.password);

    await page.goto(`${office.url}/admin/resources/User/actions/new`);
    await page.locator('input[name=email]').fill('supervisora@planta.test');
    await page.locator('input[name=name]').fill('María Supervisora');
    await page.locator('input[name=newPassword]').fill('una-clave-muy-segura-1');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/admin\/resources\/User(\?|$)/, { timeout: 15_000 });
    await page.getByText('supervisora@planta.test').waitFor();

    const created = await office.database.prisma.user.findUnique({ where: { email: 'supervisora@planta.test' }, omit: { passwordHash: false } });
    expect(created?.name).toBe('María Supervisora');
    expect(created?.passwordHash).toMatch(/^\$argon2id\$/);
    await page.close();
  });
});
