// The energy journey in a real Chromium, in Spanish: an administrator creates a token for the plant's SCADA
// and sees it once; the SCADA sends a meter's readings with it (a rollover among them); the energy page shows
// the consumption as a chart and a table, and the site's energy intensity for the month.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const started = browserAndBackOffice(); // plant time: America/Tegucigalpa (UTC−6)
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });

let ana: Person;
let meterCode: string;

beforeAll(async () => {
  const office = started.office();
  const prisma = office.database.prisma;
  ana = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Ana Administradora');
  const site = await make.aLocation(prisma, { name: 'Planta Norte', code: 'PN' });
  const asset = await make.anAsset(prisma, { locationId: site.id, description: 'Transformador auxiliar T2', code: 'TR-AUX-2' });
  const meter = await prisma.measurementPoint.create({
    data: { code: 'TR-AUX-2-EM', assetId: asset.id, variable: 'Energía activa', unit: 'kWh', isMeter: true, energyCarrier: 'ELECTRICITY', rolloverValue: 100_000 },
  });
  meterCode = meter.code;
  await prisma.siteProduction.create({ data: { locationId: site.id, month: new Date('2026-11-01'), producedMwh: 600 } });
});

describe('energy in a real browser', () => {
  it('an administrator creates a SCADA token, sees it once, and the energy page shows what the SCADA sent', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const context = await started.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signInThroughForm(page, office.url, ana.email, PASSWORD);

    // The token, created from its form and shown once.
    await page.goto(`${office.url}/admin/resources/IntegrationToken/actions/createToken`);
    await page.getByTestId('integration-token-form').waitFor({ timeout: 30_000 });
    await page.locator('#token-name').fill('SCADA Planta Norte');
    await page.getByTestId('create-token').click();
    const shown = page.getByTestId('integration-token');
    await shown.waitFor({ timeout: 20_000 });
    const token = (await shown.textContent())!.trim();
    expect(token).toMatch(/^cmms_[A-Za-z0-9_-]{43}$/);
    await page.getByText('Copie este token ahora: no se volverá a mostrar.', { exact: false }).waitFor();
    await shot(page, 'energy-token-created');
    const stored = await prisma.integrationToken.findUniqueOrThrow({ where: { name: 'SCADA Planta Norte' } });
    expect(stored).toMatchObject({ scope: 'readings', createdById: ana.userId, revokedAt: null, tokenPrefix: token.slice(0, 12) });
    expect(stored.tokenHash).not.toContain(token);

    // The list names it by its first characters, never the token itself.
    await page.goto(`${office.url}/admin/resources/IntegrationToken`);
    await page.getByText('SCADA Planta Norte').first().waitFor({ timeout: 20_000 });
    expect(await page.content()).not.toContain(token);

    // The SCADA sends a day's readings at midnight, plant time: 1 000, 1 450, then 99 800 → 300 (a rollover).
    const response = await fetch(`${office.url}/api/v1/readings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: `point,takenAt,value\n${meterCode},2026-11-10T00:00:00,1000\n${meterCode},2026-11-11T00:00:00,1450\n${meterCode},2026-11-12T00:00:00,99800\n${meterCode},2026-11-13T00:00:00,300\n`,
    });
    expect(await response.json()).toMatchObject({ stored: 4, rejected: 0 });

    // The energy page: 10 Nov 450, 11 Nov 98 350, 12 Nov 500 (100 000 − 99 800 + 300).
    await page.goto(`${office.url}/admin/pages/energy`);
    await page.getByTestId('energy-page').waitFor({ timeout: 30_000 });
    await page.locator('#energy-from').fill('2026-11-10');
    await page.locator('#energy-to').fill('2026-11-12');
    await page.getByTestId('energy-show').click();
    const table = page.getByTestId('energy-table');
    await table.waitFor({ timeout: 20_000 });
    await expect.poll(() => table.textContent()).toContain('TR-AUX-2 · Transformador auxiliar T2');
    expect(await table.textContent()).toContain('99.300 kWh');
    expect(await table.textContent()).toContain('Vueltas a cero: 1');
    expect(await page.getByTestId('energy-chart').locator('rect').count()).toBe(3);
    expect(await page.getByTestId('energy-chart').textContent()).toContain('Electricidad (kWh)');
    // November's intensity: 99 300 kWh over 600 MWh produced = 165,5 kWh/MWh.
    expect(await page.getByTestId('energy-intensity').textContent()).toContain('165,5 kWh/MWh');
    await shot(page, 'energy-page');
    expect(await page.locator('a[href$="/pages/energy"]').count()).toBeGreaterThan(0);
    await context.close();

    // An operator reads no measurement points: the page is not offered, and its figures are refused.
    const operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Óscar Operador');
    const asOperator = await started.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const operatorPage = await asOperator.newPage();
    await signInThroughForm(operatorPage, office.url, operator.email, PASSWORD);
    await operatorPage.getByText('Notificaciones', { exact: true }).first().waitFor({ timeout: 20_000 });
    expect(await operatorPage.locator('a[href$="/pages/energy"]').count()).toBe(0);
    expect((await operator.client.request('/admin/energy/report?from=2026-11-10&to=2026-11-12')).status).toBe(403);
    await asOperator.close();
  });
});
