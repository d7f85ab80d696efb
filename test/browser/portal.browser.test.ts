// The QR request portal end to end: a supervisor prints the asset's label, a passer-by scans it (its QR
// decoded from the printed sheet) and files a report with a photo on a phone, and an operator finds the
// portal request, with who reported it and the photo, in the back office.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LABEL_FORMATS } from '../../domain/printables/label-formats.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import { A_PNG } from '../support/documents.js';
import * as make from '../support/factories.js';
import { decodeQrRegions } from '../support/pdf-qr.js';
import { aPerson, PASSWORD } from '../support/people.js';

const started = browserAndBackOffice();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });

describe('reporting a problem by scanning an asset’s QR label', () => {
  it('a phone opens the label’s address, files a report with a photo; an operator sees the portal request', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Samuel Supervisor');
    const operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Olivia Operadora');
    const hall = await make.aLocation(prisma, { name: 'Casa de máquinas' });
    const turbine = await make.anAsset(prisma, { locationId: hall.id, code: 'TUR-001', description: 'Turbina Francis Unidad 1' });

    // The label, as printed: its QR read from the rendered sheet.
    const sheet = await supervisor.client.request(`/admin/printables/labels.pdf?filters.code=TUR-001&format=L7163`, { method: 'POST' });
    expect(sheet.status).toBe(200);
    const format = LABEL_FORMATS.L7163!;
    const [url] = await decodeQrRegions(started.browser(), Buffer.from(await sheet.arrayBuffer()), [{ page: 1, x: format.left, y: format.top, width: format.height, height: format.height }]);
    expect(url).toMatch(new RegExp(`^${office.url}/r/[A-Za-z0-9_-]{43}$`));

    const phone = await started.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'es-HN', userAgent: 'Mozilla/5.0 (Linux; Android 14) Mobile' });
    const page = await phone.newPage();
    await page.goto(url!);
    await expect.poll(() => page.getByTestId('portal-asset').innerText()).toBe('Turbina Francis Unidad 1');
    expect(await page.locator('main').innerText()).toContain('Casa de máquinas');
    expect(await page.locator('main').innerText()).not.toContain('TUR-001');
    await page.locator('#description').fill('Vibración anormal y ruido metálico en el cojinete guía');
    await page.locator('#photo').setInputFiles({ name: 'cojinete.png', mimeType: 'image/png', buffer: A_PNG });
    await page.locator('#name').fill('Pedro Álvarez');
    await page.locator('#contact').fill('pedro.alvarez@correo.hn');
    await shot(page, 'portal-phone-form');
    await page.getByRole('button', { name: 'Enviar reporte' }).tap();
    await page.getByTestId('portal-message').getByText('Gracias. Su reporte fue recibido').waitFor({ timeout: 20_000 });
    await shot(page, 'portal-phone-thanks');
    await phone.close();

    const request = await prisma.workRequest.findFirstOrThrow({ where: { assetId: turbine.id } });
    expect(request).toMatchObject({ source: 'PORTAL', reporterName: 'Pedro Álvarez', reporterContact: 'pedro.alvarez@correo.hn' });

    const desk = await started.browser().newPage({ viewport: { width: 1300, height: 900 } });
    await signInThroughForm(desk, office.url, operator.email, PASSWORD);
    await desk.goto(`${office.url}/admin/resources/WorkRequest?filters.source=PORTAL`);
    const row = desk.locator('tr', { hasText: 'Vibración anormal' });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toContain('Portal QR');
    await desk.goto(`${office.url}/admin/resources/WorkRequest/records/${request.id}/show`);
    await desk.getByTestId('attachments-WorkRequest').getByText('cojinete.png').first().waitFor({ timeout: 20_000 });
    const shown = await desk.locator('section, main, body').first().innerText();
    expect(shown).toContain('Pedro Álvarez');
    expect(shown).toContain('pedro.alvarez@correo.hn');
    expect(shown).toContain('Turbina Francis Unidad 1');
    await shot(desk, 'portal-request-for-operator');
    await desk.close();
  });
});
