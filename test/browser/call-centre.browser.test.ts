// The call centre in a real browser: tickets read from the (fake) SIG show on the call-centre board (by state
// and type, past their SLA, the oldest waiting, the SIG's last run); a ticket waits in the operator's queue;
// she classifies it, answers the caller, creates the work request, and once the supervisor has turned it
// into an order she reads where the caller's issue stands from the ticket itself; the supervisor's board
// then counts what was handled today.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSigTickets, startFakeSigSite, type FakeSigSite } from '../../integrations/sig/fake-sig-site.js';
import { createSigClient } from '../../integrations/sig/sig-client.js';
import { syncSigTickets } from '../../domain/call-center/sync-sig-tickets.js';
import { actAs } from '../../prisma/actor.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const started = browserAndBackOffice();
let site: FakeSigSite;
let operator: Person;
let supervisor: Person;

beforeAll(async () => {
  const office = started.office();
  const prisma = office.database.prisma;
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Operadora');
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  await make.anAsset(prisma, { code: 'TRF-0042', description: 'Transformador 37,5 kVA Col. Kennedy' });
  site = await startFakeSigSite({ tickets: sampleSigTickets(3) });
  const run = await actAs({ label: 'job:sig-sync' }, () =>
    syncSigTickets(prisma, createSigClient({ baseUrl: site.url, ...site.credentials, pageDelayMs: 0, timeoutMs: 5_000, maxPages: 5 }), { timeZone: office.config.timeZone }),
  );
  expect(run.created).toBe(3);
});
afterAll(() => site?.close());

const clickAction = (page: Page, label: string) => page.getByRole('button', { name: label }).or(page.getByRole('link', { name: label })).first().click();

describe('the call-centre board', () => {
  it("shows the operator the SIG's tickets, those past their SLA, the oldest waiting and the last read, with links to the lists", async () => {
    const office = started.office();
    const context = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, office.url, operator.email, PASSWORD);
    // She lands on the dashboard, which leads to her board.
    await page.getByTestId('open-call-centre-board').click({ timeout: 20_000 });
    const board = page.getByTestId('call-centre-board');
    await board.waitFor({ timeout: 20_000 });
    await board.getByText('Tablero del centro de llamadas').waitFor();
    // Three open tickets, one of each of the first three types, all reported early in November: past both clocks.
    expect(await board.getByTestId('cc-count-OPEN').innerText()).toBe('3');
    for (const type of ['FAILURE', 'SERVICE', 'COMPLAINT']) expect(await board.getByTestId(`cc-count-OPEN-${type}`).innerText()).toBe('1');
    expect(await board.getByTestId('cc-overdue-count').innerText()).toBe('3');
    expect(await board.getByTestId('cc-overdue').innerText()).toContain('3 sin respuesta a tiempo · 3 sin resolver a tiempo');
    expect(await board.getByTestId('cc-overdue-ticket').count()).toBe(3);
    expect(await board.getByTestId('cc-oldest-waiting').innerText()).toContain('100001');
    expect(await board.getByTestId('cc-oldest-waiting').innerText()).toContain('José Peña 1 · Falla');
    expect(await board.getByTestId('cc-oldest-waiting').innerText()).toMatch(/Reportado el 1\/11\/26, 7:00\sa\.\s?m\., hace \d+ días/);
    expect(await board.getByTestId('cc-age-FAILURE-3').innerText()).toBe('1');
    // The SIG's last read, in words.
    expect(await board.getByTestId('cc-last-run-state').innerText()).toBe('Correcta');
    expect(await board.getByTestId('cc-last-run-counts').innerText()).toBe('Páginas: 1 · tickets leídos: 3 · nuevos: 3 · ya conocidos: 0');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'call-centre-board.png'), fullPage: true });

    // A figure opens the list it counts.
    await board.getByTestId('cc-count-OPEN').getByRole('link').click();
    await page.waitForURL(/filters\.state=OPEN/, { timeout: 20_000 });
    for (const number of ['100001', '100002', '100003']) await page.getByText(number, { exact: true }).first().waitFor({ timeout: 20_000 });
    // In English after a reload with her language changed: the same board, the run's state in English.
    await started.office().database.prisma.user.update({ where: { id: operator.userId }, data: { locale: 'en' } });
    await page.goto(`${office.url}/admin/resources/Ticket/actions/board`);
    await board.getByText('Call-centre board').waitFor({ timeout: 20_000 });
    expect(await board.getByTestId('cc-overdue').innerText()).toContain('3 not answered in time · 3 not resolved in time');
    expect(await board.getByTestId('cc-last-run-counts').innerText()).toBe('Pages: 1 · tickets read: 3 · new: 3 · already known: 0');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'call-centre-board-en.png'), fullPage: true });
    await started.office().database.prisma.user.update({ where: { id: operator.userId }, data: { locale: 'es' } });
    await context.close();
  }, 240_000);
});

