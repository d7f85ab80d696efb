// The journeys of issue 16 in a real Chromium, asserting what each person sees: the operator files an
// aviso with a photo, the supervisor finds an asset by two words, the auditor reads a history with names
// and Spanish values, and the same pages in English after a reload.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN } from '../support/back-office.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import { A_PNG } from '../support/documents.js';
import { HttpClient } from '../support/http-client.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD } from '../support/people.js';

const started = browserAndBackOffice();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });

describe('the plant\'s daily journeys in a real browser', () => {
  it('an operator files a work request for an asset found by name, and attaches a photo from its page', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Operadora');
    const compressor = await make.anAsset(prisma, { code: 'CMP-014', description: 'Compresor de refrigeración Nº 2' });
    await make.anAsset(prisma, { code: 'CMP-015', description: 'Compresor de aire' });

    const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 } });
    await signInThroughForm(page, office.url, operator.email, PASSWORD);
    await page.goto(`${office.url}/admin/resources/WorkRequest/actions/new`);
    await page.locator('#asset').waitFor({ timeout: 20_000 });
    // Neither the reporter nor the state is asked: the server and the workflow set them.
    const form = await page.locator('form:not([role=search])').innerText();
    expect(form).not.toContain('Reportado por');
    expect(form).not.toMatch(/\bEstado\b/);
    await page.locator('#asset').fill('compresor refrig');
    await page.getByText('CMP-014 · Compresor de refrigeración Nº 2').click();
    await page.locator('textarea[name=description]').fill('Fuga de refrigerante en la válvula de servicio');
    await shot(page, 'operator-new-work-request');
    await page.locator('form:not([role=search]) button[type=submit]').click();
    await expect.poll(() => prisma.workRequest.count({ where: { assetId: compressor.id } }), { timeout: 20_000 }).toBe(1);
    const request = await prisma.workRequest.findFirstOrThrow({ where: { assetId: compressor.id } });
    expect(request).toMatchObject({ reportedById: operator.userId, state: 'OPEN' });
    await page.goto(`${office.url}/admin/resources/WorkRequest/records/${request.id}/show`);

    // The page is titled by the request, and the photo is one step away.
    await page.getByRole('heading', { name: `#${request.id} · Fuga de refrigerante` }).first().waitFor({ timeout: 20_000 });
    const attach = page.getByTestId('attach-file');
    await attach.locator('#attach-file-input').setInputFiles({ name: 'fuga.png', mimeType: 'image/png', buffer: A_PNG });
    await attach.locator('#attach-file-title').fill('Foto de la fuga');
    await attach.getByRole('button', { name: 'Adjuntar', exact: true }).click();
    await page.getByTestId('attach-outcome').getByText(/Archivo adjuntado como DOC-/).waitFor({ timeout: 20_000 });
    await page.getByTestId('attachments-WorkRequest').getByText('Foto de la fuga').waitFor({ timeout: 20_000 });
    const shown = await page.locator('section, main, body').first().innerText();
    expect(shown).toContain('Olga Operadora'); // Reportado por, by name
    expect(shown).toContain('Abierto');
    await shot(page, 'operator-work-request-with-photo');
    await page.close();
  });

  it('a supervisor finds an asset by two words in any order, and picks a responsible by name', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Saúl Supervisor');
    await prisma.user.create({ data: { email: 'julia.mantenimiento@planta.test', name: 'Julia Responsable' } });
    const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 } });
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);
    await page.goto(`${office.url}/admin/resources/Asset?filters.description=${encodeURIComponent('refrigeracion compresor')}`);
    await page.getByText('CMP-014').first().waitFor({ timeout: 20_000 });
    const listed = await page.locator('table').first().innerText();
    expect(listed).toContain('Compresor de refrigeración Nº 2');
    expect(listed).not.toContain('CMP-015');
    await shot(page, 'supervisor-asset-two-words');

    // The "Responsable" picker offers people by name to a supervisor (it said "No options").
    const asset = await prisma.asset.findUniqueOrThrow({ where: { code: 'CMP-014' } });
    await page.goto(`${office.url}/admin/resources/Asset/records/${asset.id}/edit`);
    await page.locator('#responsibleUser').fill('julia');
    await page.getByText('Julia Responsable · julia.mantenimiento@planta.test').click();
    await page.locator('form:not([role=search]) button[type=submit]').click();
    await expect.poll(async () => (await prisma.asset.findUniqueOrThrow({ where: { id: asset.id } })).responsibleUserId, { timeout: 20_000 }).not.toBeNull();
    await page.goto(`${office.url}/admin/resources/Asset/records/${asset.id}/show`);
    await page.getByText('Julia Responsable').first().waitFor({ timeout: 20_000 });
    await shot(page, 'supervisor-asset-responsible');
    await page.close();
  });

  it('an auditor reads a history with names and Spanish values, and the same page in English after a reload', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const asset = await prisma.asset.findUniqueOrThrow({ where: { code: 'CMP-014' } });
    const admin = new HttpClient(office.url);
    await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const change = new FormData();
    change.set('status', 'OUT_OF_SERVICE');
    await admin.request(`/admin/api/resources/Asset/records/${asset.id}/edit`, { method: 'POST', body: change });

    const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 } });
    await signInThroughForm(page, office.url, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`${office.url}/admin/resources/Asset/records/${asset.id}/history`);
    const timeline = page.getByTestId('history-timeline');
    await timeline.getByText('Modificación').first().waitFor({ timeout: 20_000 });
    const spanish = await timeline.innerText();
    expect(spanish).toContain('Estado: En servicio → Fuera de servicio');
    expect(spanish).toContain('Responsable: — → Julia Responsable');
    expect(spanish).toContain('Saúl Supervisor');
    expect(spanish).not.toMatch(/OUT_OF_SERVICE|user:|\d{4}-\d{2}-\d{2}T/);
    await shot(page, 'auditor-history-es');

    await page.goto(`${office.url}/admin/resources/ChangeHistory`);
    await page.getByText('Activos').first().waitFor({ timeout: 20_000 });
    const list = await page.locator('table').first().innerText();
    expect(list).toContain('Modificación');
    expect(list).toContain('CMP-014 · Compresor de refrigeración Nº 2');
    expect(list).not.toMatch(/\bassets\b|UPDATE/);
    await shot(page, 'auditor-global-history-es');

    // English from the top bar, kept on the account: a reload and a direct link stay in English.
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByText('Inglés').click();
    await expect.poll(async () => (await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } })).locale, { timeout: 10_000 }).toBe('en');
    await page.goto(`${office.url}/admin/resources/Asset/records/${asset.id}/history`);
    await page.getByTestId('history-timeline').getByText('Changed').first().waitFor({ timeout: 20_000 });
    const english = await page.getByTestId('history-timeline').innerText();
    expect(english).toContain('Status: In service → Out of service');
    await page.goto(`${office.url}/admin/resources/Asset`);
    await page.getByRole('heading', { name: 'Assets' }).first().waitFor({ timeout: 20_000 });
    expect(await page.locator('h2').first().innerText()).not.toBe('List');
    await shot(page, 'auditor-assets-en');
    await page.close();
  });
});
