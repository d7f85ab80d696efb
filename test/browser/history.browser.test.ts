import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN } from '../support/back-office.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import { HttpClient } from '../support/http-client.js';
import * as make from '../support/factories.js';

const started = browserAndBackOffice();

describe('an auditor reading a record\'s history in a real browser', () => {
  it('shows who changed what, with the form\'s labels and references by name', async () => {
    const office = started.office();
    const browser = started.browser();
    const prisma = office.database.prisma;
    const plant = await make.aLocation(prisma, { name: 'Planta' });
    const room = await make.aLocation(prisma, { name: 'Sala de bombas', parentId: plant.id });
    const asset = await make.anAsset(prisma, { locationId: plant.id, description: 'Bomba de condensado' });
    const admin = new HttpClient(office.url);
    await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const change = new FormData();
    change.set('location', String(room.id));
    await admin.request(`/admin/api/resources/Asset/records/${asset.id}/edit`, { method: 'POST', body: change });

    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    await signInThroughForm(page, office.url, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`${office.url}/admin/resources/Asset/records/${asset.id}/history`);
    const timeline = page.getByTestId('history-timeline');
    await timeline.getByText('Modificación').first().waitFor({ timeout: 15_000 });
    const text = await timeline.innerText();
    // The author by name (it was his account label, user:<e-mail>).
    expect(text).toContain('Administrador');
    expect(text).not.toContain('user:');
    expect(text).toMatch(/Ubicación: Planta → Planta > Sala de bombas/);
    expect(text).toContain('Creación');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'asset-history.png'), fullPage: true });
    await page.close();
  });
});