describe('an operator handles a scraped ticket through to an order', () => {
  it('classifies, answers, creates the work request and follows the order from the ticket', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { number: '100001' } });

    const context = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, office.url, operator.email, PASSWORD);
    // Her queue: the open tickets, the SIG's among them, with their SLA.
    await page.goto(`${office.url}/admin/resources/Ticket?filters.state=OPEN`);
    await page.getByText('100001').first().waitFor({ timeout: 20_000 });
    await page.getByText('José Peña 1').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'call-centre-queue.png'), fullPage: true });

    await page.goto(`${office.url}/admin/resources/Ticket/records/${ticket.id}/show`);
    await page.getByText('Col. Kennedy, 3a calle').first().waitFor({ timeout: 20_000 });
    await clickAction(page, 'Clasificar');
    const classify = page.getByTestId('ticket-classify');
    await classify.locator('input[name=assetCode]').waitFor({ timeout: 15_000 });
    await classify.locator('input[name=assetCode]').fill('TRF-9999');
    await classify.locator('select[name=priority]').selectOption('URGENT');
    await page.getByTestId('ticket-submit').click();
    await classify.getByTestId('error-assetCode').waitFor({ timeout: 15_000 });
    expect(await classify.getByTestId('error-assetCode').innerText()).toBe('No hay un activo con el código «TRF-9999» que usted pueda ver: elíjalo de la lista.');
    await classify.locator('input[name=assetCode]').fill('TRF-0042');
    await page.getByTestId('ticket-submit').click();
    await page.getByText('Ticket clasificado.').waitFor({ timeout: 15_000 });

    await clickAction(page, 'Responder');
    const answer = page.getByTestId('ticket-answer');
    await answer.locator('textarea[name=body]').waitFor({ timeout: 15_000 });
    await answer.locator('textarea[name=body]').fill('Una cuadrilla revisará el transformador hoy.');
    await page.getByTestId('ticket-submit').click();
    await page.getByText('Respuesta registrada.').waitFor({ timeout: 15_000 });

    await clickAction(page, 'Crear aviso');
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByText('Aviso creado: el ticket seguirá su estado y el de su orden de trabajo.').waitFor({ timeout: 15_000 });
    const request = await prisma.workRequest.findFirstOrThrow({ where: { tickets: { some: { id: ticket.id } } } });
    await page.reload();
    await page.getByText(`Aviso #${request.id}: Abierto. Aún sin orden de trabajo.`).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'call-centre-ticket-with-request.png'), fullPage: true });

    // The supervisor turns the request into a corrective order (his own page, his own button).
    const asSupervisor = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const boss = await asSupervisor.newPage();
    await signInThroughForm(boss, office.url, supervisor.email, PASSWORD);
    await boss.goto(`${office.url}/admin/resources/WorkRequest/records/${request.id}/show`);
    await clickAction(boss, 'Convertir en OT');
    await boss.getByRole('button', { name: 'Confirmar' }).click();
    await boss.getByText('Aviso convertido en orden de trabajo correctiva.').waitFor({ timeout: 15_000 });
    await asSupervisor.close();
    const order = await prisma.workOrder.findFirstOrThrow({ where: { workRequestId: request.id } });

    // Back on the ticket, the operator tells the caller where it stands.
    await page.reload();
    await page.getByText(new RegExp(`Orden ${order.number}: Pendiente`)).waitFor({ timeout: 20_000 });
    await page.getByText('Una cuadrilla revisará el transformador hoy.').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'call-centre-ticket-with-order.png'), fullPage: true });
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ state: 'IN_PROGRESS', priority: 'URGENT', workRequestId: request.id });
    await context.close();
  }, 240_000);

  it("the supervisor's board counts the answer given today, and its link lists that ticket", async () => {
    const office = started.office();
    const context = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);
    // From the ticket list, its "Tablero" button.
    await page.goto(`${office.url}/admin/resources/Ticket`);
    await page.getByText('100001').first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Tablero', exact: true }).or(page.getByRole('link', { name: 'Tablero', exact: true })).first().click();
    const board = page.getByTestId('call-centre-board');
    await board.waitFor({ timeout: 20_000 });
    expect(await board.getByTestId('cc-count-IN_PROGRESS-FAILURE').innerText()).toBe('1');
    expect(await board.getByTestId('cc-count-OPEN').innerText()).toBe('2');
    // 100001 was answered: the caller waiting longest is now 100002's.
    expect(await board.getByTestId('cc-oldest-waiting').innerText()).toContain('100002');
    expect(await board.getByTestId('cc-answered-today').innerText()).toContain('1');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'call-centre-board-supervisor.png'), fullPage: true });
    await board.getByTestId('cc-answered-today').click();
    await page.waitForURL(/filters\.answeredAt(~~|%7E%7E)from=/, { timeout: 20_000 });
    await page.getByText('100001', { exact: true }).first().waitFor({ timeout: 20_000 });
    expect(await page.getByText('100002', { exact: true }).count()).toBe(0);
    await context.close();
  }, 240_000);
});
