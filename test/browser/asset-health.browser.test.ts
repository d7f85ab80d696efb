// The asset-health journey in a real Chromium, as a supervisor in Spanish: after the 06:00 assessment,
// "Activos en riesgo" lists the drifting compressor first with its score; its page shows the health panel
// with the reasons, the stop he records from its order, and the vibration chart with its limit, the trend
// and the predicted crossing, said in words; the availability page shows its location and category.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessAssetHealth } from '../../domain/health/assess-asset-health.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const started = browserAndBackOffice();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
const DAY = 86_400_000;

let sara: Person;
let assetId: number;
let orderId: number;

beforeAll(async () => {
  const office = started.office();
  const prisma = office.database.prisma;
  sara = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  const asset = await make.anAsset(prisma, { code: 'CMP-014', description: 'Compresor de aire 14' });
  await prisma.asset.update({ where: { id: asset.id }, data: { criticality: 'A' } });
  assetId = asset.id;
  const point = await prisma.measurementPoint.create({ data: { code: 'VIB-014', assetId, variable: 'Vibración', unit: 'mm/s', minValue: 0, maxValue: 10 } });
  const now = Date.now();
  await prisma.reading.createMany({ data: Array.from({ length: 40 }, (_, i) => ({ measurementPointId: point.id, takenAt: new Date(now - (40 - i) * DAY), value: 5 + 0.1 * i })) });
  await make.anAsset(prisma, { code: 'CMP-015', description: 'Compresor de aire 15' });
  orderId = (await make.aWorkOrder(prisma, { assetId, description: 'Vibración alta en el compresor' })).id;
  await assessAssetHealth(prisma, { timeZone: 'America/Tegucigalpa' });
});

describe('asset health, in a real browser', () => {
  it('lists the asset at risk, records a stop from its order, and draws its readings with the predicted crossing', async () => {
    const office = started.office();
    const context = await started.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signInThroughForm(page, office.url, sara.email, PASSWORD);

    await page.goto(`${office.url}/admin/resources/AssetHealth`);
    const firstRow = page.locator('table tbody tr').first();
    await firstRow.waitFor({ timeout: 20_000 });
    await expect.poll(() => firstRow.innerText()).toContain('CMP-014');
    await shot(page, 'asset-health-list');

    await page.goto(`${office.url}/admin/resources/WorkOrder/records/${orderId}/show`);
    await page.getByRole('button', { name: 'Registrar parada', exact: true }).or(page.getByRole('link', { name: 'Registrar parada', exact: true })).first().click();
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByText('Parada registrada: el activo consta detenido desde ahora.').waitFor({ timeout: 15_000 });
    expect(await office.database.prisma.downtimeEvent.count({ where: { assetId, endedAt: null } })).toBe(1);

    await page.goto(`${office.url}/admin/resources/Asset/records/${assetId}/show`);
    const panel = page.getByTestId('asset-health-panel');
    await panel.waitFor({ timeout: 20_000 });
    await expect.poll(() => panel.innerText()).toContain('Salud del activo');
    const text = await panel.innerText();
    expect(text).toMatch(/Salud: \d+ \/ 100/);
    expect(text).toContain('punto(s) que cruzarán su límite en 30 días');
    expect(text).toContain('Criticidad A');
    expect(text).toContain('Paradas recientes');
    expect(text).toMatch(/en curso · 0 h · Falla/);
    const chart = page.getByTestId('reading-chart-VIB-014');
    await expect.poll(() => chart.locator('[data-testid=limit-max]').count()).toBe(1);
    expect(await chart.locator('[data-testid=trend-line]').count()).toBe(1);
    expect(await chart.locator('[data-testid=crossing-marker]').count()).toBe(1);
    expect(await page.getByTestId('crossing-text-VIB-014').innerText()).toMatch(/^Cruce previsto: \d{2}\/\d{2}\/\d{4} \(entre \d{2}\/\d{2}\/\d{4} y \d{2}\/\d{2}\/\d{4}\)$/);
    await shot(page, 'asset-health-page');
    await panel.screenshot({ path: path.join(ARTIFACTS_DIR, 'asset-health-panel.png') });

    // The availability page: the compressor's location, stopped since the stop she just recorded, and the
    // plant in total, in Spanish; by category, the compressor's category.
    const prisma = office.database.prisma;
    const asset = await prisma.asset.findUniqueOrThrow({ where: { id: assetId }, select: { location: { select: { name: true } }, category: { select: { name: true } } } });
    await page.goto(`${office.url}/admin/pages/availability`);
    const table = page.getByTestId('availability-table');
    await table.waitFor({ timeout: 20_000 });
    expect(await page.getByRole('heading', { name: 'Disponibilidad' }).count()).toBeGreaterThan(0);
    expect(await table.locator('thead').innerText()).toMatch(/Ubicación\s+Disponibilidad\s+Horas de parada\s+De ellas, no planificadas\s+Fallas\s+MTBF \(h\)\s+MTTR \(h\)/);
    const locationRow = table.locator('tbody tr', { hasText: asset.location.name });
    await expect.poll(() => locationRow.count()).toBe(1);
    expect(await locationRow.innerText()).toMatch(/\d{1,3},\d\s%/);
    expect(await page.getByTestId('availability-total').innerText()).toMatch(/^Total \(todos sus activos\)\s+\d{1,3},\d\s%/);
    await page.locator('#availability-groupBy').selectOption('category');
    await page.getByTestId('availability-show').click();
    await expect.poll(() => table.locator('thead').innerText()).toMatch(/^Categoría/);
    expect(await table.locator('tbody tr', { hasText: asset.category.name }).count()).toBe(1);
    await shot(page, 'availability-page');
    await context.close();
  });
});
