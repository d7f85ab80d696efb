// The transmittals journey of issue 24 in a real Chromium: a supervisor (document control) adds a drawing's
// revision and an outside contractor to a draft on its page and sends it; the contractor opens the link of
// his e-mail (caught by a real SMTP server) with no account, sees the cover sheet and the file, and
// acknowledges receipt; the supervisor's page then shows the transmittal acknowledged, by whom.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSmtp } from '../../integrations/messaging/fakes/fake-smtp.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import { aPdf, uploadRevision } from '../support/documents.js';
import { aPerson, PASSWORD } from '../support/people.js';

const PUBLIC_URL = 'https://cmms.planta.test';
const smtp = await startFakeSmtp();
const started = browserAndBackOffice({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'CMMS Planta <cmms@planta.test>', PUBLIC_URL, WORKERS_IN_PROCESS: 'false' } });
afterAll(() => smtp.close());
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });

describe('a transmittal in a real browser', () => {
  it('sent by document control, opened and acknowledged by the contractor from his e-mail, seen acknowledged by the sender', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const sara = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
    const document = await prisma.document.create({ data: { title: 'Plano de la sala de bombas', kind: 'DRAWING' } });
    const uploaded = await uploadRevision(sara.client, document.id, aPdf('Sala de bombas'), 'sala-de-bombas.pdf');
    expect(uploaded.status).toBe(201);
    await prisma.externalContact.create({ data: { name: 'Ernesto Contratista', company: 'Montajes del Norte', email: 'ernesto@montajes.test' } });
    const draft = await prisma.transmittal.create({ data: { subject: 'Plano para construcción', purpose: 'CONSTRUCTION', senderId: sara.userId, acknowledgeBy: new Date('2026-12-15T00:00:00Z') } });
    const pageUrl = `${office.url}/admin/resources/Transmittal/records/${draft.id}/show`;

    const desk = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const page = await desk.newPage();
    await signInThroughForm(page, office.url, sara.email, PASSWORD);
    await page.goto(pageUrl);
    // The revision and the contractor, each from its picker on the transmittal's page.
    const documents = page.getByTestId('related-documents');
    await documents.locator('select[name=revision] option', { hasText: 'sala-de-bombas.pdf' }).waitFor({ state: 'attached', timeout: 30_000 });
    await documents.locator('select[name=revision]').selectOption({ label: 'sala-de-bombas.pdf' });
    await documents.getByRole('button', { name: 'Añadir revisión' }).click();
    await documents.getByRole('cell', { name: /sala-de-bombas\.pdf/ }).waitFor({ timeout: 20_000 });
    const recipients = page.getByTestId('related-recipients');
    await recipients.locator('select[name=externalContact] option', { hasText: 'Ernesto Contratista' }).waitFor({ state: 'attached', timeout: 20_000 });
    await recipients.locator('select[name=externalContact]').selectOption({ label: 'Ernesto Contratista · Montajes del Norte' });
    await recipients.getByRole('button', { name: 'Añadir contacto externo' }).click();
    await recipients.getByRole('cell', { name: /Ernesto Contratista/ }).waitFor({ timeout: 20_000 });
    await shot(page, 'transmittal-draft-with-revision-and-contractor');

    // "Enviar": the form says who gets a link; sent, the page says so.
    await page.getByRole('button', { name: 'Enviar', exact: true }).or(page.getByRole('link', { name: 'Enviar', exact: true })).first().click();
    await page.getByText('a sus 1 destinatarios').waitFor({ timeout: 20_000 });
    await page.getByTestId('submit-permit-action').click();
    await page.getByText(`Transmittal ${draft.number} enviado a 1 destinatarios.`).waitFor({ timeout: 20_000 });
    await shot(page, 'transmittal-sent');

    // The contractor: the e-mail's link, opened in a browser with no account.
    expect(smtp.received.map((mail) => mail.to[0])).toEqual(['ernesto@montajes.test']);
    const token = new RegExp(`${PUBLIC_URL}/transmittals/([A-Za-z0-9_-]{43})`).exec(smtp.received[0]!.raw.replace(/=\r?\n/g, ''))![1]!;
    const outside = await started.browser().newContext({ viewport: { width: 390, height: 844 } });
    const contractor = await outside.newPage();
    await contractor.goto(`${office.url}/transmittals/${token}`);
    await contractor.getByText(`Transmisión ${draft.number}`).waitFor({ timeout: 20_000 });
    expect(await contractor.getByRole('link', { name: 'sala-de-bombas.pdf' }).count()).toBe(1);
    await shot(contractor, 'transmittal-link-opened-by-contractor');
    await contractor.getByRole('button', { name: 'Acuso recibo' }).click();
    await contractor.getByTestId('acknowledged').waitFor({ timeout: 20_000 });
    expect(await contractor.getByTestId('acknowledged').innerText()).toMatch(/^Acusó recibo el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\. Gracias\.$/);
    await shot(contractor, 'transmittal-acknowledged-by-contractor');
    await outside.close();

    // Back at the desk: acknowledged by all, and by whom.
    await page.goto(pageUrl);
    await page.getByText('Recibido por todos').waitFor({ timeout: 20_000 });
    await page.getByTestId('related-acknowledgements').getByRole('cell', { name: 'Ernesto Contratista' }).waitFor({ timeout: 20_000 });
    await shot(page, 'transmittal-acknowledged-seen-by-sender');
    await desk.close();
  });
});
