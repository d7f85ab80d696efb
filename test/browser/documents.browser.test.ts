import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import { aPdf, uploadRevision } from '../support/documents.js';
import { aTextPdf } from '../support/text-files.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const started = browserAndBackOffice();
let supervisor: Person;
let documentId: number;
beforeAll(async () => {
  const office = started.office();
  const prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  documentId = (await prisma.document.create({ data: { title: 'Procedimiento de arranque de caldera', kind: 'PROCEDURE' } })).id;
});

describe('a supervisor in a real browser', () => {
  it('uploads a PDF to a document, signs it with his password, and sees the signature and its audit', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const page = await started.browser().newPage({ viewport: { width: 1400, height: 1000 } });
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);

    await page.goto(`${office.url}/admin/resources/Document/records/${documentId}/show`);
    await page.getByText('Sin revisiones.').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Subir revisión' }).or(page.getByRole('link', { name: 'Subir revisión' })).first().click();
    await page.locator('#revision-file').setInputFiles({ name: 'Arranque caldera.pdf', mimeType: 'application/pdf', buffer: aPdf('Arranque de caldera') });
    await page.getByRole('button', { name: 'Subir', exact: true }).click();

    // Back on the document: revision 1, downloadable.
    const revision = page.getByTestId('revision-1');
    await revision.waitFor({ timeout: 15_000 });
    expect(await revision.innerText()).toContain('Arranque caldera.pdf');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'document-uploaded.png'), fullPage: true });

    await revision.getByRole('link', { name: 'Firmar' }).click();
    await page.locator('#sign-password').fill('no-es-la-clave');
    await page.getByRole('button', { name: 'Firmar', exact: true }).click();
    await page.getByText('Contraseña incorrecta. No se registró ninguna firma.').waitFor({ timeout: 15_000 });
    expect(await prisma.documentSignature.count()).toBe(0);

    await page.locator('#sign-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Firmar', exact: true }).click();
    await page.getByText('Todas las firmas requeridas están: documento aprobado.').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'document-signed.png'), fullPage: true });

    await page.goto(`${office.url}/admin/resources/Document/records/${documentId}/show`);
    const signatures = page.getByTestId('signatures-1');
    await signatures.waitFor({ timeout: 15_000 });
    const audit = await signatures.innerText();
    const stored = await prisma.signatureAudit.findFirstOrThrow({ include: { signer: true } });
    expect(stored.signer.name).toBe('Sara Supervisora');
    expect(stored.userAgent).toMatch(/Chrome/);
    expect(audit).toContain('Sara Supervisora');
    expect(audit).toContain('127.0.0.1');
    expect(audit).toContain(stored.userAgent);
    expect(audit).toContain(stored.sha256);
    await page.getByText('Aprobado').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'document-signature-audit.png'), fullPage: true });

    // "Verificar" recomputes the hash of the stored file.
    await page.getByTestId('revision-1').getByRole('link', { name: 'Verificar' }).click();
    await page.getByText('El archivo almacenado coincide con el firmado.').waitFor({ timeout: 15_000 });
    await page.close();
  }, 180_000); // a browser journey on a shared two-core machine

  it("sees a work order's attachments on its page and downloads one through the checking route", async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const order = await make.aWorkOrder(prisma, { description: 'Revisar quemador' });
    const attachment = await prisma.document.create({ data: { title: 'Foto del quemador', kind: 'PHOTO', workOrderId: order.id } });
    await uploadRevision(supervisor.client, attachment.id, aPdf('Quemador'), 'quemador.pdf');

    const page = await started.browser().newPage({ viewport: { width: 1400, height: 1000 } });
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);
    await page.goto(`${office.url}/admin/resources/WorkOrder/records/${order.id}/show`);
    const section = page.getByTestId('attachments-WorkOrder');
    await section.getByText('Foto del quemador').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'work-order-attachments.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: /quemador\.pdf/ }).click()]);
    expect(download.suggestedFilename()).toBe('quemador.pdf');
    await page.close();
  });

  it('searches the documents by two words without accents, sees the passage with the words marked, and opens the PDF at its page', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const manual = await prisma.document.create({ data: { title: 'Manual del compresor de refrigeración', kind: 'MANUAL' } });
    // Uploaded as anyone does: the upload sends the indexing job, which the in-process worker runs.
    await uploadRevision(supervisor.client, manual.id, await aTextPdf([
      'Índice y datos de placa del compresor.',
      'Cambie el filtro deshidratador y revise la válvula de expansión cada 4000 horas.',
    ]), 'Manual compresor.pdf');
    await expect.poll(
      async () => (await prisma.documentRevision.findFirstOrThrow({ where: { documentId: manual.id } })).textState,
      { timeout: 180_000, interval: 1_000 },
    ).toBe('EXTRACTED');

    const page = await started.browser().newPage({ viewport: { width: 1400, height: 1000 } });
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);
    await page.goto(`${office.url}/admin/resources/Document`);
    await page.getByText('Buscar en documentos').first().click();
    await page.locator('#document-search-text').fill('valvula expansion');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    const results = page.getByTestId('document-search-results');
    await results.getByText('Un documento contiene esas palabras.').waitFor({ timeout: 30_000 });
    const found = results.locator('[data-testid^="found-DOC-"]');
    expect(await found.count()).toBe(1);
    expect(await found.innerText()).toContain('Manual del compresor de refrigeración');
    expect(await found.locator('mark').allInnerTexts()).toEqual(['válvula', 'expansión']);
    const pageLink = found.getByRole('link', { name: 'Página 2' });
    expect(await pageLink.getAttribute('href')).toMatch(/\/admin\/documents\/revisions\/\d+\/open#page=2$/);
    expect(page.url()).toContain('q=valvula+expansion');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'document-search.png'), fullPage: true });

    // The PDF opens inline, sandboxed, under the same rule as the download.
    const opened = await page.request.get(`${office.url}${(await pageLink.getAttribute('href'))!.replace(/#.*$/, '')}`);
    expect(opened.status()).toBe(200);
    expect(opened.headers()).toMatchObject({ 'content-type': 'application/pdf', 'content-security-policy': 'sandbox' });
    expect(opened.headers()['content-disposition']).toMatch(/^inline;/);

    // Nothing readable holds these words: said plainly, with no invitation to create anything.
    await page.locator('#document-search-text').fill('turbina de gas');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await results.getByText('Ningún documento que usted pueda leer contiene esas palabras.').waitFor({ timeout: 30_000 });
    await page.close();
  }, 300_000);

  it("searches from the top bar's box from any page, is told search by meaning is off, and asks a question answered offline from the passages", async () => {
    // The compressor manual of the previous test is read and searchable.
    const office = started.office();
    const page = await started.browser().newPage({ viewport: { width: 1400, height: 1000 } });
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);
    await page.goto(`${office.url}/admin/resources/WorkOrder`);
    const box = page.getByTestId('top-bar-search').getByRole('searchbox', { name: 'Buscar en documentos' });
    await box.fill('filtro deshidratador');
    await box.press('Enter');
    await page.waitForURL(/\/admin\/resources\/Document\/actions\/searchText\?q=filtro\+deshidratador/, { timeout: 30_000 });
    const results = page.getByTestId('document-search-results');
    await results.getByText('Un documento contiene esas palabras.').waitFor({ timeout: 30_000 });
    expect(await page.locator('#document-search-text').inputValue()).toBe('filtro deshidratador');
    expect(await results.locator('mark').allInnerTexts()).toEqual(['filtro', 'deshidratador']);
    // No embeddings service and no pgvector here: the page says why, and searched by words.
    expect(await page.getByTestId('semantic-state').innerText()).toContain('La búsqueda por significado está apagada');

    // No language model configured: the answer is the passages that answer best, the words marked, linked to their page.
    await page.locator('#document-question').fill('¿Cada cuántas horas se revisa la válvula de expansión?');
    await page.getByRole('button', { name: 'Preguntar', exact: true }).click();
    const answer = page.getByTestId('document-answer');
    await answer.getByText('Sin un modelo de lenguaje configurado').waitFor({ timeout: 30_000 });
    const source = answer.getByTestId('answer-source').first();
    expect(await source.innerText()).toContain('Manual del compresor de refrigeración');
    expect(await source.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining(['válvula', 'expansión', 'horas']));
    expect(await source.getByRole('link', { name: 'Página 2' }).getAttribute('href')).toMatch(/\/admin\/documents\/revisions\/\d+\/open#page=2$/);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'document-question-offline.png'), fullPage: true });

    await page.locator('#document-question').fill('¿Quién ganó el campeonato de fútbol?');
    await page.getByRole('button', { name: 'Preguntar', exact: true }).click();
    await answer.getByText('No lo encuentro en los documentos.').waitFor({ timeout: 30_000 });
    await page.close();
  }, 300_000);
});
